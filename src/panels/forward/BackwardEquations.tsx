// The backward step's equations: placeholder until the content lands.
export function BackwardEquations() {
  return null;
}
