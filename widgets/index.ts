/** nnlab/widgets: figures and notebook display. Re-exports only. */

// Display: sending figures to the notebook (the only module that talks to tslab).
export { show, showLatex, setDisplayTransport } from "./display";
export type { ToLatex, DisplayMessage, DisplayTransport } from "./display";
export { newLive, LiveDisplay } from "./live_display";
export type { LiveOptions, LiveContent } from "./live_display";
export { toHTML } from "./html";
export type { Widget, Showable } from "./content";
export { renderSVG } from "./svg/render_svg";
export { figureText } from "./text";

// Figures: pure builders, History | Study | splits | tensors → Figure.
export type { Figure, Trace, Layout } from "./figures/figure";
export { learningCurve, SLIDER_BETAS } from "./figures/learning_curve";
export type { LearningCurveOptions, CurveRun } from "./figures/learning_curve";
export { liveLearningCurve } from "./live_learning_curve";
export type { LiveLearningCurveOptions } from "./live_learning_curve";

// ---------------------------------------------------------------------------------------
// Figure builders of widgets/figures/ by the other widgets author (hyperparameter scales,
// cross-validation folds, lecture figures): export them below this line.
// ---------------------------------------------------------------------------------------

// Hyperparameter scales, grid vs random, studies, cross-validation folds and fold scores.
export { scaleWidget } from "./figures/scale_widget";
export type { ScaleWidgetOptions, ScaleFigure } from "./figures/scale_widget";
export type { DecadeShare } from "./figures/binning";
export { gridVsRandom } from "./figures/grid_vs_random";
export type { GridVsRandomOptions, GridVsRandomFigure } from "./figures/grid_vs_random";
export { studyPlot } from "./figures/study_plot";
export type { StudyPlotOptions, StudyRecord } from "./figures/study_plot";
export { paramAxis } from "./figures/param_axis";
export type { ParamAxis } from "./figures/param_axis";
export { foldsWidget, ROLE } from "./figures/folds_widget";
export type { FoldsWidgetOptions, FoldsFigure, FoldSplit } from "./figures/folds_widget";
export { foldScores } from "./figures/fold_scores";
export type { FoldScoresOptions, FoldScoresInput } from "./figures/fold_scores";

// Lecture figures (part 2): activation histograms, decision regions, confusion matrix,
// tensor heatmaps, digit grids.
export { activationHistograms } from "./figures/activation_histograms";
export type {
  ActivationHistogramsOptions,
  ActivationHistogramsFigure,
} from "./figures/activation_histograms";
export { activationStats } from "./figures/activation_stats";
export type { ActivationStats } from "./figures/activation_stats";
export { layerActivations } from "./figures/layer_activations";
export type { LayerActivation, LayerActivationsOptions } from "./figures/layer_activations";
export { decisionBoundary } from "./figures/decision_boundary";
export type { DecisionBoundaryOptions, Classifier } from "./figures/decision_boundary";
export { confusionMatrixFigure } from "./figures/confusion_matrix_figure";
export type {
  ConfusionMatrixFigureOptions,
  ConfusionMatrixFigure,
} from "./figures/confusion_matrix_figure";
export { tensorHeatmap } from "./figures/tensor_heatmap";
export type { TensorHeatmapOptions } from "./figures/tensor_heatmap";
export { digitGrid } from "./figures/digit_grid";
export type { DigitGridOptions } from "./figures/digit_grid";

// Lecture figures (part 1): optimiser trajectories on 2-D loss surfaces, exponentially
// weighted averages, activation functions with their derivatives, learning-rate schedules.
export { trajectories } from "./figures/trajectories";
export type { TrajectoriesOptions, TrajectoriesFigure } from "./figures/trajectories";
export { trajectoryPaths } from "./figures/trajectory_paths";
export type { TrajectoryOptions, TrajectoryPath, MakeOptimizer } from "./figures/trajectory_paths";
export { illConditionedQuadratic, rosenbrock, SURFACES } from "./figures/loss_surfaces";
export type { LossSurface, LossFn2D, SurfaceName } from "./figures/loss_surfaces";
export { ewaFigure } from "./figures/ewa_figure";
export type { EWAFigureOptions } from "./figures/ewa_figure";
export { activationFigure } from "./figures/activation_figure";
export type {
  ActivationFigureOptions,
  ActivationName,
  CustomActivation,
} from "./figures/activation_figure";
export { scheduleFigure } from "./figures/schedule_figure";
export type { ScheduleFigureOptions, ClosedFormSchedule } from "./figures/schedule_figure";
