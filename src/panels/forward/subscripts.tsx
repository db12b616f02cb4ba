// Lesson text with subscripts written as in TeX (x_t, h←_{t+1}) shown with <sub> elements.
import { Fragment, type ReactNode } from 'react';

const SUBSCRIPT = /_\{([^}]*)\}|_([A-Za-z0-9])/g;

export function withSubscripts(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(SUBSCRIPT)) {
    out.push(text.slice(last, match.index));
    out.push(<sub key={match.index}>{match[1] ?? match[2]}</sub>);
    last = match.index + match[0].length;
  }
  out.push(text.slice(last));
  return out.map((part, k) =>
    typeof part === 'string' ? <Fragment key={`s${String(k)}`}>{part}</Fragment> : part,
  );
}
