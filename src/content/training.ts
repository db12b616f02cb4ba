// The Training view's numbers that are not words: when a step's cost is worth showing and how its
// seconds are written. Its words (labels, lessons, the step-cost sentences) are messages under
// `training` in i18n/en/training.ts and zh-CN/training.ts; the settings' own words repeat the
// engine's settings table (engine/settingsTable.ts) there.

/** Above this many seconds a step's cost is shown beside the Train button. */
export const STEP_WARN_SECONDS = 0.25;

/** Seconds as the step estimate writes them: “0.4”, “12”, “4,520”. */
export function stepSecondsText(s: number): string {
  return s < 10 ? s.toFixed(1) : Math.round(s).toLocaleString('en-US');
}
