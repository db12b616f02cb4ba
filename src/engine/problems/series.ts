// What can be wrong with a series: its CSV file, its length, its settings (engine/tasks/series*).
// zh-CN's problems say the same.

/** A user's CSV file (tasks/seriesCsv.ts). `{{column}}`, `{{columns}}`, `{{cell}}`: its text. */
export const seriesCsv = {
  empty: 'The file is empty.',
  binary: 'This looks like a binary file, not a CSV text file.',
  unclosedQuote: 'A quoted field has no closing quote.',
  numbersInHeader:
    'The first line holds numbers; it should name the columns (for example “date,value”).',
  tooManyRows: 'The file has {{rows}} rows; the limit is {{limit}}.',
  noNumericColumn:
    'No column holds only numbers. A series needs one numeric column, one value per row.',
  noSuchColumn: 'There is no column “{{column}}”. The columns are: {{columns}}.',
  gap: 'Line {{line}} has no value for “{{column}}”: the series has a gap there. Fill it in, or cut the file at the gap.',
  notANumber: 'Line {{line}}: “{{cell}}” in column “{{column}}” is not a number.',
  tooLarge: 'Line {{line}}: {{cell}} is too large a number.',
  tooShortToTrain:
    'The series has {{values}} values; at least {{min}} are needed to train and validate.',
  tooShortToPredict:
    'The series has {{values}} values; at least {{min}} are needed for one prediction.',
} as const;

/** A series and how it is prepared (tasks/series.ts, seriesData.ts, seriesForecast.ts, …). */
export const series = {
  horizon: 'The horizon must be a whole number from {{min}} to {{max}} (got {{got}}).',
  changesOneStep: 'Learning the changes predicts one step ahead only.',
  tooShortToSplit: 'The series is too short to split: {{values}} values.',
  runFreeOneStep: 'Running free needs a model that predicts one step ahead.',
  windowTooShort: 'The validation part is too short to step through.',
} as const;
