"""Run one notebook top to bottom in its own kernel, headless; used by tests/notebooks.

    python3 scripts/run_notebook.py NOTEBOOK OUT_DIR [CELL_TIMEOUT_S]

The executed copy goes to OUT_DIR/<name> (also when a cell fails); NOTEBOOK is never
rewritten. The kernel starts in the notebook's folder, as in the lab. On failure, prints
which cell failed, its source and its output (tslab reports compile and runtime errors on
stderr), and exits 1.

A kernel that does not answer within STARTUP_TIMEOUTS[i] seconds (default 30, 60, 60; set
NNLAB_KERNEL_STARTUP_S="30,60,60" to change) is shut down and a fresh one started: on a busy machine another process may take one of the ports Jupyter picked
before tslab binds them, and tslab then runs on, deaf (src/homework/kernel_runner_py.ts
does the same for graded notebooks).
"""

import os
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

STARTUP_TIMEOUTS = tuple(int(t) for t in os.environ.get("NNLAB_KERNEL_STARTUP_S", "30,60,60").split(","))


def cell_output_text(cell):
    """The text a reader sees under the cell: streams, errors, plain-text results."""
    parts = []
    for out in cell.get("outputs", []):
        if out.output_type == "stream":
            parts.append(f"[{out.name}] {out.text}")
        elif out.output_type == "error":
            parts.append(f"{out.ename}: {out.evalue}\n" + "\n".join(out.traceback))
        elif "text/plain" in out.get("data", {}):
            parts.append(out.data["text/plain"])
    return "".join(p if p.endswith("\n") else p + "\n" for p in parts).rstrip()


def main():
    notebook, out_dir = sys.argv[1], sys.argv[2]
    timeout = int(sys.argv[3]) if len(sys.argv) > 3 else 120
    nb = nbformat.read(notebook, as_version=4)
    current = {"index": None}

    def on_cell_start(cell, cell_index):
        current["index"] = cell_index

    def on_notebook_start(notebook):
        current["ready"] = True

    failure = None
    try:
        for attempt, startup_timeout in enumerate(STARTUP_TIMEOUTS, 1):
            current["ready"] = False
            client = NotebookClient(
                nb,
                timeout=timeout,
                startup_timeout=startup_timeout,
                on_cell_start=on_cell_start,
                on_notebook_start=on_notebook_start,
                resources={"metadata": {"path": os.path.dirname(os.path.abspath(notebook))}},
            )
            try:
                client.execute()
                break
            except (CellExecutionError, CellTimeoutError, DeadKernelError) as e:
                failure = e
                break
            except RuntimeError as e:
                if current["ready"] or attempt == len(STARTUP_TIMEOUTS):
                    failure = e
                    break
                print(f"{notebook}: kernel try {attempt} did not start ({e}); starting another", file=sys.stderr)
    finally:
        os.makedirs(out_dir, exist_ok=True)
        nbformat.write(nb, os.path.join(out_dir, os.path.basename(notebook)))
    if failure is None:
        return 0
    index = current["index"]
    if index is None:
        print(f"{notebook}: the kernel did not run: {failure}", file=sys.stderr)
        return 1
    cell = nb.cells[index]
    print(
        f"{notebook}: cell {index + 1} of {len(nb.cells)} failed ({type(failure).__name__})\n"
        f"--- source ---\n{cell.source}\n"
        f"--- output ---\n{cell_output_text(cell) or str(failure)}",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
