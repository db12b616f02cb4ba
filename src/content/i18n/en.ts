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
  // The About page. `<b>…</b>` is bold; `<f/>`, `<i/>`, `<g/>`, `<odot/>` are the symbols.
  about: {
    intro:
      'Unrolled lets you see inside recurrent neural networks — the vanilla RNN, the LSTM and the GRU — while they run. A recurrent network reads a sequence one step at a time and carries a hidden state from each step to the next; “unrolling” it through time lays those steps out side by side so you can look at every one.',
    howTo: 'How to use it',
    uses: {
      forward:
        '<b>Forward pass:</b> step through a network as it reads a text, timestep by timestep, and watch its gates, cell state and next-character guesses; then step back through time and watch each weight’s gradient fill.',
      train:
        '<b>Training:</b> train a small character model live in your browser and watch it learn, from noise to plausible text.',
      gradients:
        '<b>Gradient flow:</b> move sliders that make gradients vanish or explode, and see why gated cells help.',
      series:
        '<b>Time series:</b> predict a measured series one value ahead, with squared error, against the baselines every forecaster must beat.',
      tagging:
        '<b>Tagging:</b> race a forward-only model against a bidirectional one on a task where the future decides the tag.',
      attention:
        '<b>Attention:</b> train an encoder–decoder to rewrite dates and watch where each output step looks in the input.',
    },
    ideaHeading: 'The idea in one line',
    ideaLead: 'An LSTM keeps a cell state that each step partly forgets and partly rewrites:',
    ideaDetail:
      'Here <f/> is the forget gate, <i/> the input gate, <g/> the candidate values and <odot/> multiplication element by element. Because the old state passes through a sum rather than a squashing function, gradients can flow back through many steps.',
    keyboardHeading: 'Keyboard',
    keyboard:
      'Everything works from the keyboard. Tab and Shift+Tab move between links and controls, Enter follows a link, and Enter or Space presses a button. The first Tab on a page offers a “Skip to content” link. The browser’s Back and Forward buttons move between views, and each view has its own address you can bookmark or share.',
    creditsHeading: 'Credits and licences',
    data: 'Data',
    libraries: 'Libraries',
    licence: 'Licence: {{licence}}',
    own: 'Unrolled itself is MIT licensed.',
  },
};

/** The shape every language's words have: the same keys as English, each a string. */
export type Messages = Shape<typeof en>;
type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
