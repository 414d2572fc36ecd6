/** Train/validation/test splits and cross-validation: `data.KFold`, `data.crossValidate`. Re-exports only. */
export type { Split, SplitInput, Splitter } from "./splitter";
export type { SeedOptions, ShuffleOptions } from "./shuffling";
export type { PartitionOptions } from "./partition";
export { trainTestSplit } from "./train_test_split";
export type { TrainTestSplitOptions, TrainTestIndices } from "./train_test_split";
export { trainValTestSplit } from "./train_val_test_split";
export type { TrainValTestSplitOptions, TrainValTestIndices } from "./train_val_test_split";
export { take } from "./take";
export { HoldOut } from "./hold_out";
export type { HoldOutOptions } from "./hold_out";
export { KFold } from "./k_fold";
export { StratifiedKFold } from "./stratified_k_fold";
export { LeaveOneOut } from "./leave_one_out";
export { LeavePOut } from "./leave_p_out";
export type { LeavePOutOptions } from "./leave_p_out";
export { MonteCarloCV } from "./monte_carlo_cv";
export type { MonteCarloCVOptions } from "./monte_carlo_cv";
export { crossValidate } from "./cross_validate";
export type {
  CrossValidateOptions,
  CrossValidateResult,
  FoldContext,
  FoldResult,
  TrainAndScore,
} from "./cross_validate";
