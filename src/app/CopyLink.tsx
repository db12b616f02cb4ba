// "Copy link" in the header: the page's whole state as a link. When the browser will not let the
// page write to the clipboard, the link is shown selected, to copy by hand.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyToClipboard, shareLink } from '../store/shareActions';

type Outcome = { copied: true } | { copied: false; link: string } | null;

export function CopyLink() {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const field = useRef<HTMLInputElement>(null);
  const copy = async () => {
    const link = shareLink();
    const copied = await copyToClipboard(link);
    setOutcome(copied ? { copied } : { copied, link });
    if (!copied) requestAnimationFrame(() => field.current?.select());
  };
  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy()} title={t('share.copyHelp')}>
        {t('share.copy')}
      </button>
      <span role="status" className="copy-link__status">
        {outcome?.copied === true && t('share.copied')}
      </span>
      {outcome?.copied === false && (
        <input
          ref={field}
          type="text"
          readOnly
          value={outcome.link}
          aria-label={t('share.manual')}
          onBlur={() => setOutcome(null)}
        />
      )}
    </div>
  );
}
