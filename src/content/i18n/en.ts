// The interface's words in English: the shell (header, navigation, footer, status) and each
// view's name. Keys are grouped by where the words appear; `{{name}}` is filled in at run time.
// zh-CN.ts has the same keys (the type and a test make sure of it).

import { forward } from './en/forward';
import { training } from './en/training';
import { gradients } from './en/gradients';
import { series } from './en/series';
import { tagging } from './en/tagging';
import { viz } from './en/viz';
import { notices } from './en/notices';
import type { Shape } from './shape';
import { PROBLEMS } from '../../engine/problems';

// Each view's words (and the charts' and the store's) live in their own file under en/.
export const en = {
  forward,
  training,
  gradients,
  series,
  tagging,
  viz,
  notices,
  // What the engine reports a learner can act on: its own English words (src/engine/problems/).
  problems: PROBLEMS,

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
    chooseFile: 'Choose a file…',
  },
  engine: {
    starting: 'Starting engine…',
    ready: 'Engine ready ({{engine}})',
    readyNote: 'Engine ready ({{engine}}); {{note}}',
    restarting: 'Engine {{reason}}; restarting it…',
  },
  views: {
    lesson: { label: 'Lesson', heading: 'The guided lesson', title: 'Lesson — Unrolled' },
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
  // The Attention view.
  attention: {
    errors: {
      save: 'Could not save the checkpoint: {{reason}}',
      load: 'Could not load the checkpoint: {{reason}}',
      decode: 'Could not decode: {{reason}}',
      export: 'Could not export: {{reason}}',
      diverged:
        'Training diverged at step {{step}}: the loss left every sensible range. Training paused; the last good model is kept.',
    },
    own: {
      notReady: 'The model is not ready yet.',
      empty: 'Type an input first.',
      tooLong: 'At most {{max}} characters, please.',
      unknown: 'The model never reads {{chars}}. It knows: {{known}}',
    },
    intro:
      'Without attention, the encoder must squeeze the whole input into one fixed-size state, and the decoder writes every character from that alone. Attention lets each output step look back at every input position: it scores them, turns the scores into weights that sum to 1, and reads their weighted sum.',
    bottleneck:
      'Accuracy by input length: without attention it falls as the inputs grow longer, because one fixed-size state has to hold more and more; with attention it stays high, since each step can look up the position it needs.',
    kinds: {
      none: {
        label: 'None (fixed-size state)',
        note: 'The decoder starts from the encoder’s last state and never looks at the input again, so that one vector must carry the whole input.',
      },
      additive: {
        label: 'Additive (Bahdanau)',
        note: 'Before each step the decoder scores every input position with a small network on its previous state and that position’s encoder state, and reads the weighted sum of the encoder states.',
      },
      general: {
        label: 'General (Luong)',
        note: 'After each step the decoder compares its new state with every encoder state through a learned matrix, then mixes the weighted sum into what it writes.',
      },
      dot: {
        label: 'Dot (Luong)',
        note: 'Like general, but the score is the plain dot product of the decoder state and the encoder state: no weights, so both must have the same size (a one-way encoder).',
      },
    },
    tasks: {
      dates: {
        label: 'Dates',
        note: 'Rewrite a date written in many formats as YYYY-MM-DD (27 November 2026 → 2026-11-27): the year’s digits should attend to the year, the month to the month’s name.',
      },
      reverse: {
        label: 'Reverse',
        note: 'Write the letters backwards (attention → noitnetta): the attention map should be the anti-diagonal.',
      },
      sort: {
        label: 'Sort letters',
        note: 'Write the letters in alphabetical order (encoder → cdeenor): each output should attend to an occurrence of its letter.',
      },
      add: {
        label: 'Addition',
        note: 'Add two numbers (123+45 → 168): the digits are read right to left, with the carries.',
      },
    },
    controls: {
      label: 'Task and model',
      task: 'Task',
      inputLength: 'Input length from',
      digits: 'Digits per number from',
      to: 'to',
      attention: 'Attention',
      cell: 'Cell',
      hidden: 'Hidden size',
      hiddenHelp: 'Units in the encoder’s and the decoder’s state',
      bidirectional: 'Bidirectional encoder',
      bidirectionalHelp:
        'The encoder reads the input both ways; dot attention needs one way (the sizes must match)',
      train: 'Train',
      resume: 'Resume',
      pause: 'Pause',
      step: 'Step',
      stepHelp: 'One training step on one batch',
      reset: 'Reset',
      resetHelp: 'A new model with the same choices, from step 0',
      generating: 'Generating the pairs…',
      status: 'Step {{step}}',
      speed: '{{speed}} steps/s',
      parameters: '{{count}} parameters',
      pairs: '{{count}} training pairs',
    },
    decoding: {
      heading: 'Where the decoder looks',
      example: 'Held-out example',
      yourInput: 'Your input',
      own: 'Your own input',
      decode: 'Decode',
      back: 'Back to the examples',
      nothing: '(nothing)',
      right: ' ✓ right',
      wrong: ' ✗ the answer is ',
      when: ' (step {{step}})',
      matrix: 'Attention of each output character over the input',
      noMatrix:
        'Without attention there is no matrix to draw: every output character is written from the decoder’s state alone, which started as the encoder’s last state. The whole input had to fit in those {{size}} numbers.',
      rows: 'Row t is α_t: how much output step t reads each input character (each row sums to 1). Pick a row to see that step in detail below.',
    },
    step: {
      heading: 'One decoder step',
      group: 'Decoder step',
      previous: '← Previous',
      next: 'Next →',
      line: 'Step {{t}} of {{T}}: reads “{{read}}”, writes “{{written}}”',
      start: '⟨start⟩',
      lines: 'Attention of output step {{t}} over the input',
      context: 'The context vector',
      contextRow: 'context',
      nextChar: 'The next character',
      equations: 'The step’s equations with its numbers',
    },
    curves: {
      heading: 'Learning',
      loss: 'Training and held-out loss per output character',
      lossAxis: 'loss (nats/char)',
      step: 'step',
      training: 'training (smoothed)',
      heldOut: 'held out',
      scores: 'Held-out exact match and characters right',
      share: 'share right',
      exact: 'exact match',
      chars: 'characters',
      none: 'Press Train: the held-out scores appear here every few seconds.',
      verdict:
        'At step {{step}}: {{exact}} of held-out inputs exactly right, {{chars}} of their characters.',
    },
    length: {
      heading: 'Accuracy by input length',
      wait: 'Train for a few seconds: the scores by length appear here.',
      chart: 'Held-out exact match by input length, per attention kind',
      axis: 'input length (characters)',
      exact: 'exact match',
      series: '{{kind}} (step {{step}})',
      table: 'Held-out exact match by input length',
      column: 'input length',
      cell: '{{share}} of {{pairs}}',
      trainNone: 'Now train one without attention',
      trainWith: 'Now train one with attention',
      kept: '(the same task and size; this run is kept, and comes back when you switch back).',
    },
    diverged: 'Go back to the model of step {{step}} and train on',
    equations: 'The equations the engine runs',
    export: {
      heading: 'Take it to PyTorch',
      note: 'The model file holds every weight under the name the PyTorch module gives it. The script rebuilds the model, loads the file, prints the loss and the attention of an example you pass as <code>INPUT\\tOUTPUT</code> (the same numbers as here), and trains on with <code>--train pairs.tsv --save</code>.',
      model: 'Download the model file',
      script: 'Download the PyTorch script',
    },
  },
  // Links a teacher can send.
  share: {
    copy: 'Copy link',
    copyHelp: 'Copy a link that opens this view exactly as it is now',
    copied: 'Link copied.',
    manual: 'The link to copy',
    open: 'Open in Unrolled',
    openHelp: 'Open this view with the same settings in the full app, in a new tab',
  },
  // The teacher's tools under each view.
  teach: {
    summary: 'For teachers: hide controls, link or embed this view',
    intro:
      'Tick the controls your students should not see: the page hides them at once, and its address keeps the choice. Then copy the link, or the code that embeds the view (without header or footer) in a course page or a slide.',
    none: 'This page has no controls to hide.',
    hide: 'Hide in {{view}}',
    copyLink: 'Copy the link',
    copyEmbed: 'Copy the embed code',
    embedCopied: 'Embed code copied.',
    embedCode: 'Embed code',
  },
  // The guided lesson's words around the chapters (the chapters themselves: src/content/lesson).
  lesson: {
    intro:
      '{{count}} short chapters, in the order the ideas build. Each opens a live view set up for it, gives you one thing to try, and asks one question you answer by using the view. About {{minutes}} minutes in all; your progress stays in this browser.',
    chapters: 'Chapters',
    number: 'Chapter {{n}}',
    minutes: 'about {{count}} min',
    done: 'answered',
    start: 'Start the lesson',
    continue: 'Continue with chapter {{n}}: {{title}}',
    progress: '{{done}} of {{total}} questions answered.',
    forget: 'Forget my progress',
    forgotten: 'Your progress is forgotten.',
    complete: 'You have answered every chapter’s question. Well done!',
    card: {
      label: 'Lesson: chapter {{n}} of {{total}}',
      text: 'The chapter’s text',
      try: 'Try this',
      question: 'Question',
      check: 'Check',
      pick: 'Pick an answer first.',
      right: 'Right.',
      wrong: 'Not quite. Hint: {{hint}}',
      answered: 'You answered this one before.',
      previous: '← Chapter {{n}}',
      next: 'Chapter {{n}} →',
      contents: 'All chapters',
      leave: 'Leave the lesson',
      last: 'That was the last chapter.',
    },
    offer: {
      text: 'New to recurrent networks? The guided lesson takes you through them in {{count}} short chapters (about {{minutes}} minutes), each with a live view.',
      // On a phone, where the long text would fill a third of the first screen.
      short: 'New to recurrent networks? A guided lesson, about {{minutes}} minutes.',
      start: 'Start the lesson',
      dismiss: 'Not now',
    },
    inView: 'In the lesson:',
  },
  // Named checkpoints and the autosave note of a view's own run.
  checkpoints: {
    heading: 'Checkpoints',
    name: 'Name',
    placeholder: 'e.g. before a smaller learning rate',
    save: 'Save checkpoint',
    list: 'Checkpoints of this {{same}}',
    item: '{{name}}: step {{step}}, saved {{time}}',
    load: 'Load',
    loadLabel: 'Load {{name}}',
    delete: 'Delete',
    deleteLabel: 'Delete {{name}}',
    really: 'Really delete?',
    reallyLabel: 'Really delete {{name}}',
    note: 'A checkpoint keeps the model, its step, the optimizer’s state and the curves, in this browser only. It goes back onto the same {{same}} settings.',
    others_one: '{{count}} more was made from others and shows when those are chosen.',
    others_other: '{{count}} more were made from others and show when those are chosen.',
    seriesSame: 'series and model',
    attentionSame: 'task and model',
    restored: 'Restored your run at step {{step}} (autosaved at {{time}}).',
    saved: 'Autosaved in this browser at {{time}}, at step {{step}}; a reload restores the run.',
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
