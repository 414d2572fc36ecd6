import { isAbsolute, resolve } from "node:path";
import type { Params } from "./space";
import type { Trial } from "./trial";

/**
 * What a study minimises or maximises: the configuration's score, e.g. the validation loss
 * after training with `params`. It may report a learning curve on `trial` and stop when
 * `trial.shouldPrune()`; it should seed its randomness with `trial.seed` (the default
 * generator is already seeded with it). A throw marks the trial failed; the study goes on.
 */
export type Objective<P extends Params = Params> = (
  params: P,
  trial: Trial<P>,
) => Promise<number> | number;

/**
 * An objective named by where it lives, for `{ workers: n }`: functions cannot be sent to a
 * worker thread, so each worker loads `module` (a path, absolute or relative to the working
 * directory — a notebook's folder —, `.js` or `.ts`) and calls its export `export`.
 *
 * @example { module: "./objective.ts", export: "trainSpiral" }
 */
export interface ObjectiveRef {
  module: string;
  export: string;
}

/** Whether `o` names an objective rather than being one. */
export function isObjectiveRef(o: unknown): o is ObjectiveRef {
  const r = o as Partial<ObjectiveRef> | null;
  return (
    typeof r === "object" &&
    r !== null &&
    typeof r.module === "string" &&
    typeof r.export === "string"
  );
}

/** The reference with its module path made absolute (workers resolve from elsewhere). */
export function absoluteRef(ref: ObjectiveRef): ObjectiveRef {
  const local = ref.module.startsWith(".") || isAbsolute(ref.module);
  return { module: local ? resolve(ref.module) : ref.module, export: ref.export };
}

/** Loads the objective a reference names; says what the module exports when the name is wrong. */
export async function loadObjective(ref: ObjectiveRef): Promise<Objective> {
  const mod = (await import(ref.module)) as Record<string, unknown>;
  const fn = mod[ref.export];
  if (typeof fn !== "function") {
    const names = Object.keys(mod)
      .filter((k) => k !== "__esModule")
      .join(", ");
    throw new TypeError(
      `tune: "${ref.module}" has no function export "${ref.export}" (it exports: ${names || "nothing"})`,
    );
  }
  return fn as Objective;
}
