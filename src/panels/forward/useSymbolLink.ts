// Links equation terms and diagram elements: hovering (or focusing) an element marked with a
// trace name — `data-sym="f"` in the charts, `\htmlClass{sym-f}{…}` in the equations — sets
// `data-hover="f"` on the view's root, and forward.css highlights every element of that name.
// Only an attribute changes: nothing re-renders.
import { useEffect, type RefObject } from 'react';

const CLASS_KEY = /(?:^|\s)sym-([A-Za-z0-9_]+)/;

/** The trace name an element (or its nearest marked ancestor inside `root`) stands for. */
export function symbolOf(target: EventTarget | null, root: Element): string | null {
  let element = target instanceof Element ? target : null;
  while (element !== null && element !== root) {
    const data = element.getAttribute('data-sym');
    if (data !== null && data !== '') return data;
    const match = CLASS_KEY.exec(element.getAttribute('class') ?? '');
    if (match?.[1] !== undefined) return match[1];
    element = element.parentElement;
  }
  return null;
}

export function useSymbolLink(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = root.current;
    if (element === null) return;
    const show = (event: Event) => {
      const key = symbolOf(event.target, element);
      if (key === null) delete element.dataset['hover'];
      else element.dataset['hover'] = key;
    };
    const hide = (event: Event) => {
      const next = (event as MouseEvent | FocusEvent).relatedTarget;
      if (symbolOf(next, element) === null) delete element.dataset['hover'];
    };
    element.addEventListener('mouseover', show);
    element.addEventListener('mouseout', hide);
    element.addEventListener('focusin', show);
    element.addEventListener('focusout', hide);
    return () => {
      element.removeEventListener('mouseover', show);
      element.removeEventListener('mouseout', hide);
      element.removeEventListener('focusin', show);
      element.removeEventListener('focusout', hide);
    };
  }, [root]);
}
