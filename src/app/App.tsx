// The shell: skip link, header with navigation and theme toggle, the current view in <main>,
// and a footer with the engine status. Each view's panel loads as its own chunk.
import { Suspense, useEffect, useLayoutEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { selectLocale, selectView } from '../store/selectors';
import { shareLink } from '../store/shareActions';
import { useAppStore } from '../store/store';
import { ErrorBoundary } from './ErrorBoundary';
import { i18n } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { Nav } from './Nav';
import { NoticeBar } from './NoticeBar';
import { CopyLink } from './CopyLink';
import { LessonOffer } from './LessonOffer';
import { ChapterCard, LessonLinks, PANELS } from './panels';
import { StatusLine } from './StatusLine';
import { TeacherTools } from './TeacherTools';
import { ThemeToggle } from './ThemeToggle';

export function App() {
  const view = useAppStore(selectView);
  const locale = useAppStore(selectLocale);
  const chapter = useAppStore((s) => s.lesson.chapter);
  const embed = useAppStore((s) => s.teach.embed);
  const hidden = useAppStore((s) => s.teach.hide);
  const { t } = useTranslation();
  // The words follow the language in effect before the page paints.
  useLayoutEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [locale]);
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(view);

  // After a navigation, move focus to the new page's heading so keyboard and screen-reader
  // users start reading there (not on the first load).
  useEffect(() => {
    if (shown.current === view) return;
    shown.current = view;
    heading.current?.focus();
  }, [view]);

  const Panel = PANELS[view];
  const main = (
    <main id="main" className={embed ? 'site-main site-main--embed' : 'site-main'} tabIndex={-1}>
      <NoticeBar />
      {embed && <FullAppLink />}
      {!embed && <LessonOffer />}
      <h1 ref={heading} tabIndex={-1}>
        {t(`views.${view}.heading`)}
      </h1>
      <ErrorBoundary key={view}>
        {/* The chapter loads apart from the view, so neither waits for the other. */}
        <Suspense fallback={null}>
          {chapter !== null ? (
            <ChapterCard id={chapter} />
          ) : (
            view !== 'lesson' && view !== 'about' && !embed && <LessonLinks view={view} />
          )}
        </Suspense>
        <Suspense fallback={<p className="loading">{t('shell.loading')}</p>}>
          <Panel />
        </Suspense>
      </ErrorBoundary>
      {!embed && view !== 'lesson' && view !== 'about' && <TeacherTools key={`teach-${view}`} />}
      {hidden.length > 0 && <HiddenControls names={hidden} />}
    </main>
  );
  // Embedded in a course page or a slide: the view alone, with a link to the full app.
  if (embed) return main;
  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {t('shell.skip')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <p className="brand">
            <BrandMark />
            {t('shell.brand')}
          </p>
          <Nav />
          <LanguageSwitch />
          <CopyLink />
          <ThemeToggle />
        </div>
      </header>
      {main}
      <footer className="site-footer">
        <div className="site-footer__inner">
          <StatusLine />
          <p className="footer-note">{t('shell.footer')}</p>
        </div>
      </footer>
    </>
  );
}

/** The style that hides a teacher's chosen controls (names are checked: letters, digits, -). */
function HiddenControls({ names }: { names: readonly string[] }) {
  const rules = names
    .filter((n) => /^[a-z][a-z0-9-]*$/.test(n))
    .map((n) => `[data-control="${n}"]`);
  return <style>{`${rules.join(',')} { display: none !important; }`}</style>;
}

/** In an embedded view: the same page in the full app, in a new tab. */
function FullAppLink() {
  const { t } = useTranslation();
  // The href is read when the link is used, so it has the view's latest settings.
  return (
    <p className="full-app-link">
      <a
        href={shareLink({ embed: false })}
        target="_blank"
        rel="noopener"
        title={t('share.openHelp')}
        onFocus={(e) => (e.currentTarget.href = shareLink({ embed: false }))}
        onMouseEnter={(e) => (e.currentTarget.href = shareLink({ embed: false }))}
      >
        {t('share.open')} ↗
      </a>
    </p>
  );
}

/** The skip link focuses <main> itself: following `#main` would be read as a route. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

function BrandMark() {
  return (
    <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
      <rect x="2" y="10" width="8" height="12" rx="2" fill="var(--accent)" />
      <rect x="12" y="10" width="8" height="12" rx="2" fill="var(--accent)" opacity="0.75" />
      <rect x="22" y="10" width="8" height="12" rx="2" fill="var(--accent)" opacity="0.5" />
      <path d="M10 16h2M20 16h2" stroke="var(--text)" strokeWidth="2" />
    </svg>
  );
}
