import { DATA_CREDITS, LIBRARY_CREDITS, type Credit } from '../content/credits';
import { Equation } from '../viz/Equation';

/** What the app is for, how to use it, and who made what it is built on. */
export function AboutPanel() {
  return (
    <div className="prose">
      <p>
        Unrolled lets you see inside recurrent neural networks — the vanilla RNN, the LSTM and the
        GRU — while they run. A recurrent network reads a sequence one step at a time and carries a
        hidden state from each step to the next; “unrolling” it through time lays those steps out
        side by side so you can look at every one.
      </p>

      <h2>How to use it</h2>
      <ol>
        <li>
          <strong>Forward pass:</strong> step through a network as it reads a text, timestep by
          timestep, and watch its gates, cell state and next-character guesses.
        </li>
        <li>
          <strong>Training:</strong> train a small character model live in your browser and watch it
          learn, from noise to plausible text.
        </li>
        <li>
          <strong>Gradient flow:</strong> move sliders that make gradients vanish or explode, and
          see why gated cells help.
        </li>
      </ol>

      <h2>The idea in one line</h2>
      <p>An LSTM keeps a cell state that each step partly forgets and partly rewrites:</p>
      <Equation tex="c_t = f_t \odot c_{t-1} + i_t \odot g_t" display />
      <p>
        Here <Equation tex="f_t" /> is the forget gate, <Equation tex="i_t" /> the input gate,{' '}
        <Equation tex="g_t" /> the candidate values and <Equation tex="\odot" /> multiplication
        element by element. Because the old state passes through a sum rather than a squashing
        function, gradients can flow back through many steps.
      </p>

      <h2>Keyboard</h2>
      <p>
        Everything works from the keyboard. Tab and Shift+Tab move between links and controls, Enter
        follows a link, and Enter or Space presses a button. The first Tab on a page offers a “Skip
        to content” link. The browser’s Back and Forward buttons move between views, and each view
        has its own address you can bookmark or share.
      </p>

      <h2>Credits and licences</h2>
      <h3>Data</h3>
      <CreditList credits={DATA_CREDITS} />
      <h3>Libraries</h3>
      <CreditList credits={LIBRARY_CREDITS} />
      <p>Unrolled itself is MIT licensed.</p>
    </div>
  );
}

function CreditList({ credits }: { credits: readonly Credit[] }) {
  return (
    <ul className="credits">
      {credits.map((credit) => (
        <li key={credit.name}>
          <strong>{credit.name}</strong> — {credit.description}{' '}
          <span>Licence: {credit.licence}</span>
        </li>
      ))}
    </ul>
  );
}
