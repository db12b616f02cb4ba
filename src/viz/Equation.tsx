// A typeset equation. KaTeX is loaded lazily (see katex.ts); until it arrives, and if it never
// does, the TeX source is shown instead.
import { memo, Suspense, use, useMemo } from 'react';
import type { KatexOptions } from 'katex';
import { loadKatex, type RenderToString } from './katex';

export interface EquationProps {
  /** TeX source. Only our own strings: it is rendered as HTML. */
  tex: string;
  /** Display (block, centred) rather than inline. */
  display?: boolean;
}

const OPTIONS: KatexOptions = {
  throwOnError: false,
  // Strict LaTeX, except for the HTML extension: 'error' alone rejects \htmlClass too.
  strict: (errorCode) => (errorCode === 'htmlExtension' ? 'ignore' : 'error'),
  output: 'htmlAndMathml',
  // \htmlClass lets a view highlight a term of the equation; nothing else is trusted.
  trust: (context) => context.command === '\\htmlClass',
};

export const Equation = memo(function Equation({ tex, display = false }: EquationProps) {
  return (
    <Suspense fallback={<TexSource tex={tex} display={display} />}>
      <Typeset tex={tex} display={display} />
    </Suspense>
  );
});

function Typeset({ tex, display }: Required<EquationProps>) {
  // Always the same promise: `use` suspends while it loads and unwraps it at once afterwards.
  const render = use(loadKatex());
  const html = useMemo(() => typeset(render, tex, display), [render, tex, display]);
  if (html === null) return <TexSource tex={tex} display={display} />;
  const Tag = display ? 'div' : 'span';
  // Safe: `tex` is one of our own strings, never user input, and KaTeX escapes its output.
  return (
    <Tag
      className={display ? 'equation equation--display' : 'equation'}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

function typeset(render: RenderToString | null, tex: string, display: boolean): string | null {
  if (render === null) return null;
  try {
    return render(tex, { ...OPTIONS, displayMode: display });
  } catch (error) {
    console.error('KaTeX could not typeset', tex, error);
    return null;
  }
}

/** The raw TeX, shown while KaTeX loads or if it fails. */
function TexSource({ tex, display }: Required<EquationProps>) {
  const Tag = display ? 'div' : 'span';
  return (
    <Tag
      className={
        display ? 'equation equation--display equation--source' : 'equation equation--source'
      }
    >
      <code>{tex}</code>
    </Tag>
  );
}
