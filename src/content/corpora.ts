// The texts a learner can train on: label, what it shows, and (for the built-in ones) the file
// under public/corpora/ fetched only when chosen. Sources and licences: public/corpora/README.md.
// The list of ids lives here; the config's URL key and the stored runs are checked against it.

/** Built-in texts (fetched from public/corpora), generated texts, and the learner's own. */
export const CORPORA = [
  'shakespeare',
  'tang',
  'copy10',
  'copy20',
  'copy50',
  'brackets',
  'counting',
  'grammar',
  'own',
] as const;
export type CorpusId = (typeof CORPORA)[number];

export const CORPUS_FILES = {
  shakespeare: 'tinyshakespeare.txt',
  tang: 'tang300.txt',
} as const;

export interface CorpusText {
  label: string;
  description: string;
}

export const CORPUS_TEXT: Record<CorpusId, CorpusText> = {
  shakespeare: {
    label: 'Tiny Shakespeare',
    description:
      '1.1 MB of Shakespeare’s plays, 65 distinct characters (public domain, from Karpathy’s char-rnn).',
  },
  tang: {
    label: '320 Tang poems',
    description:
      'Three Hundred Tang Poems in traditional characters: about 2,600 distinct characters for only 30,000 characters of text — the large-vocabulary case.',
  },
  copy10: {
    label: 'Copy after 10 steps',
    description:
      'Lines of a letter, 10 dots and the same letter. Only the last letter of a line needs memory.',
  },
  copy20: {
    label: 'Copy after 20 steps',
    description: 'As above with 20 dots: a vanilla RNN starts to struggle.',
  },
  copy50: {
    label: 'Copy after 50 steps',
    description:
      'As above with 50 dots: beyond a 50-step chunk, truncated BPTT cannot see the letter.',
  },
  brackets: {
    label: 'Nested brackets',
    description: 'Balanced (), [] and {} nested up to 6 deep: closing needs a stack.',
  },
  counting: {
    label: 'Counting',
    description: 'Lines of n a’s, a colon and n b’s: the model must count to know when to stop.',
  },
  grammar: {
    label: 'Tiny grammar',
    description:
      'Sentences whose verb agrees with a subject across a relative clause (“the dogs that the cat sees run”).',
  },
  own: {
    label: 'Your own text',
    description: 'Pasted or uploaded; stays in this browser.',
  },
};

export function corpusLabel(id: CorpusId): string {
  return CORPUS_TEXT[id].label;
}
