// The lesson's chapters in English. Each chapter's id matches chapters.ts; zh-CN.ts has the same.
import type { LessonText } from './text';

export const lessonEn: LessonText = {
  step: {
    title: 'Sequences and the recurrent step',
    body: [
      'Text, speech, prices and sensor readings are sequences: the order carries the meaning. A recurrent network reads a sequence one element at a time, and keeps a hidden state h_t, a vector of numbers that summarises what it has read so far.',
      'At every step the same cell takes two things, the new input x_t and the previous state h_{t−1}, and computes the next state. For the plain (vanilla) RNN that is one line: h_t = tanh(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh).',
      'The view below is a real RNN trained on Shakespeare, reading the word “hello”. Its numbers are the engine’s, not an illustration.',
    ],
    try: 'Press → (or the Next button) to move from step to step, and watch the hidden state’s colours change as each character comes in.',
    question: 'Move to step 3. Which character does the network read at that step?',
    options: ['h', 'e', 'l', 'o'],
    hint: 'The step counter shows t; the input x_t at step t is the t-th character of the text. Look at the highlighted column of the diagram.',
    why: 'Step t reads the t-th character: “h”, “e”, then “l”. The state after it, h_3, has seen “hel”.',
  },
  unroll: {
    title: 'Unrolling and the forward pass',
    body: [
      'A loop is hard to draw and hard to differentiate. “Unrolling” lays the steps out side by side: one column per character, each column a copy of the same cell, with an arrow carrying the state from one column to the next.',
      'The forward pass runs the columns from left to right. This is an LSTM: besides h_t it carries a cell state c_t, and four gates (input i, forget f, candidate g and output o, in PyTorch’s order) decide what to keep, write and show.',
      'Unrolled, a recurrent network is a very deep feed-forward network whose layers all share their weights.',
    ],
    try: 'Step through “recurrent”, and hover over a gate in the equations to find the same numbers in the picture.',
    question:
      'The diagram shows nine columns for the nine characters. How many sets of weights do they use?',
    options: [
      'One set, shared by every step',
      'Nine sets, one per step',
      'Two sets, one for the gates and one for the state',
      'It depends on the length of the text',
    ],
    hint: 'Look at the equations: which symbols carry the step’s index t, and which do not?',
    why: 'W_ih, W_hh and the biases have no t: every column is the same cell with the same weights. That is why one model can read texts of any length.',
  },
  loss: {
    title: 'The character model and its loss',
    body: [
      'After each step the model turns h_t into a score for every character it knows, and softmax turns the scores into probabilities for the next character.',
      'Training needs one number that says how wrong the model is. Cross-entropy takes the probability p the model gave the character that really came next and charges −log p: nothing when p = 1, about 0.69 when p = ½, a lot when the model was confident and wrong.',
      'The loss of a text is the average of these charges over its steps, in nats per character.',
    ],
    try: 'Step through “the cat sat” and watch the next character’s probabilities. Find a step where the model guesses well and one where it is surprised.',
    question:
      'When the model gives the right next character a higher probability, what happens to that step’s loss?',
    options: ['It goes up', 'It goes down', 'It stays the same', 'It becomes negative'],
    hint: 'The loss of a step is −log p. Compare a step where p is large with one where it is small.',
    why: '−log p falls as p rises, and reaches 0 at p = 1. Lowering the loss means making the right characters more likely.',
  },
  training: {
    title: 'Training and what the curves mean',
    body: [
      'Training repeats one move: take a batch of text, run the forward pass, compute the loss, compute its gradient with respect to every weight, and nudge the weights a small step downhill (here with Adam).',
      'Two curves tell the story. The training loss is measured on the batches the model learns from; the validation loss on text it never trains on. While both fall, the model is learning; when validation stops falling and training goes on down, it is memorising.',
      'The samples show the same progress in words: from random characters, to letter frequencies, to words, to something like Shakespeare.',
    ],
    try: 'Press Train and watch the curves and the samples for a minute. Pause, change the learning rate, and go on.',
    question: 'Where does the validation loss start, before the model has learned anything?',
    options: [
      'Near 0',
      'Near 1',
      'Near 4.2, that is ln 65: as if all 65 characters were equally likely',
      'Near 65',
    ],
    hint: 'Look at the first point of the loss curve. An untrained model spreads its probability evenly, and the loss of a step is −log p.',
    why: 'With p ≈ 1/65 for every character, −log p = ln 65 ≈ 4.17 nats. Everything below that is learned.',
  },
  bptt: {
    title: 'Backpropagation through time',
    body: [
      'The gradient tells each weight how to change. Because every step uses the same W_hh, its gradient is a sum over time: each step adds its share, computed from the error that reaches h_t.',
      'That error arrives from two places: from the step’s own output, and from step t+1 through the recurrent connection. Backpropagation through time (BPTT) walks the unrolled network from the last step back to the first, passing the error leftwards.',
      'This view runs the backward pass one step at a time and shows each step’s share next to the running sum.',
    ],
    try: 'Press ← to go back from the last step towards step 1 and watch dL/dh_t and the running sum of dW_hh fill in.',
    question:
      'At step 1, when the backward pass is done, what is the running sum of the weight gradient?',
    options: [
      'Only step 1’s share',
      'The gradient the optimizer receives: every step’s share added up',
      'The average of the steps’ shares',
      'Zero, since the shares cancel',
    ],
    hint: 'Go all the way down to step 1 and read the note under the running sum.',
    why: 'The weights are shared, so their gradient is the sum of every step’s share. The view’s sum at step 1 equals the engine’s gradient exactly.',
  },
  vanishing: {
    title: 'Vanishing and exploding gradients',
    body: [
      'On its way back, the error is multiplied at every step by the same Jacobian, Wᵀ_hh times the derivative of tanh. Repeat a multiplication fifty times and its size grows or shrinks like a power.',
      'If W_hh shrinks vectors (its largest singular value below 1), the error from far back fades to nothing: the gradient vanishes, and the network cannot learn long-range dependencies. If it stretches them, the gradient explodes and a single step can wreck the weights.',
      'Here W_hh = s·Q, an orthogonal matrix scaled by s, so s alone sets the factor.',
    ],
    try: 'Move the slider s from 0.8 to 1.2 and watch the norm of the gradient at each step on the logarithmic axis.',
    question:
      'With s = 0.8, how does the gradient’s norm change as it flows back from step T to step 1?',
    options: [
      'It shrinks by about the same factor at every step: it vanishes',
      'It stays the same',
      'It grows at every step: it explodes',
      'It jumps up and down at random',
    ],
    hint: 'Read the chart from right (step T) to left (step 1). A straight line on a logarithmic axis means the same factor every step.',
    why: 'Each step multiplies the norm by about 0.8, so after 50 steps only 0.8⁵⁰ ≈ 1.4e-5 of it is left. Above s = 1 the same line rises instead.',
  },
  gates: {
    title: 'LSTM and GRU: gates that keep the gradient',
    body: [
      'The LSTM’s cell state is updated by a sum: c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t. Backwards, the error on c_t passes to c_{t−1} multiplied by the forget gate f_t alone, not by W_hh and a squashing derivative.',
      'When the forget gate stays near 1, the error travels many steps almost unchanged. The GRU does the same with its update gate z_t. This is why gated cells learn dependencies that a plain RNN forgets.',
      'Here W_hh = 0, so the gates depend only on their biases: the LSTM’s path is exactly σ(b_f) per step.',
    ],
    try: 'Move the forget bias b_f from 0 to 5 and compare the LSTM’s line with the RNN’s and the GRU’s.',
    question: 'With b_f = 4, what is left of the LSTM’s gradient after the 30 steps?',
    options: [
      'Nothing, as in the RNN',
      'About σ(4)³⁰ ≈ 0.58 of it',
      'Exactly all of it',
      'More than all of it',
    ],
    hint: 'Each step multiplies the cell path by f = σ(b_f). Compute σ(4) ≈ 0.982, or read the LSTM’s line at step 1.',
    why: '0.982³⁰ ≈ 0.58: most of the gradient survives 30 steps. With b_f = 0 the same path keeps only 0.5³⁰ ≈ 1e-9.',
  },
  bidirectional: {
    title: 'Deep and bidirectional RNNs',
    body: [
      'Layers can be stacked: the states of one recurrent layer are the inputs of the next, so higher layers see more abstract features. And a layer can read both ways: a bidirectional layer runs one RNN forwards and another backwards and joins their states, [h→; h←].',
      'A forward-only model has read only the past when it decides about position t. Some tasks need the future: whether a letter ends a word depends on what follows.',
      'This race trains a forward-only model and a bidirectional one on the same batches, on a task where each letter’s tag is the letter k steps ahead.',
    ],
    try: 'Press Start and watch the two accuracy curves. Then change k.',
    question: 'Which model gets far more than one letter in four right?',
    options: ['The forward-only model', 'The bidirectional model', 'Both, equally', 'Neither'],
    hint: 'The answer for each letter lies k steps ahead. Which model has read it when it decides?',
    why: 'Only the backward direction has read the letter k steps ahead; the forward model can only guess, one in four.',
  },
  attention: {
    title: 'Attention',
    body: [
      'An encoder–decoder reads an input sequence with one RNN and writes an output with another. Without attention, everything the decoder knows about the input has to fit in the encoder’s last state: one fixed-size vector.',
      'Attention lets every output step look back at all the encoder’s states: it scores each input position, turns the scores into weights α that sum to 1 with softmax, and reads their weighted sum, the context vector c_t.',
      'The matrix shows α: one row per output character, one column per input character. Watch it form while the model learns to reverse words.',
    ],
    try: 'Press Train and watch the matrix for half a minute. Then pick a row and step through one decoding.',
    question:
      'Once the model has learned to reverse the letters, what shape does the attention matrix take?',
    options: [
      'A diagonal from the top left to the bottom right',
      'An anti-diagonal from the top right to the bottom left',
      'One bright column',
      'An even grey everywhere',
    ],
    hint: 'The first output letter is the last input letter. Where must row 1 look, and row 2?',
    why: 'Output step t reads input position T+1−t: the weights line up on the anti-diagonal. For dates they line up along the diagonal instead.',
  },
  series: {
    title: 'Time series and squared error',
    body: [
      'A recurrent network can read numbers as well as characters. To predict tomorrow’s temperature it reads the last days and outputs one real number, scored by the squared error (ŷ − y)², PyTorch’s MSELoss.',
      'A forecast is only worth something if it beats the simple rules: tomorrow is like today (the last value), or like the same day last season. The view draws these baselines next to the model’s loss.',
      'Squared error punishes large misses much more than small ones: an error of 3 costs nine times an error of 1.',
    ],
    try: 'Press Train and compare the validation loss with the “last value” line. Then look at the forecast on the held-out days.',
    question: 'Which number must the model’s validation loss get below to be worth using?',
    options: [
      'Zero',
      'The loss of the “last value” baseline: tomorrow = today',
      'One',
      'The training loss',
    ],
    hint: 'Look at the lines drawn beside the model’s loss curve, and at what the view says next to them.',
    why: 'Predicting “tomorrow = today” costs nothing to build; a model that does worse than that is not worth its weights.',
  },
};
