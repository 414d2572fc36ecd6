/**
 * The README's examples are code a newcomer pastes into a notebook: each ```ts block must
 * type-check against the library and run. Blocks import "nnlab" and "nnlab/widgets"; here
 * those names point at src/ and widgets/ (the notebooks get the built package under the
 * same names), and figures shown go to a recorder instead of a notebook cell.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDisplayTransport } from "../widgets/display";
import { RecordingTransport } from "./widgets/fixtures";

const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, "test-artifacts", "readme");
const blocks = [
  ...readFileSync(join(ROOT, "README.md"), "utf8").matchAll(/```ts\n([\s\S]*?)```/g),
].map((m) => m[1]);

/** Writes block i as a module importing src/ and widgets/ instead of "nnlab" and "nnlab/widgets". */
function writeBlock(i: number): string {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `block_${i}.ts`);
  const path = (...parts: string[]) => join(ROOT, ...parts).replace(/\\/g, "/");
  const code = blocks[i]
    .replace(/from "nnlab"/g, `from "${path("src", "index")}"`)
    .replace(/from "nnlab\/widgets"/g, `from "${path("widgets", "index")}"`);
  writeFileSync(file, code + "\nexport {};\n");
  return file;
}

const shown = new RecordingTransport();
/** TS1378, "top-level 'await' expressions are only allowed when…": allowed in tslab cells (and in vitest). */
const TOP_LEVEL_AWAIT = 1378;

describe("README examples", () => {
  beforeAll(() => setDisplayTransport(shown));
  afterAll(() => setDisplayTransport());
  const files = blocks.map((_, i) => writeBlock(i));

  it("has examples", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
  });

  it("every example type-checks in strict mode", () => {
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      types: ["node"],
    });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file && files.includes(resolve(d.file.fileName)))
      .filter((d) => d.code !== TOP_LEVEL_AWAIT) // tslab cells may await at top level
      .map((d) => `${d.file!.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    expect(errors).toEqual([]);
  });

  it.each(files.map((f, i) => [i, f] as const))("example %i runs", async (_i, file) => {
    await import(file);
  });

  it("the widget examples put their figures in the (recorded) cell", () => {
    const widgetBlocks = blocks.filter((b) => b.includes('from "nnlab/widgets"')).length;
    expect(widgetBlocks).toBeGreaterThanOrEqual(1);
    expect(shown.figures().length).toBeGreaterThanOrEqual(widgetBlocks);
  });
});
