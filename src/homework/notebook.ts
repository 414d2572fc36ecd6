import { createHash } from "node:crypto";

/** One cell of an nbformat-4 notebook, as Jupyter writes it (source may be a list of lines). */
export interface Cell {
  cell_type: "code" | "markdown" | "raw";
  id?: string;
  source: string | string[];
  metadata: Record<string, unknown>;
  outputs?: Output[];
  execution_count?: number | null;
}

/** An output of a code cell: a stream, an error or a rich display. */
export interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  ename?: string;
  evalue?: string;
  data?: Record<string, unknown>;
  [key: string]: unknown;
}

/** An nbformat-4 notebook. */
export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: Cell[];
}

/**
 * Parses notebook JSON, checking what grading relies on: nbformat 4 and a list of cells
 * with a known type and a source. `where` names the file in the error messages.
 *
 * @example parseNotebook(readFileSync("hw.ipynb", "utf8"), "hw.ipynb")
 */
export function parseNotebook(text: string, where: string): Notebook {
  if (text.trim() === "")
    throw new Error(`${where}: expected an .ipynb notebook (JSON), got an empty file`);
  let nb: Partial<Notebook>;
  try {
    nb = JSON.parse(text) as Partial<Notebook>;
  } catch (e) {
    throw new Error(
      `${where}: expected an .ipynb notebook (JSON), got text that does not parse: ${(e as Error).message}`,
    );
  }
  if (nb === null || typeof nb !== "object" || !Array.isArray(nb.cells)) {
    throw new Error(`${where}: expected a notebook with a "cells" list, got ${describe(nb)}`);
  }
  if (nb.nbformat !== 4)
    throw new Error(`${where}: expected nbformat 4, got ${String(nb.nbformat)}`);
  nb.cells.forEach((cell, i) => {
    const ok =
      cell !== null &&
      typeof cell === "object" &&
      ["code", "markdown", "raw"].includes(cell.cell_type) &&
      (typeof cell.source === "string" || Array.isArray(cell.source));
    if (!ok)
      throw new Error(`${where}: cell ${i + 1} is not a code, markdown or raw cell with a source`);
  });
  return {
    nbformat: 4,
    nbformat_minor: nb.nbformat_minor ?? 5,
    metadata: nb.metadata ?? {},
    cells: nb.cells,
  };
}

function describe(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "a list";
  if (typeof x === "object")
    return `an object with keys [${Object.keys(x).slice(0, 5).join(", ")}]`;
  return typeof x;
}

/** A cell's source as one string. */
export function cellSource(cell: Cell): string {
  return Array.isArray(cell.source) ? cell.source.join("") : cell.source;
}

/** A fresh code cell, never run: no outputs, no execution count. */
export function codeCell(id: string, source: string): Cell {
  return { cell_type: "code", id, metadata: {}, source, outputs: [], execution_count: null };
}

/** The notebook as Jupyter writes it: one-space indent, a trailing newline. */
export function notebookJson(nb: Notebook): string {
  return JSON.stringify(nb, null, 1) + "\n";
}

/** Hex SHA-256 of a string or bytes: the checksums in keys, manifests and results. */
export function sha256(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
