import { selectEngine } from '../store/selectors';
import { useAppStore } from '../store/store';
import type { EngineStatus } from '../store/ui';

/** The footer's line about the engine worker: starting, ready, restarting or failed. */
export function StatusLine() {
  const engine = useAppStore(selectEngine);
  return (
    <p className="status-line" role="status" data-state={engine.state}>
      <span className="status-dot" aria-hidden="true" />
      {statusText(engine)}
    </p>
  );
}

function statusText(engine: EngineStatus): string {
  switch (engine.state) {
    case 'starting':
      return 'Starting engine…';
    case 'ready':
      return `Engine ready (${engine.engine})${engine.note ? `; ${engine.note}` : ''}`;
    case 'restarting':
      return `Engine ${engine.reason}; restarting it…`;
    case 'failed':
      return engine.message;
  }
}
