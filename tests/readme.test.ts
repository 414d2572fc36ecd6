/**
 * The README's examples are code a newcomer pastes into a notebook: each ```ts block must
 * type-check against the library and run. Blocks import "nnlab"; here that name points at
 * src/ (the notebooks get the built package under the same name).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..");
const OUT = join(ROOT, "test-artifacts", "readme");
const blocks = [
  ...readFileSync(join(ROOT, "README.md"), "utf8").matchAll(/```ts\n([\s\S]*?)```/g),
].map((m) => m[1]);

/** Writes block i as a module importing src/ instead of "nnlab". */
function writeBlock(i: number): string {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, `block_${i}.ts`);
  const src = join(ROOT, "src", "index").replace(/\\/g, "/");
  writeFileSync(file, blocks[i].replace(/from "nnlab"/g, `from "${src}"`) + "\nexport {};\n");
  return file;
}

describe("README examples", () => {
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
      .map((d) => `${d.file!.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
    expect(errors).toEqual([]);
  });

  it.each(files.map((f, i) => [i, f] as const))("example %i runs", async (_i, file) => {
    await import(file);
  });
});
