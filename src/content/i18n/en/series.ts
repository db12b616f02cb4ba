// The series words in English (see ../en.ts for the conventions). zh-CN/series.ts has the same keys.
export const series = {
  intro:
    'The other classic use of a recurrent network: read a measured series one value at a time and predict what comes next. The output is a number, not a choice among characters, so the loss is the squared error.',
  ownNote: 'Your file {{name}} is read in this browser only; nothing is sent anywhere.',
  // The shipped and the synthetic series: the menu's name, what the values are (for the axes)
  // and one sentence on what there is to see in it.
  sources: {
    co2: {
      label: 'CO₂ at Mauna Loa (monthly)',
      unit: 'CO₂ (ppm)',
      note: 'A rising trend with a yearly cycle. A network squashed by tanh cannot follow a level it never saw in training, so it learns the monthly changes and adds them to the last value.',
    },
    seattle: {
      label: 'Seattle daily high temperature',
      unit: 'temperature (°C)',
      note: 'Daily highs over four years: a yearly cycle under day-to-day weather, so yesterday is a strong guess and the network must beat it.',
    },
    globalTemp: {
      label: 'Global temperature anomaly (yearly)',
      unit: 'anomaly (°C)',
      note: 'Only 145 years, with a trend: little to learn from, and the last value is hard to beat.',
    },
    sines: {
      label: 'Two sines and noise (synthetic)',
      unit: 'value',
      note: 'Two periods (24 and 7 steps to begin with), a trend and noise: the state must keep the phase of both. Move the sliders to make it harder.',
    },
    logistic: {
      label: 'Logistic map (synthetic)',
      unit: 'x',
      note: 'Chaos from one line of algebra: each value is a fixed function of the last, so one step ahead is easy and many steps ahead are not.',
    },
    mackeyGlass: {
      label: 'Mackey–Glass (synthetic)',
      unit: 'x',
      note: 'A delay equation with chaotic, almost periodic swings; the value 17 time units back matters.',
    },
  },
  /** The unit of the learner's own file when it has no column name. */
  ownUnit: 'value',
  synth: {
    heading: 'Make the series',
    period1: 'Period 1 (steps)',
    period2: 'Period 2 (steps)',
    amplitude2: 'Amplitude 2',
    noise: 'Noise',
    trend: 'Trend per step',
    seed: 'Seed',
    r: 'r',
    tau: 'τ',
    sep: ': ',
  },
  controls: {
    label: 'Series and model',
    series: 'Series',
    ownOption: 'Your file: {{name}}',
    ownCsv: 'Your own CSV',
    ownCsvHelp: 'A CSV text file with a header row and a numeric column',
    column: 'Column',
    predict: 'Predict',
    values: 'the values',
    changes: 'the changes',
    horizon: 'Steps ahead',
    horizonHelp: 'How many steps ahead the model predicts (changes: one step only)',
    cell: 'Cell',
    hidden: 'Hidden size',
    layers: 'Layers',
    lr: 'Learning rate',
    lrHelp: 'The step size of each update (Adam). Changes live; a smaller one overfits later.',
    seqLen: 'Window T',
    seqLenHelp:
      'How many steps each training window unrolls, each from a zero state. Changes live.',
    batch: 'Batch',
    batchHelp: 'Windows per step; the loss is their mean. Changes live.',
    train: 'Train',
    pause: 'Pause',
    preparing: 'Preparing the series…',
    status: 'Step {{step}}',
    speed: '{{speed}} steps/s',
    parameters: '{{n}} parameters',
  },
  diverged: {
    restore: 'Restore step {{step}}',
    restoreSmaller: 'Restore and divide the learning rate by 10 ({{lr}} → {{smaller}})',
  },
  prep: {
    heading: 'Preparation',
    count: '{{n}} values of {{unit}}, from {{from}} to {{to}}.',
    split:
      'Split by time: the model trains on the first {{train}} {{what}} and is scored on the last {{val}}, from {{first}} on. Validation comes strictly after training and is never shuffled across the cut.',
    whatValues: 'values',
    whatChanges: 'changes (each value minus the one before)',
    normalised:
      'Normalised with the training part’s mean {{mean}} and scale {{scale}}: z = (y − {{mean}}) ÷ {{scale}}. The validation part is not looked at.',
    readsChanges:
      'The model reads the changes and predicts the next change; adding it to the last value gives the next value.',
    readsValues_one:
      'The model reads each normalised value z and predicts the one {{count}} step ahead.',
    readsValues_other:
      'The model reads each normalised value z and predicts the one {{count}} steps ahead.',
    windows: 'It trains on {{batch}} windows of T = {{T}} steps at a time, each from a zero state.',
  },
  loss: {
    heading: 'Loss',
    chart: 'Training and validation mean squared error against the baselines',
    xAxis: 'step',
    yAxis: 'MSE (normalised)',
    training: 'training (smoothed)',
    validation: 'validation',
    best: 'Validation was lowest, {{loss}}, at step {{step}}: since then the model learns the training part by heart (it overfits). Stopping early keeps the better model.',
    goBack: 'Go back to that model',
    baselinesLine: 'Baselines on validation: {{list}}. Press Train.',
    baseline: '{{name}} {{value}}',
    listSep: ', ',
    valLine: 'Validation MSE {{loss}} at step {{step}}. {{verdict}}',
    beats: 'The model beats the last value: its validation error is {{pct}} % of the last value’s.',
    notYet:
      'The model does not yet beat the last value (its validation error is {{ratio}} × the last value’s). Predicting “no change” is the bar every forecaster must clear.',
  },
  // The engine's baselines by key (AR(p) keeps its own name).
  baselines: {
    persistence: 'last value',
    lastChange: 'last change',
    seasonal: 'value one season ({{season}}) back',
  },
  /** The baselines' names where the chart has little room. */
  baselineShort: {
    persistence: 'last value',
    lastChange: 'last change',
    seasonal: 'season ago',
  },
  plot: {
    heading: 'Predictions',
    note: 'The model’s prediction of each value from the values before it, after step {{step}}. Left of the line it has seen the answers in training; right of it, never.',
    noteChanges:
      'The model’s prediction of each value from the values before it (the last value plus the predicted change), after step {{step}}. Left of the line it has seen the answers in training; right of it, never.',
    chart: "The series and the model's predictions, {{unit}}",
    xPosition: 'position (row of the file)',
    validationMark: 'validation →',
    series: 'series',
    prediction: 'prediction',
    free: 'running free from t = {{start}}',
    freeBand:
      'running free from t = {{start}}; band: where the truth fell around such a forecast in 80 % of {{starts}} starts',
    residuals: 'Residuals: the series minus the prediction',
    zero: 'zero',
    residual: 'residual',
  },
  forecast: {
    heading: 'Running free',
    cannot:
      'A model that predicts {{horizon}} steps ahead cannot feed its output back as its next input. Set “Steps ahead” to 1 to forecast by running free.',
    note: 'The loss scores one step at a time, with the true past as input (teacher forcing). To forecast further the model must feed its own predictions back in: from many starts in the validation part it reads the true past, then runs free for 20 steps, and its error grows as its mistakes compound. The dashed line is the last value carried forward.',
    errorChart: 'Forecast error against steps ahead, {{unit}}',
    xAxis: 'steps ahead k',
    yRmse: 'RMSE, {{unit}}',
    model: 'model, its own predictions fed back',
    lastValue: 'last value carried forward',
    coneNote:
      'The cone of error: at each k, the signed error (forecast minus the truth) from each of the {{starts}} starts, sorted; the line is the median and the band holds the middle 80 % (from the 10th to the 90th percentile). A cone that widens with k is the model’s mistakes compounding; one centred off zero is a bias.',
    coneChart:
      'The cone of error: forecast minus truth against steps ahead, median and 10–90 % band over {{starts}} starts, {{unit}}',
    yCone: 'forecast − truth, {{unit}}',
    noError: 'no error',
    coneModel: 'model: median, 10–90 % band',
    coneLast: 'last value: median, 10–90 % band',
    verdict: 'Root mean squared error over {{starts}} starts, in {{unit}}: {{list}}.',
    at: 'k = {{k}}: {{model}} (last value {{last}})',
    listSep: '; ',
  },
  hidden: {
    heading: 'Inside the model',
    note: 'Each row is one unit of the top layer’s hidden state h, each column a step of the last part of the series, blue negative and red positive. Windows of 64 steps each start from a zero state, as the predictions above are made. A unit that follows the season, or the trend, shows up as a pattern along its row.',
    chart:
      'The hidden state h_t of the top layer over the last {{n}} positions, after step {{step}}',
    rows: 'hidden unit',
    cols: 'position, from {{from}} to {{to}}',
    value: 'value',
  },
  stepThrough: {
    link: 'Step through it in the Forward pass',
    sep: ': ',
    note: 'this model, as it is now, reads the first steps of the validation part one value at a time, with every gate and equation and the numbers of each step.',
  },
  export: {
    heading: 'Export',
    model: 'Model file (.json)',
    script: 'PyTorch script (.py)',
    note: 'The model file keeps PyTorch’s state_dict names and how the series was prepared: the training part’s mean and scale, values or changes, and how many steps ahead. The script rebuilds the model, normalises a CSV column the same way, gives its predictions in the series’ units, and can train further with the same squared error.',
  },
  equations: {
    heading: 'The step and the loss',
    // Words inside the loss's equation (TeX \text{…}): "at step 300", "L_last value".
    atStep: 'at step {{step}}',
    lastValue: 'last value',
    mseNote:
      'This is PyTorch’s MSELoss: the mean of the squared errors, with no ½ in front. Some texts write E = ½(y − ŷ)², which halves the loss and its gradient; the engine, these equations and the exported script all use the mean without the ½. The values are normalised (z = (y − mean) / scale, from the training part only), so a loss of 1 is as bad as always guessing the training mean.',
    whySquared:
      'A measurement is a number, not a choice among characters: squared error is the loss whose best guess is the mean of what may come next, and it punishes a big miss more than several small ones.',
  },
  // The store's messages (alerts).
  errors: {
    setting: 'Could not change the setting: {{message}}',
    fetch: 'Could not fetch the series (HTTP {{status}}).',
    diverged:
      'Training diverged at step {{step}}: the loss left every sensible range. Training paused; nothing is lost.',
    ownFailed: '{{name}}: {{error}}',
    unreadable: 'it could not be read.',
    notStored: 'This browser would not store the file: a reload will not bring it back.',
    tooLarge: '{{name}} is {{size}} MB; a series file may be at most {{max}} MB.',
    export: 'Could not export: {{message}}',
    checkpointName: 'Step {{step}}',
    notStoredCheckpoint: 'this browser would not store it',
    saveCheckpoint: 'Could not save the checkpoint: {{message}}',
    loadCheckpoint: 'Could not load the checkpoint: {{message}}',
  },
};
