/**
 * The Python side of kernel_runner.ts, run as `python3 -c KERNEL_RUNNER_PY`: executes a
 * notebook cell by cell in a fresh kernel with nbclient (the Jupyter project's headless
 * executor, as scripts/run_notebook.py uses it). Reads its job as JSON on stdin, writes
 * the executed notebook and each cell's status as JSON to `result_path` (not stdout,
 * which the kernel process shares).
 *
 * - A cell over `cell_timeout` is interrupted (tslab stops a running cell on SIGINT) and
 *   counts as "timeout"; the notebook goes on. After a failing cell it waits 0.3 s:
 *   tslab aborts requests that arrive within 200 ms of an error.
 * - Past `total_timeout` (counted from when the kernel is ready, so a slow start on a
 *   loaded machine costs the student nothing), or when the kernel's resident memory passes `memory_mb`, a
 *   watchdog kills the kernel's process group; the cells not run are "not run".
 * - A cell's outputs stop at `max_output_chars` characters (a note says so).
 * - With `stop_on_error`, the first cell that fails ends the run (for `nnlab submit`).
 * - A kernel that does not answer its first request within `startup_timeouts[i]` seconds is
 *   shut down and a fresh one started (new ports), one try per entry: on a busy machine
 *   another process may take one of the five ports Jupyter picked before tslab binds them,
 *   and tslab then runs on, deaf. No student code has run by then, so none runs twice.
 */
export const KERNEL_RUNNER_PY = String.raw`
import json, os, signal, sys, threading, time
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

job = json.load(sys.stdin)
nb = nbformat.from_dict(job["notebook"])
limit = job["max_output_chars"]
status, sizes, failure = {}, {}, {}

class Client(NotebookClient):
    def output(self, outs, msg, display_id, cell_index):
        size = sizes.get(cell_index, 0) + len(json.dumps(msg.get("content", {})))
        sizes[cell_index] = size
        if size > limit:
            if size - len(json.dumps(msg.get("content", {}))) <= limit:
                outs.append(nbformat.v4.new_output("stream", name="stdout",
                    text="\n[nnlab: output truncated after %d characters]\n" % limit))
            return None
        return super().output(outs, msg, display_id, cell_index)

def on_executed(cell, cell_index, execute_reply):
    content = execute_reply["content"]
    status[cell_index] = "timeout" if content.get("ename") == "Timeout" else content.get("status", "error")

def new_client(startup_timeout):
    return Client(nb, timeout=job["cell_timeout"], startup_timeout=startup_timeout, allow_errors=True,
        interrupt_on_timeout=True, kernel_name=job["kernel_name"],
        error_on_timeout={"ename": "Timeout", "evalue": "cell ran over %ss" % job["cell_timeout"], "traceback": []},
        on_cell_executed=on_executed, resources={"metadata": {"path": job["cwd"]}})

def rss_mb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0

def kill(pid, kind, message):
    failure.setdefault("kind", kind)
    failure.setdefault("message", message)
    for sig_target in (lambda: os.killpg(os.getpgid(pid), signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
        try:
            sig_target()
        except OSError:
            pass

def watchdog(pid, deadline, stop):
    while not stop.is_set():
        if time.monotonic() > deadline:
            return kill(pid, "timeout", "the notebook ran over its time limit of %ss" % job["total_timeout"])
        used = rss_mb(pid)
        if used > job["memory_mb"]:
            return kill(pid, "memory", "the kernel used %d MB, over the memory limit of %d MB" % (used, job["memory_mb"]))
        stop.wait(0.2)

def run(client):
    global current
    pid = client.km.provisioner.process.pid
    with open(job["pid_path"], "w") as f:
        f.write(str(pid))
    threading.Thread(target=watchdog, args=(pid, time.monotonic() + job["total_timeout"], stop), daemon=True).start()
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        current = index
        client.execute_cell(cell, index)
        if failure:
            break
        if status.get(index) != "ok":
            if job["stop_on_error"]:
                break
            time.sleep(0.3)
    current = None

started = time.monotonic()
current = None
stop = threading.Event()
startup_errors = []
for startup_timeout in job["startup_timeouts"]:
    ready = False
    try:
        client = new_client(startup_timeout)
        with client.setup_kernel():
            ready = True
            run(client)
    except Exception as e:
        if not ready:
            startup_errors.append("%s: %s" % (type(e).__name__, e))
            continue
        if isinstance(e, DeadKernelError):
            failure.setdefault("kind", "crashed")
            failure.setdefault("message", "the kernel died (a crash, or the JavaScript heap over its limit of %d MB)" % job["memory_mb"])
        else:
            failure.setdefault("kind", "crashed")
            failure.setdefault("message", "%s: %s" % (type(e).__name__, e))
    break
else:
    failure["kind"] = "startup"
    failure["message"] = "no kernel answered in %d tries (%s)" % (len(startup_errors), "; ".join(startup_errors))
stop.set()
if failure and current is not None:
    status[current] = failure["kind"]
    failure["cell"] = current

def text(cell, name):
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream" and o.get("name") == name)

cells = [{"index": i, "status": status.get(i, "not run"), "stdout": text(c, "stdout"), "stderr": text(c, "stderr")}
         for i, c in enumerate(nb.cells) if c.cell_type == "code"]
with open(job["result_path"], "w") as f:
    json.dump({"cells": cells, "failure": failure or None, "notebook": nb, "seconds": time.monotonic() - started}, f)
`;
