import { selectEngine } from '../store/selectors';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/store';
import type { EngineStatus } from '../store/ui';

/** The footer's line about the engine worker: starting, ready, restarting or failed. */
export function StatusLine() {
  const engine = useAppStore(selectEngine);
  const { t } = useTranslation();
  return (
    <p className="status-line" role="status" data-state={engine.state}>
      <span className="status-dot" aria-hidden="true" />
      {statusText(engine, t)}
    </p>
  );
}

function statusText(engine: EngineStatus, t: TFunction): string {
  switch (engine.state) {
    case 'starting':
      return t('engine.starting');
    case 'ready':
      return engine.note
        ? t('engine.readyNote', { engine: engine.engine, note: engine.note })
        : t('engine.ready', { engine: engine.engine });
    case 'restarting':
      return t('engine.restarting', { reason: engine.reason });
    case 'failed':
      return engine.message;
  }
}
