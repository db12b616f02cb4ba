// The interface's words in English: the shell (header, navigation, footer, status) and each
// view's name. Keys are grouped by where the words appear; `{{name}}` is filled in at run time.
// zh-CN.ts has the same keys (the type and a test make sure of it).

export const en = {
  shell: {
    brand: 'Unrolled',
    skip: 'Skip to content',
    mainNav: 'Main',
    loading: 'Loading…',
    footer: 'Runs entirely in your browser.',
    language: 'Language',
    toDark: 'Switch to dark theme',
    toLight: 'Switch to light theme',
    dismiss: 'Dismiss',
  },
  engine: {
    starting: 'Starting engine…',
    ready: 'Engine ready ({{engine}})',
    readyNote: 'Engine ready ({{engine}}); {{note}}',
    restarting: 'Engine {{reason}}; restarting it…',
  },
  views: {
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
  },
};

/** The shape every language's words have: the same keys as English, each a string. */
export type Messages = Shape<typeof en>;
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
