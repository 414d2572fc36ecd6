import { describe, expect, it } from "vitest";
import { parseIdx } from "../../../src/data/datasets/idx";

/** An idx file of bytes: magic 0x0000080d (d = sizes.length), big-endian sizes, then the values. */
function idxFile(sizes: number[], values: number[], magic = 0x800 + sizes.length): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * sizes.length + values.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic, false);
  sizes.forEach((s, k) => view.setUint32(4 + 4 * k, s, false));
  bytes.set(values, 4 + 4 * sizes.length);
  return bytes;
}

describe("parseIdx", () => {
  it("reads big-endian sizes and the values after the header", () => {
    const file = idxFile([2, 2, 3], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255]);
    expect(Array.from(file.subarray(0, 8))).toEqual([0, 0, 8, 3, 0, 0, 0, 2]); // 2051, then N = 2
    const { sizes, data } = parseIdx(file, 2051, "toy");
    expect(sizes).toEqual([2, 2, 3]);
    expect(Array.from(data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255]);
  });

  it("reads sizes above 65535 (all four bytes of the big-endian integer)", () => {
    const n = 70000;
    const { sizes, data } = parseIdx(idxFile([n], new Array<number>(n).fill(3)), 2049, "labels");
    expect(sizes).toEqual([70000]);
    expect(data.length).toBe(n);
  });

  it("names the expected and the actual magic number", () => {
    expect(() => parseIdx(idxFile([1], [5]), 2051, "f")).toThrow(
      "parseIdx: f is not an idx image file: expected magic number 2051, got 2049: it is an idx label file, were the files swapped?",
    );
    expect(() => parseIdx(Uint8Array.from([1, 2, 3, 4, 5]), 2049, "f")).toThrow(
      "expected magic number 2049, got 16909060",
    );
  });

  it("explains gzipped, empty and truncated files", () => {
    expect(() => parseIdx(Uint8Array.from([0x1f, 0x8b, 8, 0, 0]), 2049, "f.gz")).toThrow(
      "parseIdx: f.gz is gzip-compressed (starts 1f 8b); gunzip it first",
    );
    expect(() => parseIdx(new Uint8Array(0), 2049, "f")).toThrow(
      "f has 0 bytes, too short for an idx label file",
    );
    expect(() => parseIdx(idxFile([2, 2, 2], []).subarray(0, 10), 2051, "f")).toThrow(
      "f has 10 bytes, shorter than its 16-byte header; the file is truncated",
    );
    expect(() => parseIdx(idxFile([2, 2, 2], [1, 2, 3]), 2051, "f")).toThrow(
      "f should have 24 bytes (a 16-byte header, then [2, 2, 2] values), got 19; the file is truncated or corrupt",
    );
  });
});
