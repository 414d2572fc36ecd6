import { tensor, type Tensor } from "../../../src";
import { expectClose } from "../../helpers/close";
import {
  type BaseOptions,
  type ParamGroup,
  Optimizer,
  checkNonNegative,
} from "../../../src/optim/optimizer";

/** Helpers of the schedule tests: a test-local optimiser, and lr sequences. */

/**
 * A plain gradient step θ ← θ − α·g: the schedule tests' own optimiser, so they depend only
 * on the `Optimizer` base (`paramGroups[i].lr`), not on `optim/sgd.ts`.
 */
export class PlainGD extends Optimizer<BaseOptions> {
  constructor(params: Tensor[] | { params: Tensor[]; lr?: number }[], options: BaseOptions) {
    super("PlainGD", params, options);
  }

  protected checkOptions(options: BaseOptions): void {
    checkNonNegative("PlainGD", "lr", options.lr);
  }

  protected update(p: Tensor, g: Tensor, _state: unknown, group: ParamGroup<BaseOptions>): void {
    for (let i = 0; i < p.data.length; i++) p.data[i] -= group.lr * g.data[i]; // θ ← θ − α·g
  }
}

/** An optimiser with one parameter group per learning rate: `withLrs(0.1, 0.01)`. */
export function withLrs(...lrs: number[]): PlainGD {
  const groups = lrs.map((lr) => ({ params: [tensor([0], { requiresGrad: true })], lr }));
  return new PlainGD(groups, { lr: lrs[0] });
}

/** The lr of group 0 after each of n `step()` calls, preceded by the lr the constructor set. */
export function trajectory(
  sched: { step(): void; optimizer: Optimizer<BaseOptions> },
  n: number,
): number[] {
  const lrs = [sched.optimizer.paramGroups[0].lr];
  for (let i = 0; i < n; i++) {
    sched.optimizer.step();
    sched.step();
    lrs.push(sched.optimizer.paramGroups[0].lr);
  }
  return lrs;
}

/** `expectClose` for a list of learning rates (a float64 tensor keeps every digit). */
export function expectLrs(actual: number[], expected: number[], tol = 1e-12): void {
  expectClose(tensor(actual), expected, tol);
}
