/** The forward-pass view. A placeholder until its issue lands. */
export function ForwardPanel() {
  return (
    <p className="placeholder">
      This view is not built yet. It will step through a real network as it reads a text, one
      character (one timestep) at a time. At each step you will see the input, the gates and the
      cell state, the network’s guesses for the next character, and the equations with the live
      numbers filled in.
    </p>
  );
}
