// The texts a learner can train on and (for the built-in ones) the file under public/corpora/
// fetched only when chosen. Sources and licences: public/corpora/README.md. Their names and what
// they show are messages (`training.corpora.<id>` in i18n/en/training.ts and zh-CN/training.ts).
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
