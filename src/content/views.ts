// The words the shell uses for each view: its link in the navigation, its page heading and
// its document title. Keyed by the view ids of the `ui` slice; the shell looks each one up by
// its id, so a view without its text fails to compile there.

export interface ViewText {
  /** The link's visible name in the navigation. */
  label: string;
  /** The page's <h1>. */
  heading: string;
  /** The document title while the view is showing. */
  title: string;
}

const VIEWS = {
  forward: { label: 'Forward pass', heading: 'Forward pass', title: 'Forward pass — Unrolled' },
  train: { label: 'Training', heading: 'Training', title: 'Training — Unrolled' },
  gradients: {
    label: 'Gradient flow',
    heading: 'Gradient flow',
    title: 'Gradient flow — Unrolled',
  },
  series: { label: 'Time series', heading: 'Time series', title: 'Time series — Unrolled' },
  tagging: { label: 'Tagging', heading: 'Tagging', title: 'Tagging — Unrolled' },
  attention: { label: 'Attention', heading: 'Attention', title: 'Attention — Unrolled' },
  about: { label: 'About', heading: 'About Unrolled', title: 'About — Unrolled' },
} satisfies Record<string, ViewText>;

export const VIEW_TEXT: Record<keyof typeof VIEWS, ViewText> = VIEWS;
