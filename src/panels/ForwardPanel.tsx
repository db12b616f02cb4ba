// The Forward pass view: a real network reads a short text one character per timestep; the
// learner steps through it and sees the unrolled network, every gate of the cell, the guesses
// for the next character and the equations with the live numbers.
// Keys (while the view is shown, wherever focus is, except in a field): ← → step, Space plays,
// Home/End jump. They are heard on the document, so they work before anything is clicked.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { jumpToEnd, jumpToStart, startForward, stepBy, togglePlay } from '../store/forwardActions';
import { startBackward } from '../store/backwardActions';
import { selectReducedMotion } from '../store/selectors';
import { useAppStore } from '../store/store';
import { BackwardEquations } from './forward/BackwardEquations';
import { BackwardSection } from './forward/BackwardSection';
import { CellSection } from './forward/CellSection';
import { DiagramSection } from './forward/DiagramSection';
import { EquationsSection } from './forward/EquationsSection';
import { ModelInput } from './forward/ModelInput';
import { OutputSection } from './forward/OutputSection';
import { StepControls } from './forward/StepControls';
import { useSymbolLink } from './forward/useSymbolLink';
import { WeightGradSection } from './forward/WeightGradSection';
import '../styles/forward.css';

export function ForwardPanel() {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const reducedMotion = useAppStore(selectReducedMotion);
  const tagger = useAppStore((s) => (s.forward.result?.model.classes ?? null) !== null);
  const series = useAppStore((s) => s.forward.model === 'series');
  const backward = useAppStore((s) => s.forward.pass === 'backward');
  useEffect(() => startForward(), []);
  useEffect(() => startBackward(), []);
  useEffect(() => {
    document.addEventListener('keydown', onViewKey);
    return () => document.removeEventListener('keydown', onViewKey);
  }, []);
  useSymbolLink(root);
  return (
    <div ref={root} className={`fwd${reducedMotion ? ' fwd--instant' : ''}`}>
      <p className="prose">
        {series
          ? t('forward.series.intro')
          : tagger
            ? t('forward.taggerIntro')
            : t('forward.intro')}
      </p>
      <ModelInput />
      <div className="fwd-sticky">
        <StepControls />
      </div>
      <DiagramSection />
      {backward ? (
        <>
          <BackwardSection />
          <WeightGradSection />
          <BackwardEquations />
        </>
      ) : (
        <>
          <div className="fwd-grid">
            <CellSection />
            <OutputSection />
          </div>
          <EquationsSection />
        </>
      )}
    </div>
  );
}

/** Fields where the keys keep their usual meaning (typing, choosing). */
const OWN_KEYS = 'input, textarea, select, [contenteditable="true"]';
/** Controls that Space activates on its own. */
const SPACE_KEYS = 'button, a[href], summary, [role="button"]';

function onViewKey(event: KeyboardEvent): void {
  if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest(OWN_KEYS)) return;
  switch (event.key) {
    case 'ArrowRight':
      stepBy(1);
      break;
    case 'ArrowLeft':
      stepBy(-1);
      break;
    case 'Home':
      jumpToStart();
      break;
    case 'End':
      jumpToEnd();
      break;
    case ' ':
      if (target?.closest(SPACE_KEYS)) return;
      togglePlay();
      break;
    default:
      return;
  }
  event.preventDefault();
}
