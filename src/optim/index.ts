/** Optimisers and learning-rate schedules: `optim.SGD`, `optim.StepLR`. Re-exports only. */
export { Optimizer } from "./optimizer";
export type {
  BaseOptions,
  ParamGroup,
  ParamsInput,
  ParamState,
  OptimizerStateDict,
} from "./optimizer";

export { LRScheduler } from "./schedules/lr_scheduler";
export type { LRSchedulerStateDict } from "./schedules/lr_scheduler";
export { StepLR } from "./schedules/step_lr";
export type { StepLROptions } from "./schedules/step_lr";
export { MultiStepLR } from "./schedules/multi_step_lr";
export type { MultiStepLROptions } from "./schedules/multi_step_lr";
export { ExponentialLR } from "./schedules/exponential_lr";
export { ExponentialDecayLR } from "./schedules/exponential_decay_lr";
export { InverseTimeLR } from "./schedules/inverse_time_lr";
export { InverseSqrtLR } from "./schedules/inverse_sqrt_lr";
export { LambdaLR } from "./schedules/lambda_lr";
export type { LrLambda } from "./schedules/lambda_lr";
export { CosineAnnealingLR } from "./schedules/cosine_annealing_lr";
export type { CosineAnnealingLROptions } from "./schedules/cosine_annealing_lr";
export { ReduceLROnPlateau } from "./schedules/reduce_lr_on_plateau";
export type {
  ReduceLROnPlateauOptions,
  ReduceLROnPlateauStateDict,
} from "./schedules/reduce_lr_on_plateau";

export type { Closure } from "./optimizer";
export { SGD } from "./sgd";
export type { SGDOptions } from "./sgd";
export { Nesterov } from "./nesterov";
export type { NesterovOptions } from "./nesterov";
export { Adagrad } from "./adagrad";
export type { AdagradOptions } from "./adagrad";
export { RMSprop } from "./rmsprop";
export type { RMSpropOptions } from "./rmsprop";
export { Adam } from "./adam";
export type { AdamOptions } from "./adam";
export { AdamW } from "./adamw";
export { LBFGS } from "./lbfgs";
export type { LBFGSOptions } from "./lbfgs";
export { EWA, ewa } from "./ewa";
export type { EWAOptions } from "./ewa";
