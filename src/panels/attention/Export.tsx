// Export: the model file and a PyTorch script that rebuilds it with nn.GRU/LSTM/RNN and an
// attention module, loads the weights and prints the same loss.
import { Trans, useTranslation } from 'react-i18next';
import { exportAttention } from '../../store/attentionActions';
import { useAppStore } from '../../store/store';

export function AttentionExport() {
  const { t } = useTranslation();
  const ready = useAppStore((s) => s.attention.info !== null && s.attention.phase !== 'loading');
  return (
    <section aria-labelledby="at-export-h">
      <h2 id="at-export-h">{t('attention.export.heading')}</h2>
      <p className="at-note">
        <Trans i18nKey="attention.export.note" components={{ code: <code /> }} />
      </p>
      <div className="at-run">
        <button type="button" disabled={!ready} onClick={() => void exportAttention('model')}>
          {t('attention.export.model')}
        </button>
        <button type="button" disabled={!ready} onClick={() => void exportAttention('script')}>
          {t('attention.export.script')}
        </button>
      </div>
    </section>
  );
}
