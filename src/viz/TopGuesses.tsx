// The model's guesses for the next character: the k most probable characters of p_t as bars on
// a 0–100 % axis, the character that actually came next marked (and added below the top k when
// it is not among them). Props only; React renders the SVG, d3 computes the scale.
import { scaleLinear } from 'd3-scale';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { nameChar, showChar } from '../content/forward';
import { formatPercent } from '../content/format';
import { useChartWidth } from './useChartWidth';
import './topGuesses.css';

export interface GuessBar {
  readonly char: string;
  readonly p: number;
}

export interface TopGuessesProps {
  /** Most probable first. */
  guesses: readonly GuessBar[];
  /** The character that came next, with its probability and rank (null: not scored). */
  target: { char: string; p: number | null; rank: number | null } | null;
  /** 'tag': the bars are a tagger's classes and the target is the true tag (default 'next'). */
  kind?: 'next' | 'tag';
}

const ROW = 24;
const MIN_LABEL = 40;
/** Width of a character of a label (12 px monospace), for labels longer than one character. */
const LABEL_CHAR = 7.5;
const PERCENT = 60;
const MARK = 64;

export const TopGuesses = memo(function TopGuesses({
  guesses,
  target,
  kind = 'next',
}: TopGuessesProps) {
  const { t, i18n } = useTranslation();
  const percent = (p: number) => formatPercent(p, i18n.language);
  const [ref, width] = useChartWidth<HTMLDivElement>(360);
  const longest = Math.max(1, ...guesses.map((g) => Array.from(showChar(g.char)).length));
  const LABEL = Math.max(MIN_LABEL, longest * LABEL_CHAR + 14);
  const inTop = target !== null && guesses.some((g) => g.char === target.char);
  const extra = target !== null && !inTop && target.p !== null && target.rank !== null;
  const rows: (GuessBar & { rank: number; gap: boolean })[] = guesses.map((g, k) => ({
    ...g,
    rank: k + 1,
    gap: false,
  }));
  if (extra) rows.push({ char: target.char, p: target.p ?? 0, rank: target.rank ?? 0, gap: true });
  const barMax = Math.max(40, width - LABEL - PERCENT - MARK);
  const x = scaleLinear().domain([0, 1]).range([0, barMax]).clamp(true);
  const height = rows.length * ROW + (extra ? ROW / 2 : 0) + 4;
  const y = (k: number, gap: boolean) => k * ROW + (gap ? ROW / 2 : 0) + 2;

  const tag = kind === 'tag';
  const list = guesses
    .map((g) => t('viz.guesses.item', { char: nameChar(g.char), p: percent(g.p) }))
    .join(t('viz.guesses.listJoin'));
  const summary =
    (tag
      ? t('viz.guesses.summaryTags', { list })
      : t('viz.guesses.summaryNext', { n: String(guesses.length), list })) +
    (target === null
      ? ''
      : target.p === null
        ? t('viz.guesses.notInVocab', { char: nameChar(target.char) })
        : t(tag ? 'viz.guesses.targetTag' : 'viz.guesses.targetNext', {
            char: nameChar(target.char),
            p: percent(target.p),
            rank: String(target.rank),
          }));

  return (
    <div ref={ref} className="top-guesses">
      <svg
        className="top-guesses__chart"
        width={width}
        height={height}
        viewBox={`0 0 ${String(width)} ${String(height)}`}
        role="img"
        aria-label={summary}
        data-sym="p"
      >
        <line
          className="top-guesses__axis"
          x1={LABEL}
          x2={LABEL}
          y1={0}
          y2={height}
          aria-hidden="true"
        />
        {rows.map((row, k) => {
          const isTarget = target !== null && row.char === target.char;
          const top = y(k, row.gap);
          return (
            <g
              key={row.gap ? 'target' : k}
              className={`top-guesses__row${isTarget ? ' is-target' : ''}`}
              transform={`translate(0 ${String(top)})`}
            >
              <text className="top-guesses__char" x={LABEL - 8} y={ROW / 2} dy="0.35em">
                {showChar(row.char)}
              </text>
              <rect
                className="top-guesses__bar"
                x={LABEL}
                y={4}
                height={ROW - 8}
                style={{ width: `${String(Math.max(1, x(row.p)))}px` }}
              />
              <text className="top-guesses__p" x={LABEL + x(row.p) + 6} y={ROW / 2} dy="0.35em">
                {percent(row.p)}
              </text>
              {isTarget && (
                <text
                  className="top-guesses__mark"
                  x={width - 2}
                  y={ROW / 2}
                  dy="0.35em"
                  textAnchor="end"
                >
                  {row.gap
                    ? t('viz.guesses.markExtra', { rank: String(row.rank) })
                    : t(tag ? 'viz.guesses.markTrue' : 'viz.guesses.markNext')}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
});
