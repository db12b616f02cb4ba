/** The gradient-flow view. A placeholder until its issue lands. */
export function GradientFlowPanel() {
  return (
    <p className="placeholder">
      This view is not built yet. It will give you sliders that make gradients vanish or explode as
      they flow back through time, plot the norms of the real Jacobians the network multiplies
      together against the bound of Pascanu, Mikolov and Bengio, and let you try the cures: gates,
      gradient clipping and careful initialisation.
    </p>
  );
}
