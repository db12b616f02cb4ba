import { useAppStore } from '../store/store';
import { selectView } from '../store/selectors';
import { VIEWS, type View } from '../store/views';
import { hrefFor } from '../store/url';
import { useTranslation } from 'react-i18next';

/** The main navigation: one link per view; the current one is marked for assistive tech. */
export function Nav() {
  const view = useAppStore(selectView);
  const { t } = useTranslation();
  return (
    <nav className="site-nav" aria-label={t('shell.mainNav')}>
      <ul>
        {VIEWS.map((id) => (
          <li key={id}>
            <NavLink id={id} current={id === view} />
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** One link; its href carries the view's current settings (a string, so re-renders are rare). */
function NavLink({ id, current }: { id: View; current: boolean }) {
  const href = useAppStore((state) => hrefFor(id, state));
  const { t } = useTranslation();
  return (
    <a href={href} aria-current={current ? 'page' : undefined}>
      {t(`views.${id}.label`)}
    </a>
  );
}
