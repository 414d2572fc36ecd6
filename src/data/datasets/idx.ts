/** An n-dimensional array of bytes read from an idx file. */
export interface IdxArray {
  /** The sizes from the header: [N, 28, 28] for images, [N] for labels. */
  sizes: number[];
  /** The values: a view into the file's bytes (no copy). */
  data: Uint8Array;
}

const KIND: Record<number, string> = { 2049: "label", 2051: "image" };

/**
 * The idx format of LeCun's MNIST files: a big-endian header, then the raw bytes.
 *
 *     bytes 0–3        magic number: 0x00 0x00, a type code (0x08 = unsigned byte), d
 *     bytes 4 … 4+4d   the d sizes, 32-bit big-endian integers
 *     then             Π sizes values, row-major, one byte each
 *
 * So an image file starts with magic 2051 = 0x00000803 (bytes, 3 sizes: N, 28, 28) and a
 * label file with 2049 = 0x00000801 (bytes, 1 size: N). Parsing checks the magic number
 * and that the file is exactly as long as its header says, and explains what it found
 * otherwise (a gzipped download, image and label files swapped, a truncated file).
 *
 * Only unsigned bytes (type code 0x08), the type of every MNIST file, are read.
 *
 * @example const { sizes, data } = parseIdx(fs.readFileSync(file), 2051, file);  // sizes [10000, 28, 28]
 */
export function parseIdx(bytes: Uint8Array, expectedMagic: number, file: string): IdxArray {
  const what = `idx ${KIND[expectedMagic] ?? "data"} file`;
  if (expectedMagic >>> 8 !== 0x08) {
    throw new RangeError(
      `parseIdx: only unsigned-byte idx files (magic 0x08nn: 2049, 2051, …) are supported, asked for magic ${expectedMagic}`,
    );
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    throw new Error(`parseIdx: ${file} is gzip-compressed (starts 1f 8b); gunzip it first`);
  }
  if (bytes.length < 4) {
    throw new Error(`parseIdx: ${file} has ${bytes.length} bytes, too short for an ${what}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false); // big-endian
  if (magic !== expectedMagic) {
    const swapped = KIND[magic]
      ? `: it is an idx ${KIND[magic]} file, were the files swapped?`
      : "";
    throw new Error(
      `parseIdx: ${file} is not an ${what}: expected magic number ${expectedMagic}, got ${magic}${swapped}`,
    );
  }
  const d = magic & 0xff; // the last byte of the magic number counts the sizes
  const header = 4 + 4 * d;
  if (bytes.length < header) {
    throw new Error(
      `parseIdx: ${file} has ${bytes.length} bytes, shorter than its ${header}-byte header; the file is truncated`,
    );
  }
  const sizes: number[] = [];
  for (let k = 0; k < d; k++) sizes.push(view.getUint32(4 + 4 * k, false));
  const expected = header + sizes.reduce((p, s) => p * s, 1);
  if (bytes.length !== expected) {
    throw new Error(
      `parseIdx: ${file} should have ${expected} bytes (a ${header}-byte header, then ` +
        `[${sizes.join(", ")}] values), got ${bytes.length}; the file is truncated or corrupt`,
    );
  }
  return { sizes, data: bytes.subarray(header) };
}
