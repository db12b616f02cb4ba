// The Attention view: an encoder–decoder trained live in the worker on a task a person can read
// (dates to ISO, reversing, sorting, adding), the attention matrix forming while it learns, one
// decoder step with the engine's numbers, and accuracy by input length with and without attention.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { attentionEquations } from '../content/attention';
import { formatCount } from '../content/format';
import { attentionChoice } from '../store/attention';
import { leaveAttention, loadAttention, restoreAttentionLastGood } from '../store/attentionActions';
import { useAppStore } from '../store/store';
import { Equation } from '../viz/Equation';
import { AttentionByLength } from './attention/ByLength';
import { AttentionCheckpoints, AttentionSaved } from './attention/Checkpoints';
import { AttentionControls } from './attention/Controls';
import { AttentionCurves } from './attention/Curves';
import { AttentionDecodeStep } from './attention/DecodeStep';
import { AttentionDecoding } from './attention/Decoding';
import { AttentionExport } from './attention/Export';
import '../styles/attention.css';

export function AttentionPanel() {
  const { t } = useTranslation();
  const choice = useAppStore((s) => attentionChoice(s.attention));
  const error = useAppStore((s) => s.attention.error);
  const phase = useAppStore((s) => s.attention.phase);
  const lastGoodStep = useAppStore((s) => s.attention.lastGoodStep);
  const kind = useAppStore((s) => s.attention.attention);
  const cell = useAppStore((s) => s.attention.cell);
  const bidirectional = useAppStore((s) => s.attention.bidirectional);

  // The first load after the page opened puts the autosaved run back if it fits the choices.
  const first = useRef(true);
  useEffect(() => {
    void loadAttention({ resume: first.current });
    first.current = false;
  }, [choice]);
  useEffect(() => leaveAttention, []);

  return (
    <div className="at">
      <p className="at-intro">{t('attention.intro')}</p>
      <AttentionControls />
      <AttentionSaved />
      {error !== null && (
        <p className="at-error" role="alert">
          {error}
        </p>
      )}
      {phase === 'diverged' && (
        <p className="at-diverged">
          <button type="button" onClick={() => void restoreAttentionLastGood()}>
            {t('attention.diverged', { step: formatCount(lastGoodStep) })}
          </button>
        </p>
      )}
      <AttentionDecoding />
      <AttentionDecodeStep />
      <AttentionCurves />
      <AttentionByLength />
      <section aria-labelledby="at-eq-h">
        <h2 id="at-eq-h">{t('attention.equations')}</h2>
        <div
          className="at-equations"
          role="region"
          tabIndex={0}
          aria-label={t('attention.equations')}
        >
          {attentionEquations(kind, cell, bidirectional).map((line) => (
            <Equation key={line.label} tex={line.tex} display />
          ))}
        </div>
      </section>
      <AttentionCheckpoints />
      <AttentionExport />
    </div>
  );
}
