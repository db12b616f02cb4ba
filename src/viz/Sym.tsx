// A math symbol with a subscript in HTML or SVG text, from a TeX-like string: "f_t" → f with
// subscript t, "c_{t−1}" → c with subscript t−1. Only for short labels; equations use KaTeX.
export function splitSymbol(symbol: string): { base: string; sub: string | null } {
  const k = symbol.indexOf('_');
  if (k < 0) return { base: symbol, sub: null };
  return { base: symbol.slice(0, k), sub: symbol.slice(k + 1).replace(/^\{(.*)\}$/, '$1') };
}

/** In HTML. */
export function Sym({ symbol }: { symbol: string }) {
  const { base, sub } = splitSymbol(symbol);
  return (
    <span className="sym">
      <i>{base}</i>
      {sub !== null && <sub>{sub}</sub>}
    </span>
  );
}

/** Inside an SVG <text>. */
export function SvgSym({ symbol }: { symbol: string }) {
  const { base, sub } = splitSymbol(symbol);
  return (
    <>
      <tspan fontStyle="italic">{base}</tspan>
      {sub !== null && (
        <tspan dy="0.3em" fontSize="0.75em">
          {sub}
        </tspan>
      )}
    </>
  );
}
