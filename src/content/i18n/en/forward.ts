// The forward words in English (see ../en.ts for the conventions). zh-CN/forward.ts has the same keys.
// The Forward pass view, forward and backward modes, and the store's messages about it. Subscripts
// written as in TeX (x_t, W_{hy}) are shown as <sub> by the panel; `<b>`, `<i>`, `<code>`, `<sub>`
// and the symbols (`<cprev/>`, …) are filled in by <Trans>.
export const forward = {
  intro:
    'Type a short text and step through a real network as it reads it, one character per timestep. At each step the cell combines the character it reads with the state it carried over, and guesses the next character.',
  taggerIntro:
    'Type a short text and step through a real network as it reads it, one character per timestep. This network is a tagger: it does not guess what comes next but labels each character it reads, and it may read the whole text before it answers.',
  /** Between the items of a list in a sentence, and at its end. */
  sep: ', ',
  stop: '.',
  /** A character in words for screen readers and captions. */
  chars: {
    space: 'space',
    newline: 'newline',
    tab: 'tab',
    cr: 'carriage return',
    quoted: '“{{char}}”',
    // The spaces tagger's two classes (engine/tasks/spaces.ts SPACE_CLASSES), as the charts name them.
    classes: { inside: 'inside', wordEnd: 'word end' },
  },
  models: {
    lstm: 'LSTM trained on Shakespeare',
    gru: 'GRU trained on Shakespeare',
    rnn: 'RNN trained on Shakespeare',
    lstm2: 'Two-layer LSTM trained on Shakespeare',
    tagger: 'Bidirectional GRU that puts the spaces back (two layers)',
    'fresh-lstm': 'LSTM, freshly initialised',
    'fresh-gru': 'GRU, freshly initialised',
    'fresh-rnn': 'RNN, freshly initialised',
    training: 'The model in the Training view',
    series: 'The model in the Time series view',
  },
  input: {
    heading: 'Model and text',
    model: 'Model',
    text: 'Text',
    textHint: '(up to {{max}} characters)',
    count: '{{length}} / {{max}} characters',
    countClipped:
      '{{length}} / {{max}} characters. Up to {{max}} characters; the rest was cut off.',
    reading: 'Reading…',
    layer: 'Layer shown',
    layerOption: 'Layer {{layer}} of {{L}}',
    layerReads: ' (reads the text)',
    layerFeeds: ' (feeds the output)',
    direction: 'Direction shown',
    directionForward: 'Forward (reads left to right)',
    directionBackward: 'Backward (reads right to left)',
    readAgain: 'Read again',
    trainingHint:
      'This is the model the Training view holds right now; read it again to see how training has changed it.',
    trainingLink: 'Train a model in the Training view',
    unknown_one: '1 character is not in this model’s vocabulary of {{vocab}} characters:',
    unknown_other:
      '{{count}} characters are not in this model’s vocabulary of {{vocab}} characters:',
    position: '(position {{position}})',
    unknownExplain:
      'The model has no input for them, so each is fed as an all-zero vector (no character at all), and a step whose next character is one of them has no loss.',
    unknownExplainTagger:
      'The model has no input for them, so each is fed as an all-zero vector (no character at all); its tag is still read and scored. Positions count the characters of the text with its spaces removed.',
  },
  /** The model summary: “Reading with an <b>LSTM</b> (tanh) tagger: …”. */
  summary: {
    withA: 'Reading with a <b>{{cell}}</b>',
    withAn: 'Reading with an <b>{{cell}}</b>',
    withFresh: 'Reading with a freshly initialised <b>{{cell}}</b>',
    tagger: ' tagger',
    body: ': {{shape}}, {{parameters}}, {{vocab}}',
    seriesBody: ': {{shape}}, {{parameters}}, one real value in and one out per step, {{after}}.',
    shape_one: '{{count}} layer of {{H}} hidden units',
    shape_other: '{{count}} layers of {{H}} hidden units',
    shapeBi_one: '{{count}} bidirectional layer of {{H}} hidden units each way',
    shapeBi_other: '{{count}} bidirectional layers of {{H}} hidden units each way',
    parameters: '{{n}} parameters',
    vocab: '{{n}} characters in its vocabulary',
    tags: ', {{n}} tags (',
    tagsEnd: ')',
    after: 'after {{n}} training steps',
    afterTraining: ', after {{n}} training steps',
  },
  /** The store's messages about the model and the text. */
  messages: {
    modelMissing:
      'The pretrained {{cell}} could not be loaded ({{reason}}). Showing a freshly initialised {{cell}} instead: its guesses are close to uniform.',
    taggerMissing:
      'The pretrained spaces tagger could not be loaded ({{reason}}). A freshly initialised network would not read the text the way a tagger does, so nothing is shown; choose another model.',
    networkFailed: 'the network request failed',
    autosaveNote:
      'Nothing is loaded in the Training view yet, so this is your autosaved run, at step {{step}}. Open the Training view to go on training it.',
    engineDown:
      'The engine is not running, so no network can read the text (the status line at the bottom of the page says why).',
    tooShort: 'Type at least two characters: one to read and one to guess.',
    stepClamped: 'Step {{asked}} is past the end of the text; showing step {{shown}}.',
    layerClamped_one: 'This model has {{count}} layer; showing layer {{shown}}.',
    layerClamped_other: 'This model has {{count}} layers; showing layer {{shown}}.',
    unitClamped: 'This model has {{H}} hidden units (0 to {{last}}); showing unit {{shown}}.',
  },
  steps: {
    pass: 'Pass',
    forward: 'Forward',
    backward: 'Backward',
    passHint:
      'Backward steps from the last character to the first, as backpropagation through time does.',
    group: 'Timestep',
    start: 'Jump to start',
    back: 'Step back',
    play: 'Play',
    pause: 'Pause',
    next: 'Step forward',
    end: 'Jump to end',
    speed: 'Speed',
    speedOption_one: '{{count}} step a second',
    speedOption_other: '{{count}} steps a second',
    where: 'Step <b>{{t}}</b> of {{T}}',
    whereBackward: 'Backward, step <b>{{t}}</b> of {{T}}',
    keys: 'Keys: ← and → step, Space plays or pauses, Home and End jump to the start and the end.',
    /** The live summary of a step for screen readers. */
    summary: 'Step {{t}} of {{T}}: read {{read}}.',
    summaryGuess: 'Step {{t}} of {{T}}: read {{read}}, top guess {{guess}} {{p}}.',
    summaryTag: 'Step {{t}} of {{T}}: read {{read}}, tag {{guess}} {{p}}.',
    summarySeries:
      'Step {{t}} of {{T}}: read x = {{x}}, predicted {{predicted}}, actual {{actual}}.',
    summaryBackward: 'Backward, step {{t}} of {{T}}.',
    summaryBackwardNorm: 'Backward, step {{t}} of {{T}}: ‖dL/dh‖ = {{norm}}.',
  },
  /** Where a heading or a caption is: “step 3, layer 2, backward”. */
  where: {
    step: 'step {{t}}',
    layer: ', layer {{layer}}',
    layerOf: ', layer {{layer}} of {{L}}',
    forward: ', forward',
    backward: ', backward',
    forwardDirection: ', forward direction',
    backwardDirection: ', backward direction',
  },
  cell: {
    heading: 'Inside the {{cell}} cell at {{where}}',
    lede: 'One column per hidden unit ({{H}} units). Click a strip, or pick a unit below, to follow one unit through the equations.',
    rows: {
      hprev: 'previous state',
      hnext: 'state carried back from the next step',
      cprev: 'previous cell state',
      i: 'input gate',
      f: 'forget gate',
      g: 'candidate',
      o: 'output gate',
      c: 'cell state',
      h: 'hidden state',
      r: 'reset gate',
      z: 'update gate',
      n: 'candidate',
      a: 'pre-activation',
    },
    legendGate: 'sigmoid gate (0 shuts, 1 opens)',
    legendTanh: 'tanh value (blue negative, red positive)',
    legendRelu: 'ReLU state',
    legendC: 'cell state c',
    legendA: 'pre-activation a',
    table: 'Gates and states of every hidden unit at {{where}}',
    unitColumn: 'Unit j',
    unit: 'Hidden unit <i>j</i>',
    unitRange: '0 to {{last}}',
    beltHeading: 'The cell state, a conveyor belt',
    beltLede:
      'Each lane is one unit’s memory, carried from <cprev/> to <ct/>. The forget gate scales what the belt carries (near 1 keeps it, near 0 wipes it); the input gate adds new values <it/> ⊙ <gt/>. Unit {{unit}}: keeps {{f}} × {{cPrev}} = {{kept}}, writes {{iv}} × {{gv}} = {{written}}, and ends at {{cv}}.',
    beltTable: 'The cell-state belt at step {{t}}: what each unit keeps and writes',
    beltKept: 'kept f⊙c_{t-1}',
    beltWritten: 'written i⊙g',
  },
  diagram: {
    heading: 'The unrolled network',
    lede: 'The same cell, with the same weights, runs once per character. Each column is one timestep: the cell reads x_t and the state it passed itself, and guesses the next character. Click a column to jump there.',
    tagger:
      'The tagger reads the text as its task does: with its spaces removed, each character to be tagged “word end” (a space followed it) or “inside”. It reads',
    bidirectional:
      'Each layer reads the text both ways. The backward row (h←, arrows pointing left) reads from the last character to the first: h←_t = cell(x_t, h←_{t+1}). No tag can be given before it has run, so it runs over the whole text first and is drawn complete from the first step. Stepping then moves the forward row (h→, h→_t = cell(x_t, h→_{t−1})) one character to the right, and at step t the tag of x_t is read off both states at t: h→_t has read everything up to x_t, h←_t everything from x_t to the end. In a stack, the layer above reads both rows of the layer below at the same step (2H numbers), so the engine runs a whole layer, both ways, before the next; the forward rows fill as you step so that you can follow one direction at a time.',
    tagMarks:
      'Above the top layer: the tag read off both directions and its probability; ✓ when it is the true tag, ✗ and the true tag when it is wrong.',
    grid: 'With {{L}} layers the network is a grid: layer 1 reads x_t, each layer above reads the state h_t of the layer below at the same step, and the {{what}} from the top layer. Click a cell, or use ↑ and ↓ (← and → step) while the diagram has focus, to see that cell’s gates and equations below.',
    gridTag: 'tag comes',
    gridPrediction: 'prediction comes',
    gridGuesses: 'guesses come',
    label: 'Unrolled network over {{T}} steps{{layer}}; step {{t}} is highlighted ({{top}}).',
    topGuess: '{{p}} on its top guess',
    topTag: '{{p}} on its top tag',
    legendH: 'hidden state h (blue negative, red positive)',
    legendC: 'cell state c',
    table:
      'The unrolled network{{layer}}: each step’s input, the state of unit {{unit}}, the {{what}} and the loss',
    tablePrediction: 'prediction',
    tableTag: 'top tag',
    tableGuess: 'top guess',
    columns: {
      step: 'Step',
      reads: 'Reads x_t',
      value: 'Value y_t',
      tag: 'Tag',
      pTag: 'p(tag)',
      trueTag: 'True tag',
      pTrueTag: 'p(true tag)',
      loss: 'Loss ℓ_t',
      top: 'Top guess',
      pTop: 'p(top guess)',
      next: 'Next character',
      pNext: 'p(next)',
      prediction: 'Prediction ŷ_{{ahead}}',
      actual: 'Actual y_{{ahead}}',
    },
    notInVocab: 'not in the vocabulary',
  },
  equations: {
    heading: 'The {{cell}} equations',
    lede: 'As the engine runs them (PyTorch’s form). Hover a symbol to find it in the charts.',
    ledeGates:
      'As the engine runs them (PyTorch’s form; ⊙ multiplies element by element, σ is the logistic sigmoid). Hover a symbol to find it in the charts.',
    loading: 'Loading the equations…',
    layerInput: 'In layer {{layer}} the input x_t is the hidden state h_t of layer {{below}}.',
    layerInputBi:
      'In layer {{layer}} the input x_t is [h→_t; h←_t] of layer {{below}}: both of its directions at step t, 2 × {{H}} numbers.',
    reverse:
      'These are the backward direction’s equations (its weights are the <code>…_reverse</code> tensors): the state it carries into step t is h<sub>t+1</sub>.',
    numbers: 'With the numbers of unit <i>j</i> = {{unit}} at step {{t}}{{where}}',
    numbersLabel: 'The equations with the numbers of unit {{unit}}',
    lossLabel: 'The loss at this step',
    predictionLossLabel: 'The prediction and the loss at this step',
    notScored: 'is not scored: the next character is not in the vocabulary',
    trueTag: ' is the true tag of {{char}}: {{tag}}.',
    cameNext: ' is the character that actually came next: {{char}}.',
    gruLead: 'Many texts write the GRU differently. They swap the role of z,',
    gruMiddle: 'and apply the reset gate before the matrix product,',
    gruTail:
      'The equations above are the ones the engine and PyTorch run: z → 1 keeps the old state, and r scales the recurrent term after its matrix product, so the two forms compute different functions.',
    /** docs/equations.md §2.3: the three GRUs a learner will meet. */
    variants: {
      caption: 'Three GRUs you will meet',
      source: 'Source',
      update: 'Update',
      candidate: 'Candidate',
      same: 'Same as here?',
      pytorch: 'PyTorch, cuDNN, ONNX (linear_before_reset), Keras reset_after=True: this view',
      pytorchSame: 'yes',
      cho: 'Cho et al. 2014 (v3), d2l.ai, Keras reset_after=False',
      choSame: 'z: yes; reset: no',
      chung: 'Chung et al. 2014, colah’s blog, char-rnn',
      chungSame: 'z: swapped; reset: no',
    },
    rnnNote:
      'The vanilla RNN has no gates: the new state is a squashed sum of the input and the old state.',
    lossNote:
      'The loss is softmax cross-entropy: minus the log of the probability the model gave the character that actually came next (in nats). Squared error on the outputs would be the wrong loss here: the outputs are scores for 65 categories, not measurements, and squared error gives no probabilities, cannot be compared with ln 65 = 4.17 (uniform guessing), and barely moves when the model is confidently wrong.',
    both: 'Both directions and the tag at step {{t}}',
    bothTop: ' (layer {{L}}, which the head reads)',
    bothLabel: 'Both directions and the tag',
    bothNumbersLabel: 'Both directions and the tag, with the numbers of unit {{unit}}',
    /** What each line of a cell's equations computes (tooltips and screen readers). */
    labels: {
      lstmI: 'input gate: how much of the candidate to write',
      lstmF: 'forget gate: how much of the old cell state to keep',
      lstmG: 'candidate values to write into the cell',
      lstmO: 'output gate: how much of the cell to show as h',
      lstmC: 'cell state: keep part of the old, add part of the new',
      lstmH: 'hidden state: the gated read-out of the cell',
      gruR: 'reset gate: how much of W_hn h reaches the candidate',
      gruZ: 'update gate: z → 1 keeps the old state, z → 0 takes the candidate',
      gruN: 'candidate state (PyTorch applies r after the product W_hn h)',
      gruH: 'new state: a blend of the candidate and the old state',
      rnnA: 'pre-activation: input and previous state, each through its own weights and bias',
      rnnH: 'hidden state',
    },
  },
  output: {
    heading: 'The guess for the next character',
    tagHeading: 'The tag of x_t',
    lede: 'After reading {{char}} the model gives every character of its vocabulary a probability, p_t = softmax(y_t). The top {{k}}:',
    tagLede:
      'Reading {{char}} both ways, the model gives each of its {{V}} tags a probability, p_t = softmax(y_t), with y_t = W_{hy} [h→_t; h←_t] + b_y: the head reads both directions of the top layer at step t.',
    noLoss: 'No loss at this step: the next character, {{char}}, is not in the vocabulary.',
    loss: 'Loss at this step: ℓ_t = −ln p_t[{{char}}] = −ln {{p}} = ',
    nats: ' nats.',
    meanChars:
      ' Mean over the text: {{mean}} nats per character (guessing uniformly among {{V}} characters scores ln {{V}} = {{uniform}}).',
    meanTags:
      ' Mean over the text: {{mean}} nats per character (guessing uniformly among {{V}} tags scores ln {{V}} = {{uniform}}).',
    table: 'Top {{k}} guesses after step {{t}}, with their logits y_t',
    tagTable: 'The tags of step {{t}}, with their logits y_t',
    columns: {
      rank: 'Rank',
      char: 'Character',
      tag: 'Tag',
      p: 'Probability',
      percent: 'Percent',
      logit: 'Logit y_t',
      cameNext: 'Came next',
      trueTag: 'True tag',
    },
    yes: 'yes',
  },
  /** The Time series view's model read step by step. */
  series: {
    intro:
      'Step through the Time series view’s model as it reads the series, one real value per timestep. At each step the cell combines the value it reads, x_t (normalised), with the state it carried over, and its linear head predicts a value ahead. The cell’s gates and equations are the same as for text: x_t is one number instead of a one-hot vector, so W_ih has a single column.',
    lead: 'Series',
    values: ', values {{from}} to {{to}}:',
    window:
      'It reads the first {{steps}} steps of the validation part, values it never trained on, from a zero state, as the validation loss reads them, and predicts each value {{ahead}} ahead.',
    aheadOne: 'one step',
    aheadMany: '{{n}} steps',
    noModel:
      'There is no time-series model yet: the Time series view makes one when it is opened. Open it, choose a series (and train a little), then come back here.',
    noModelLink: 'Open the Time series view',
    backLink: 'Back to the Time series view',
    changes: 'The model learns the changes: x_t is the normalised change from the value before.',
    normalised: 'Normalised as in training: x = ({{what}} {{sign}} {{mean}}) / {{scale}}.',
    change: 'change',
    hint: 'This is the model the Time series view holds right now; read it again to see how training has changed it.',
    diagram:
      'The same cell, with the same weights, runs once per value. Each column is one timestep: the cell reads x_t, the normalised value, and the state it passed itself; above the top layer are its prediction ŷ and the value y that actually came. Click a column to jump there.',
    lossNote:
      'The loss is PyTorch’s MSELoss: the mean of the squared errors, with no ½ in front, on the normalised values (z = (y − mean) / scale, from the training part only), so a loss of 1 is as bad as always guessing the training mean.',
    heading: 'The prediction',
    ledeChange:
      'After reading x_t = {{x}} (the change to y_t = {{y}}, normalised) the linear head gives x̂{{sub}} = ',
    ledeValue:
      'After reading x_t = {{x}} (the value y_t = {{y}}, normalised) the linear head gives x̂{{sub}} = ',
    tailChange: ', which is a prediction of the next change in normalised units.',
    tailValue: ', which is a prediction of the value in normalised units.',
    prediction: 'Prediction ŷ',
    actual: 'Actual y',
    loss: 'Loss at this step: ℓ_t = (x̂{{sub}} − x{{sub}})² = ({{xhat}} − {{target}})² = ',
    lossTail: ', in normalised units. Mean over the window: {{mean}}.',
  },
  /** The backward mode. */
  backward: {
    rows: {
      fromOutput: 'from this step’s output',
      fromOutputAbove: 'from the layer above',
      fromNext: 'from step t+1',
      fromNextDirect: 'of which, past the weights',
      dh: 'total at h_t',
      dcFromNext: 'along the belt',
      dc: 'total at c_t',
    },
    explained: {
      common:
        'Wᵀdy_t is the error arriving from this step’s output: the head’s weights W_{hy} carry (p_t − one-hot of the next character) / T back to h_t (in a higher layer: the error from the layer above). dhⁿᵉˣᵗ_t arrives from the future, step t+1’s gradient carried back through W_{hh} and the gates. Their sum dh_t is the total; the rows below it are the gradients of the gates’ pre-activations, which are also this step’s share of the biases’ gradient.',
      lstm: 'On the LSTM’s belt, f⊙dc_{t+1} is the next step’s cell-state gradient scaled only by its forget gate, with no weight matrix in between: the constant-error path. dc_t adds what comes down from h_t through o_t and tanh.',
      gru: 'In a GRU, part of dhⁿᵉˣᵗ_t took the direct path h_{t+1} = (1 − z) ⊙ n + z ⊙ h_t: z⊙dh_{t+1} reaches h_t past every weight; the rest went into the candidate through (1 − z).',
    },
    /** The gradient of a gate's pre-activation, by gate name. */
    pre: {
      h: 'pre-activation a_t, before its activation',
      i: 'input gate, before its activation',
      f: 'forget gate, before its activation',
      g: 'candidate g, before its activation',
      o: 'output gate, before its activation',
      r: 'reset gate, before its activation',
      z: 'update gate, before its activation',
      n: 'candidate n, before its activation',
      other: '{{gate}}, before its activation',
    },
    heading: 'Backward through time at {{where}}',
    lastStep: 'the last step',
    lede: 'The loss is the mean of the steps’ losses. Going back from t = T, each step receives error from two places: its own output, and the step after it. Their sum, dL/dh_t, is pushed through the cell’s gates to give this step’s share of every weight’s gradient.',
    flowLabel:
      'Gradient flowing back from step {{T}} to step 1; step {{t}} is shown. Wider and darker arrows carry a larger ‖dL/dh‖.',
    flowDone: 'steps done',
    flowToDo: 'still to come',
    belt: 'cell-state belt ‖dL/dc‖',
    waiting: 'The engine is running the backward pass…',
    failed: 'The backward pass failed: {{message}}',
    series:
      'The backward mode follows the models that read text. Choose a character model or a tagger to step back through time.',
    legend: 'gradient (blue negative, red positive)',
    sumsHeading: 'The weight gradient, summed over time',
    sumsLede:
      'The weights are the same at every step, so their gradient is a sum: each step adds the outer product of its gate gradients and what the gates read (x_t for W_{ih}, h_{t−1} for W_{hh}). Step left to watch the sum fill.',
    stepPart: 'Step {{t}}’s contribution',
    stepPartTo: 'Step {{t}}’s contribution to {{name}}',
    sumPart: 'The running sum over {{done}} of {{total}} steps',
    sumPartOf: 'The running sum over {{done}} of {{total}} steps of {{name}}',
    complete:
      'Every step is in the sum: this is the gradient the optimizer receives for this text.',
    tensorLabel: 'Weights',
    heatmapRows: 'gate unit',
    heatmapBlock: 'gate',
    heatmapValue: 'gradient',
    colPrevUnit: 'unit of h at t − 1',
    colInputChar: 'input character',
    colInputUnit: 'input unit',
    checkHeading: 'Check it yourself',
    checkLede:
      'Nudge one weight up and down by ε and run the forward pass again each time: (L(w + ε) − L(w − ε)) / 2ε estimates its gradient without any calculus. The worker does it on this text.',
    row: 'Row',
    column: 'Column',
    checkButton: 'Check by finite differences',
    checking: 'Running the forward pass twice…',
    checkResult:
      'L(w + ε) = {{plus}}, L(w − ε) = {{minus}}, ε = {{epsilon}}: finite differences {{estimate}}; backward pass {{engine}}; relative difference {{relative}}.',
    checkSum: ' The running sum shown: {{sum}}.',
    truncLabel: 'Mark truncated BPTT every K steps',
    truncNone: 'no mark',
    truncNote:
      'Truncated BPTT with K = {{K}} would start each chunk’s backward pass afresh at the dashed lines: no gradient crosses them, so a dependency longer than K steps is never learned.',
    truncOneChunk: ' (This text has {{T}} steps, all in one chunk.)',
    truncLink: 'See it in the Gradient flow view',
    equationsHeading: 'The equations of the backward step',
    equationsLede:
      'Each line as the engine runs it, then with unit j = {{unit}}’s numbers at this step. The result on the right is the engine’s own number.',
    numbersLabel: 'The backward equations with the numbers of unit {{unit}}',
    textbookHeading: 'The textbook version, and what is wrong with it',
    textbookLabel: 'The textbook formula',
    textbook: 'textbook:',
    correct: 'correct:',
    reverseNote:
      'This is the backward direction of a bidirectional layer: it reads the text from the end, so its state comes from step t+1 and its gradient flows on to step t+1 as well. The equations are written that way round.',
    /** What each line of the backward step computes (tooltips and screen readers). */
    labels: {
      dh: 'total gradient at h_t: the error from this step’s output, W_hyᵀ dy_t with dy_t = (p_t − e_{y*_t}) / T (the loss is the mean over T steps), plus the gradient arriving from step t+1 (0 at the last step)',
      dhNext:
        'gradient sent to step t−1 through the recurrent weights (a sum over all units, so no single-unit numbers)',
      dhNextLstm:
        'gradient sent to step t−1 through the recurrent weights; da_t stacks the four gate blocks in PyTorch’s order i, f, g, o (a sum over all units, so no single-unit numbers)',
      dW: 'this step’s share of the weight and bias gradients; the optimizer receives their sum over all steps',
      rnnTanh: 'gradient at the pre-activation a_t, through h_t = tanh(a_t): tanh′(a_t) = 1 − h_t²',
      rnnRelu:
        'gradient at the pre-activation a_t, through h_t = ReLU(a_t): it passes where a_t > 0 and stops elsewhere',
      lstmO: 'output gate: do_t = dh_t ⊙ tanh(c_t), then through the sigmoid to its pre-activation',
      lstmDc:
        'total gradient at the cell state: the cell-state path from step t+1, dc_t^next = f_{t+1} ⊙ dc_{t+1} (0 at the last step), plus the path through h_t = o_t ⊙ tanh(c_t)',
      lstmI: 'input gate: di_t = dc_t ⊙ g_t, then through the sigmoid',
      lstmF: 'forget gate: df_t = dc_t ⊙ c_{t−1}, then through the sigmoid',
      lstmG: 'candidate: dg_t = dc_t ⊙ i_t, then through tanh (tanh′ = 1 − g_t²)',
      lstmDcNext:
        'gradient sent to step t−1 along the cell state: only the forget gate scales it, no weight matrix (the constant error carousel)',
      gruDn: 'gradient at the candidate n_t, through h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t−1}',
      gruDz: 'gradient at the update gate z_t: how much h_t moves toward h_{t−1} and away from n_t',
      gruN: 'candidate pre-activation: dn_t through tanh (tanh′ = 1 − n_t²); this is the n block on the input side',
      gruR: 'reset gate: dr_t = dn̂_t ⊙ u_t with u_t = W_hn h_{t−1} + b_hn (r multiplies u after the product), then through the sigmoid',
      gruZ: 'update gate: dz_t through the sigmoid',
      gruHh:
        'hidden-side gate gradients: the n block is r_t ⊙ dn̂_t, while the input side g^{ih}_t = [dr̂; dẑ; dn̂] has dn̂_t there. The mark of reset after the product, and why db_hh ≠ db_ih for n',
      gruDhNext:
        'gradient sent to step t−1: the direct path z_t ⊙ dh_t (shown at step t−1 as the direct part of what arrives) plus the path through the recurrent weights',
    },
    /** What is wrong with the textbook δ formula (equations.md §4.6). */
    problems: {
      shapeWhat: 'Shape error: ∇L(y_t) ⊙ σ′(h_t)',
      shapeWhy:
        'The output gradient has V entries (one per character) and σ′(h_t) has H: they cannot be multiplied entry by entry. y_t = W_hy h_t + b_y is linear, so no activation derivative belongs on that path. Project first, W_hyᵀ ∇L(y_t), then multiply by f′(a_t).',
      placeWhat: 'Derivative at the wrong place: σ′(h_t)',
      placeWhy:
        'The derivative belongs at the pre-activation a_t, not at the output h_t: tanh′(h_t) = 1 − tanh²(h_t) is not 1 − h_t². The right factor is f′(a_t), which for tanh equals 1 − h_t ⊙ h_t.',
      sigmaWhat: 'Wrong nonlinearity: σ',
      sigmaWhy: 'The forward pass uses tanh (or ReLU), not the sigmoid; write tanh′ or f′.',
      conventionsWhat: 'Mixed conventions: W_yh and x·W',
      conventionsWhy:
        'The formula mixes row and column vectors. With column vectors (as PyTorch’s equations and this app) W_hyᵀ and W_hhᵀ multiply from the left.',
      lossWhat: 'Wrong loss gradient: y_t − y*_t',
      lossWhy:
        'That is the gradient of a squared error, for regression. A character model uses softmax and cross-entropy, whose gradient at the logits is p_t − e_{y*_t} (divided by T when the loss is the mean over T steps).',
      missingWhat: 'Missing: the boundary, the sums over time, dh_0',
      missingWhy:
        'δ_{T+1} = 0 starts the recursion; the weights are shared across steps, so their gradients are sums over t (∂L/∂W_hh = Σ δ_t h_{t−1}ᵀ over t); W_hhᵀ δ_1 is the gradient at the initial state h_0.',
    },
  },
};
