// The words of a value's tooltip in the Forward pass charts (heat strips, the cell-state belt):
// which quantity, which hidden unit, its value, and whether the colour scale clipped it. Plain
// text, so the same string serves the tooltip and the screen reader's value text. `lang` is the
// interface's language (default: the one in effect).
import { formatValue } from '../content/format';
import { splitSymbol } from './Sym';
import { clipSide, domainOf, type ValueScale } from './valueScale';
import { vizSay } from './words';

/** "c_{t−1}" → "c(t−1)", "f_t" → "f_t": a symbol as plain text. */
export function plainSymbol(symbol: string): string {
  const { base, sub } = splitSymbol(symbol);
  if (sub === null) return base;
  return sub.length > 1 ? `${base}(${sub})` : `${base}_${sub}`;
}

/** E.g. "forget gate f_t: 0.734", with a note when the colour scale clips the value. */
export function valueText(
  label: string,
  symbol: string,
  value: number | undefined,
  scale: ValueScale,
  lang?: string,
): string {
  const say = vizSay(lang);
  const name = [label, symbol === '' ? '' : plainSymbol(symbol)].filter((w) => w !== '').join(' ');
  const base = say('viz.value.named', { name, value: formatValue(value) });
  const side = value === undefined ? 0 : clipSide(scale, value);
  if (side === 0) return base;
  const [lo, hi] = domainOf(scale);
  return say('viz.value.beyond', { text: base, edge: formatValue(side < 0 ? lo : hi) });
}

/** E.g. "unit 3, forget gate f_t: 0.734": a value's tooltip. */
export function valueTip(
  label: string,
  symbol: string,
  unit: number,
  value: number | undefined,
  scale: ValueScale,
  lang?: string,
): string {
  return vizSay(lang)('viz.value.tip', {
    unit: String(unit),
    text: valueText(label, symbol, value, scale, lang),
  });
}
