// Export: the model file and a PyTorch script that rebuilds it with nn.GRU/LSTM/RNN and an
// attention module, loads the weights and prints the same loss.
import { exportAttention } from '../../store/attentionActions';
import { useAppStore } from '../../store/store';

export function AttentionExport() {
  const ready = useAppStore((s) => s.attention.info !== null && s.attention.phase !== 'loading');
  return (
    <section aria-labelledby="at-export-h">
      <h2 id="at-export-h">Take it to PyTorch</h2>
      <p className="at-note">
        The model file holds every weight under the name the PyTorch module gives it. The script
        rebuilds the model, loads the file, prints the loss and the attention of an example you pass
        as <code>INPUT&lt;TAB&gt;OUTPUT</code> (the same numbers as here), and trains on with{' '}
        <code>--train pairs.tsv --save</code>.
      </p>
      <div className="at-run">
        <button type="button" disabled={!ready} onClick={() => void exportAttention('model')}>
          Download the model file
        </button>
        <button type="button" disabled={!ready} onClick={() => void exportAttention('script')}>
          Download the PyTorch script
        </button>
      </div>
    </section>
  );
}
