// Catches a render error (or a chunk that failed to download) in one view, so the rest of the
// page keeps working.
import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.error('A view failed', error);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    const { message } = this.state.error;
    return (
      <Translation>
        {(t) => (
          <div className="view-error" role="alert">
            <p>{t('notices.viewError.message', { message })}</p>
            <button type="button" onClick={() => window.location.reload()}>
              {t('notices.viewError.reload')}
            </button>
          </div>
        )}
      </Translation>
    );
  }
}
