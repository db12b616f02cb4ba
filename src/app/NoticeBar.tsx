import { dismissNotice } from '../store/actions';
import { useTranslation } from 'react-i18next';
import { selectNotice } from '../store/selectors';
import { useAppStore } from '../store/store';

/**
 * A one-line notice, e.g. that the address named no page. The live region is always in the
 * document, so screen readers announce the text when it appears.
 */
export function NoticeBar() {
  const notice = useAppStore(selectNotice);
  const { t } = useTranslation();
  return (
    <div className="notice-region" role="status">
      {notice !== null && (
        <div className="notice">
          <p>{notice}</p>
          <button type="button" onClick={dismissNotice}>
            {t('shell.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
