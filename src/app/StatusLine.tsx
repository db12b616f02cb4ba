import { selectEngine, selectLocale } from '../store/selectors';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../content/i18n';
import { engineReason } from '../store/engineWords';
import { useAppStore } from '../store/store';
import type { EngineStatus } from '../store/ui';

/** The footer's line about the engine worker: starting, ready, restarting or failed. */
export function StatusLine() {
  const engine = useAppStore(selectEngine);
  const locale = useAppStore(selectLocale);
  const { t } = useTranslation();
  return (
    <p className="status-line" role="status" data-state={engine.state}>
      <span className="status-dot" aria-hidden="true" />
      {statusText(engine, t, locale)}
    </p>
  );
}

function statusText(engine: EngineStatus, t: TFunction, locale: Locale): string {
  switch (engine.state) {
    case 'starting':
      return t('engine.starting');
    case 'ready':
      return engine.note
        ? t('engine.readyNote', { engine: engine.engine, note: engine.note })
        : t('engine.ready', { engine: engine.engine });
    case 'restarting':
      // The client's reason, in words of the language in effect.
      return t('engine.restarting', { reason: engineReason(locale, engine.reason) });
    case 'failed':
      return engine.message;
  }
}
