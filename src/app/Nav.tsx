import { useAppStore } from '../store/store';
import { selectConfig, selectView } from '../store/selectors';
import { VIEWS } from '../store/ui';
import { hrefFor } from '../store/url';
import { VIEW_TEXT } from '../content/views';

/** The main navigation: one link per view; the current one is marked for assistive tech. */
export function Nav() {
  const view = useAppStore(selectView);
  const config = useAppStore(selectConfig);
  return (
    <nav className="site-nav" aria-label="Main">
      <ul>
        {VIEWS.map((id) => (
          <li key={id}>
            <a href={hrefFor(id, config)} aria-current={id === view ? 'page' : undefined}>
              {VIEW_TEXT[id].label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
