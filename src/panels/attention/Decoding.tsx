// The decoding shown: a held-out example (or the learner's own input), what the model writes for
// it next to the right answer, and the attention matrix (output step × input position), which
// follows the model while it trains.
import { useTranslation } from 'react-i18next';
import { useState, useDeferredValue } from 'react';
import { formatCount } from '../../content/format';
import {
  clearOwnInput,
  MAX_OWN_INPUT,
  selectExample,
  selectRow,
  setOwnInput,
} from '../../store/attentionActions';
import { useAppStore } from '../../store/store';
import { AttentionMatrix } from '../../viz/AttentionMatrix';
import { outputLabels } from './rows';

export function AttentionDecoding() {
  const info = useAppStore((s) => s.attention.info);
  const example = useAppStore((s) => s.attention.example);
  const own = useAppStore((s) => s.attention.own);
  // Redrawn in a deferred render, which React splits so that typing and keys stay quick.
  const decoded = useDeferredValue(useAppStore((s) => s.attention.decoded));
  const row = useAppStore((s) => s.attention.row);
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  if (info === null) return null;
  const expected = own === null ? (info.examples[example]?.output ?? null) : null;
  const right = decoded !== null && expected !== null && decoded.output === expected;
  const labels = decoded === null ? [] : outputLabels(decoded);
  return (
    <section aria-labelledby="at-matrix-h">
      <h2 id="at-matrix-h">{t('attention.decoding.heading')}</h2>
      <div className="at-pick">
        <label>
          {t('attention.decoding.example')}{' '}
          <select
            value={own === null ? example : -1}
            onChange={(e) => selectExample(Number(e.target.value))}
          >
            {own !== null && <option value={-1}>{t('attention.decoding.yourInput')}</option>}
            {info.examples.map((ex, k) => (
              <option key={k} value={k}>
                {ex.input}
              </option>
            ))}
          </select>
        </label>
        <form
          className="at-own"
          onSubmit={(e) => {
            e.preventDefault();
            setRefused(setOwnInput(draft));
          }}
        >
          <label>
            {t('attention.decoding.own')}{' '}
            <input
              type="text"
              value={draft}
              maxLength={MAX_OWN_INPUT}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => setDraft(e.target.value)}
            />
          </label>{' '}
          <button type="submit">{t('attention.decoding.decode')}</button>
          {own !== null && (
            <button type="button" onClick={() => clearOwnInput()}>
              {t('attention.decoding.back')}
            </button>
          )}
        </form>
      </div>
      {refused !== null && (
        <p className="at-refused" role="alert">
          {refused}
        </p>
      )}
      {decoded !== null && (
        <p className="at-result" data-testid="at-result">
          <span className="at-io">{decoded.input}</span> →{' '}
          <span className={`at-io ${expected === null ? '' : right ? 'at-right' : 'at-wrong'}`}>
            {decoded.output === '' ? t('attention.decoding.nothing') : decoded.output}
          </span>
          {expected !== null &&
            (right ? (
              t('attention.decoding.right')
            ) : (
              <>
                {t('attention.decoding.wrong')}
                <span className="at-io">{expected}</span>
              </>
            ))}
          <span className="at-when">
            {t('attention.decoding.when', { step: formatCount(decoded.step) })}
          </span>
        </p>
      )}
      {decoded !== null && decoded.alpha.length > 0 && (
        <AttentionMatrix
          input={Array.from(decoded.input)}
          output={labels}
          alpha={decoded.alpha}
          selected={row === null ? null : Math.min(row, decoded.T - 1)}
          onSelect={(r) => selectRow(r)}
          label={t('attention.decoding.matrix')}
        />
      )}
      {decoded !== null && decoded.alpha.length === 0 && (
        <p className="at-note">
          {t('attention.decoding.noMatrix', { size: formatCount(info.settings.hiddenSize) })}
        </p>
      )}
      {decoded !== null && decoded.alpha.length > 0 && (
        <p className="at-note">{t('attention.decoding.rows')}</p>
      )}
    </section>
  );
}
