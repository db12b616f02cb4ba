// The viz words in English (see ../en.ts for the conventions). zh-CN/viz.ts has the same keys.
// The charts' own words: their buttons, tooltips, axis words and legends. Words about the data
// (titles, axis labels) come from the views as props.
export const viz = {
  // "Show data" under a chart (ShowData.tsx).
  showData: {
    show: 'Show data',
    hide: 'Hide data',
    showName: 'Show data: {{name}}',
    hideName: 'Hide data: {{name}}',
    cut: ' (first and last {{half}} of {{total}} rows)',
  },
  // A chart's frame (ChartFrame.tsx): after "PNG" and "SVG", for screen readers.
  frame: {
    of: ' of {{title}}',
  },
  // A value's tooltip in the heat strips and the cell-state belt (valueTip.ts).
  value: {
    named: '{{name}}: {{value}}',
    beyond: '{{text}} (beyond the colour scale, drawn as {{edge}})',
    tip: 'unit {{unit}}, {{text}}',
    lane: 'unit {{unit}}: {{list}}',
    laneJoin: '; ',
  },
  // Heat strips (HeatStrip.tsx).
  heat: {
    units: 'units 0 … {{last}}',
    unit: 'unit {{unit}}',
    name: '{{label}} {{symbol}} of each hidden unit',
    described: '{{name}}; {{tip}}',
  },
  // A colour bar's words for screen readers (ColorLegend in HeatStrip.tsx).
  legend: {
    range: 'from {{lo}} to {{hi}}',
    rangeOpen:
      'from at most {{lo}} to at least {{hi}}; a mark shows a value beyond, clipped to the end colour',
    clipped: 'clipped beyond ±{{hi}}',
  },
  // The LSTM's cell-state belt (CellBelt.tsx).
  belt: {
    cellState: 'cell state',
    forgetGate: 'forget gate',
    kept: 'kept',
    keptLabel: 'kept f⊙c(t−1)',
    written: 'written',
    slider: 'Cell-state belt, one lane per hidden unit',
    img: 'Cell-state belt; {{text}}',
  },
  // The unrolled diagram (UnrolledDiagram.tsx, UnrolledColumn.tsx, unrolledLayout.ts).
  unrolled: {
    title: 'Step {{step}}: reads {{read}}',
    titleUnknown: 'Step {{step}}: reads {{read}} (not in the vocabulary)',
    cellName: '{{row}}, step {{step}}',
    cellNameBare: 'step {{step}}',
    cellValue: '{{name}}: h[{{unit}}] = {{value}}',
    cellWaiting: '{{name}}: not computed yet',
    layer: 'layer {{n}}',
    forward: 'forward',
    backward: 'backward',
    rowJoin: ', ',
    guesses: 'guesses',
    tag: 'tag',
  },
  // The model's guesses for the next character, or a tagger's tags (TopGuesses.tsx).
  guesses: {
    summaryNext: 'Top {{n}} guesses for the next character: {{list}}.',
    summaryTags: 'The tags: {{list}}.',
    item: '{{char}} {{p}}',
    listJoin: ', ',
    notInVocab: ' The next character, {{char}}, is not in the vocabulary.',
    targetNext: ' The next character, {{char}}, got {{p}} (rank {{rank}}).',
    targetTag: ' The true tag, {{char}}, got {{p}} (rank {{rank}}).',
    markNext: '◀ next',
    markTrue: '◀ true',
    markExtra: 'next · #{{rank}}',
  },
  // Samples taken while training (SampleTimeline.tsx).
  samples: {
    first: 'The first sample is taken at step 1.',
    step: 'step {{step}}',
  },
  // A weight matrix as a heatmap (WeightsHeatmap.tsx).
  weights: {
    gate: 'gate',
    weight: 'weight',
    block: '{{name}} {{block}}, ',
    column: 'column {{n}}',
    readout: '{{block}}unit {{unit}}, {{column}}: {{value}}',
    hint: 'Point at a cell to read its {{what}}.',
    legend: 'Colour scale: blue {{lo}}, white 0, red {{hi}}',
  },
  // The attention charts (AttentionMatrix.tsx, AttentionLines.tsx).
  attention: {
    space: 'space',
    input: "input '{{char}}' at position {{position}}: α = {{alpha}}",
    inputScore: "input '{{char}}' at position {{position}}: α = {{alpha}}, score e = {{score}}",
    noStep: 'no output step picked',
    step: "output step {{step}} of {{total}}: '{{char}}'",
    row: '{{char}} (step {{step}})',
    slider: '{{label}} (↑ ↓ pick an output step)',
    tip: "output '{{output}}' (step {{step}}) reads input '{{input}}' (position {{position}}): α = {{alpha}}",
    output: 'output',
  },
  // The backward pass as a strip (GradientFlowStrip.tsx).
  flow: {
    nodeTip: '{{name}} at step {{step}}: {{value}}',
    valueText: 'step {{step}} of {{total}}, reading {{char}}',
    belt: 'c belt',
  },
  // Gradient norms over the unrolled sequence (GradientNormChart.tsx).
  norms: {
    axisWide: 'state h_k (k = 0 … T); the loss is at k = T, on the right',
    axisNarrow: 'state h_k; the loss is at k = T (right)',
    vanished: 'vanished (1e-6)',
    exploded: 'exploded (1e6)',
    below: '{{label}} below 1e-6 at k = {{k}}',
    above: '{{label}} above 1e6 at k = {{k}}',
  },
  // ‖∂h_t/∂h_k‖ as a heatmap (JacobianHeatmap.tsx).
  jacobian: {
    rows: 'loss step t ↓',
    cols: 'state k →',
    zero: 'exact 0',
  },
  // Clipping, element by element (ClipScatter.tsx).
  scatter: {
    before: 'before (±{{max}})',
    after: 'after (±{{max}})',
  },
  // The eigenvalue plot's legend (EigenPlot.tsx).
  eigen: {
    inside: 'eigenvalue inside the unit circle (|λ| ≤ 1: that direction shrinks)',
    outside: 'eigenvalue outside the unit circle (|λ| > 1: that direction grows)',
    circle: 'the unit circle, |λ| = 1',
  },
};
