import { useAppStore } from '../store/store';
import { selectView } from '../store/selectors';
import { VIEWS, type View } from '../store/views';
import { hrefFor } from '../store/url';
import { VIEW_TEXT } from '../content/views';

/** The main navigation: one link per view; the current one is marked for assistive tech. */
export function Nav() {
  const view = useAppStore(selectView);
  return (
    <nav className="site-nav" aria-label="Main">
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
  return (
    <a href={href} aria-current={current ? 'page' : undefined}>
      {VIEW_TEXT[id].label}
    </a>
  );
}
