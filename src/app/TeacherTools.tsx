// "For teachers", under the view: hide some of the view's controls (the page shows at once what
// students will see, and the address keeps it), then copy the link or the code that embeds the
// view in a course page or a slide. The controls are the view's elements marked `data-control`;
// their names are read from their own labels, so they are in the interface's language.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyToClipboard, setHiddenControls, shareLink } from '../store/shareActions';
import { useAppStore } from '../store/store';

interface Control {
  name: string;
  label: string;
}

/** The view's controls a teacher may hide, in the page's order (each name once). */
export function findControls(root: ParentNode): Control[] {
  const seen = new Map<string, string>();
  for (const el of root.querySelectorAll<HTMLElement>('[data-control]')) {
    const name = el.dataset.control ?? '';
    if (!seen.has(name)) seen.set(name, labelOf(el) || name);
  }
  return [...seen].map(([name, label]) => ({ name, label }));
}

/** A control's own words: its legend or label, without the options inside it. */
function labelOf(el: HTMLElement): string {
  const source = el.matches('label')
    ? el
    : (el.querySelector(':scope > legend, :scope > label, summary') ?? el);
  const copy = source.cloneNode(true) as HTMLElement;
  for (const inner of copy.querySelectorAll(
    'select, option, input, output, textarea, .field__hint, .gf-hint',
  ))
    inner.remove();
  return (copy.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[:：]$/, '');
}

/** Text as an HTML attribute's value. */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function TeacherTools() {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.ui.view);
  const hidden = useAppStore((s) => s.teach.hide);
  const heading = t(`views.${view}.heading`);
  const [controls, setControls] = useState<Control[]>([]);
  const [copied, setCopied] = useState<'link' | 'embed' | null>(null);
  const id = useId();
  const refresh = () => setControls(findControls(document.getElementById('main') ?? document));
  const embed = `<iframe src="${attribute(shareLink({ embed: true }))}" title="${attribute(`${heading} — Unrolled`)}" width="100%" height="800" loading="lazy"></iframe>`;
  const copy = async (what: 'link' | 'embed') => {
    if (await copyToClipboard(what === 'link' ? shareLink() : embed)) setCopied(what);
  };
  return (
    <details
      className="teacher-tools"
      onToggle={(e) => {
        if (e.currentTarget.open) refresh();
        setCopied(null);
      }}
    >
      <summary>{t('teach.summary')}</summary>
      <p>{t('teach.intro')}</p>
      {controls.length === 0 ? (
        <p>{t('teach.none')}</p>
      ) : (
        <fieldset>
          <legend>{t('teach.hide', { view: heading })}</legend>
          {controls.map((c) => (
            <label key={c.name}>
              <input
                type="checkbox"
                checked={hidden.includes(c.name)}
                onChange={(e) =>
                  setHiddenControls(
                    e.target.checked ? [...hidden, c.name] : hidden.filter((n) => n !== c.name),
                  )
                }
              />{' '}
              {c.label}
            </label>
          ))}
        </fieldset>
      )}
      <p className="teacher-tools__actions">
        <button type="button" onClick={() => void copy('link')}>
          {t('teach.copyLink')}
        </button>
        <button type="button" onClick={() => void copy('embed')}>
          {t('teach.copyEmbed')}
        </button>
        <span role="status">
          {copied === 'link' && t('share.copied')}
          {copied === 'embed' && t('teach.embedCopied')}
        </span>
      </p>
      <label htmlFor={`${id}-embed`}>{t('teach.embedCode')}</label>
      <textarea id={`${id}-embed`} readOnly rows={3} value={embed} translate="no" />
    </details>
  );
}
