// A problem a learner can act on (a bad file, a text too short, a setting out of range), as a code
// and the values it names, so that the page can say it in the learner's language. The English
// words are the engine's own (problems/), the same ones the command line prints and the page's
// English messages use; other languages translate each code with the same {{placeholders}}.
import { PROBLEMS, type ProblemTable } from './problems/index.ts';

/** A problem's code: `area.name`, a key of the English table. */
export type ProblemCode = {
  [A in keyof ProblemTable]: `${A & string}.${keyof ProblemTable[A] & string}`;
}[keyof ProblemTable];

/** A value a problem names: text, a number, or the problem behind it. */
export type ProblemValue = string | number | ProblemInfo;

/** A problem as data: what crosses from the worker to the page. */
export interface ProblemInfo {
  readonly code: ProblemCode;
  readonly vars: { readonly [name: string]: ProblemValue };
}

/** An error that carries a problem's code and values; its message is the English text. */
export class Problem extends Error implements ProblemInfo {
  readonly code: ProblemCode;
  readonly vars: { readonly [name: string]: ProblemValue };
  constructor(code: ProblemCode, vars: { readonly [name: string]: ProblemValue } = {}) {
    const info = { code, vars };
    super(problemText(info));
    this.name = new.target.name;
    this.code = code;
    this.vars = vars;
  }
}

/** The English template of a code (undefined for a code not in the table). */
export function problemTemplate(code: string): string | undefined {
  const dot = code.indexOf('.');
  if (dot < 0) return undefined;
  const area = (PROBLEMS as Record<string, Record<string, string> | undefined>)[code.slice(0, dot)];
  const text = area?.[code.slice(dot + 1)];
  return Object.hasOwn(area ?? {}, code.slice(dot + 1)) ? text : undefined;
}

/**
 * A problem's words: `template(code)` (English unless given) with each `{{name}}` replaced by its
 * value; a problem named as a value is written by the same rule, first.
 */
export function problemText(
  p: ProblemInfo,
  template: (code: ProblemCode) => string = (code) => problemTemplate(code) ?? code,
): string {
  return template(p.code).replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    if (!Object.hasOwn(p.vars, name)) return whole;
    const v = p.vars[name]!;
    return typeof v === 'object' ? problemText(v, template) : String(v);
  });
}

/**
 * The problem an error carries, if it is one, as plain data: a problem named as a value becomes
 * data too, since an Error crossing to the page keeps only its name and message.
 */
export function problemOf(error: unknown): ProblemInfo | null {
  return error instanceof Problem ? plain(error) : null;
}

function plain(p: ProblemInfo): ProblemInfo {
  const vars: Record<string, ProblemValue> = {};
  for (const [name, v] of Object.entries(p.vars)) vars[name] = typeof v === 'object' ? plain(v) : v;
  return { code: p.code, vars };
}

/** Whether `v` is a problem as data with a known code (checked before a message is trusted). */
export function isProblemInfo(v: unknown, depth = 0): v is ProblemInfo {
  if (depth > 4 || typeof v !== 'object' || v === null) return false;
  const { code, vars } = v as { code?: unknown; vars?: unknown };
  if (typeof code !== 'string' || problemTemplate(code) === undefined) return false;
  if (typeof vars !== 'object' || vars === null || Array.isArray(vars)) return false;
  return Object.values(vars).every(
    (x) => typeof x === 'string' || typeof x === 'number' || isProblemInfo(x, depth + 1),
  );
}

/** A whole number with its thousands grouped ("1,234,567"), as problems write counts. */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
