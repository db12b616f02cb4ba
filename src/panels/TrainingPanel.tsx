/** The training view. A placeholder until its issue lands. */
export function TrainingPanel() {
  return (
    <p className="placeholder">
      This view is not built yet. It will train a small character model live, in a background worker
      on your own machine, and show its loss curve against simple baselines, samples of the text it
      writes as it learns, and what its neurons and weights are doing.
    </p>
  );
}
