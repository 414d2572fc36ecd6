/**
 * The first code a trial worker thread runs (plain JavaScript, given to `new Worker` with
 * `eval: true`): when the runner or the objective is a TypeScript file — under vitest, or a
 * notebook's `objective.ts` — it teaches `require` to compile `.ts` files with the
 * `typescript` package (type-stripping only, `transpileModule`), then loads the runner.
 * Compiled files are cached in the system's temporary folder (nnlab-tune-ts/, keyed by a
 * hash of the path, source and TypeScript version), so later workers start in a fraction
 * of the ~2 s that compiling all of src/ takes. From the built package with a `.js`
 * objective nothing is compiled.
 */
export const WORKER_BOOTSTRAP = `
"use strict";
const { workerData } = require("node:worker_threads");
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const os = require("node:os");
const { runner, objective } = workerData;
if ([runner, objective.module].some((p) => p.endsWith(".ts")) && !require.extensions[".ts"]) {
  let ts = null;
  for (const from of [path.dirname(objective.module), path.dirname(runner), process.cwd()]) {
    try {
      ts = require(require.resolve("typescript", { paths: [from] }));
      break;
    } catch {}
  }
  if (ts === null) {
    throw new Error("tune: a worker thread needs the typescript package to load " + objective.module + " (npm install --save-dev typescript), or give a compiled .js module");
  }
  const compilerOptions = {
    module: ts.ModuleKind.CommonJS,
    target: ts.ScriptTarget.ES2022,
    esModuleInterop: true,
  };
  const cacheDir = path.join(os.tmpdir(), "nnlab-tune-ts");
  const compile = (source, filename) => {
    const key = crypto.createHash("sha256").update(ts.version + "|" + filename + "|" + source).digest("hex");
    const cached = path.join(cacheDir, key + ".js");
    try {
      return fs.readFileSync(cached, "utf8");
    } catch {}
    const js = ts.transpileModule(source, { fileName: filename, compilerOptions }).outputText;
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      const tmp = cached + "." + process.pid + "." + require("node:worker_threads").threadId;
      fs.writeFileSync(tmp, js);
      fs.renameSync(tmp, cached); // atomic: a worker starting beside this one reads all or nothing
    } catch {}
    return js;
  };
  require.extensions[".ts"] = (module, filename) => {
    module._compile(compile(fs.readFileSync(filename, "utf8"), filename), filename);
  };
}
require(runner);
`;
