import { describe, expect, it } from "vitest";
import { cellSource, codeCell, notebookJson, parseNotebook } from "../../src/homework/notebook";

describe("parseNotebook", () => {
  it("reads an nbformat-4 notebook whose sources are lists of lines", () => {
    const nb = parseNotebook(
      '{"nbformat":4,"nbformat_minor":5,"metadata":{},"cells":[{"cell_type":"code","metadata":{},"source":["a\\n","b"]}]}',
      "x",
    );
    expect(cellSource(nb.cells[0])).toBe("a\nb");
  });

  it("says what it expected and what it got for empty, non-JSON, cell-less and old notebooks", () => {
    expect(() => parseNotebook("", "hw.ipynb")).toThrow(
      "hw.ipynb: expected an .ipynb notebook (JSON), got an empty file",
    );
    expect(() => parseNotebook("{", "hw.ipynb")).toThrow(/got text that does not parse/);
    expect(() => parseNotebook("[1]", "hw.ipynb")).toThrow(
      'expected a notebook with a "cells" list, got a list',
    );
    expect(() => parseNotebook('{"nbformat":3,"cells":[]}', "hw.ipynb")).toThrow(
      "expected nbformat 4, got 3",
    );
    expect(() =>
      parseNotebook('{"nbformat":4,"cells":[{"cell_type":"code"}]}', "hw.ipynb"),
    ).toThrow("cell 1 is not a code, markdown or raw cell");
  });

  it("writes notebooks as Jupyter does, fresh code cells without outputs", () => {
    const text = notebookJson({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [codeCell("a", "1")],
    });
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n "cells": [\n  {\n   "cell_type": "code"');
    expect(JSON.parse(text).cells[0]).toEqual({
      cell_type: "code",
      id: "a",
      metadata: {},
      source: "1",
      outputs: [],
      execution_count: null,
    });
  });
});
