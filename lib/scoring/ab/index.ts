export { type ArmEstimate, armEstimate, designEffect, type FeedbackKind, meanOf, varianceOfMean } from "./arm-estimate";
export { chooseArm, hashUnit, joinsTest } from "./assignment";
export { eloScale, fitBradleyTerry } from "./bradley-terry";
export { type BucketRow, bucketFor, bucketStart, cumulativeSeries, type SeriesPoint, trafficShares } from "./buckets";
export { csHalfWidth, csRho, DEFAULT_PLANNED_N, type SequentialDifference, sequentialDifference } from "./confidence-sequence";
export { decideMetric, pairwiseSequences, plannedN, type ScoringType, type StopRule, type Verdict } from "./decision";
export { armDifference, type Difference, newcombeDifference, welchDifference } from "./difference";
export {
  type ArmMoments,
  applyValue,
  armMomentsOf,
  type ClusterTotals,
  EMPTY_ARM,
  EMPTY_CLUSTER,
  type Moments,
  unclustered,
  valueDelta,
} from "./moments";
export {
  comparisonsPerArm,
  emptyPairwise,
  outcomeDelta,
  type PairRow,
  type PairwiseCounts,
  type PreferenceOutcome,
  pairwiseFromRows,
  winRateMatrix,
} from "./pairwise";
export { type ArmStrength, arenaRanks, decidePreference, type PreferenceStats, preferenceStats } from "./preference";
export { type SampleRatioMismatch, sampleRatioMismatch, SRM_THRESHOLD } from "./srm";
