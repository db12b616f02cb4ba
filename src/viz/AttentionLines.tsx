// One decoder step of an encoder–decoder with attention: the step as a box at the top (the
// character it read → the one it writes), the input characters as boxes along the bottom, and a
// line from the step to each input as wide and as opaque as the weight α_{t,s} it gives that
// input (its score e_{t,s} before the softmax under the box). Hovering or focusing an input box
// names it to the caller, who links it to the equations. Props only; d3 computes the scales.
import { scaleLinear } from 'd3-scale';
import { useTranslation } from 'react-i18next';
import { formatAlpha, showChar } from './AttentionMatrix';
import { useChartWidth } from './useChartWidth';
import './attention.css';

export interface AttentionLinesProps {
  input: readonly string[];
  /** α over the input for the one decoder step shown (length S). */
  alpha: ArrayLike<number>;
  /** The scores e_{t,s} before the softmax (length S), or null (no-attention model). */
  scores: ArrayLike<number> | null;
  /** The character the decoder step writes, and the one it read (previous output, or '⟨start⟩'). */
  written: string;
  read: string;
  /** The input position hovered/linked (for linking to the equations), and its setter. */
  hovered: number | null;
  onHover?: (s: number | null) => void;
  label: string;
}

/** Widest and narrowest input box, and the room a box needs for its α written above it. */
const MAX_BOX = 36;
const MIN_BOX = 12;
const MARGIN = 4;
const ROOM_FOR_VALUES = 26;
/** Vertical layout: the step's box, the line's ends, the input boxes, the scores under them. */
const STEP_Y = 6;
const STEP_H = 26;
const BOX_Y = 104;
const BOX_H = 24;
const HEIGHT = BOX_Y + BOX_H + 18;

/** Line width and opacity for α: α = 1 about 8 px and opaque, α ≈ 0 faint but still drawn. */
export const lineWidth = scaleLinear().domain([0, 1]).range([0.4, 8]).clamp(true);
export const lineOpacity = scaleLinear().domain([0, 1]).range([0.15, 1]).clamp(true);

export interface LinesLayout {
  /** The viewBox's width: the container's, or more when S boxes of MIN_BOX do not fit. */
  width: number;
  /** Each input's slot (box and gap) and box width. */
  slot: number;
  box: number;
  /** The centre of input s's box. */
  x: (s: number) => number;
  /** Whether every box has room for its α and e (otherwise only the hovered and the largest). */
  values: boolean;
}

/** Where S input boxes go in a container `width` pixels wide. */
export function linesLayout(S: number, width: number): LinesLayout {
  const n = Math.max(1, S);
  const room = (width - 2 * MARGIN) / n;
  // Boxes 2 px apart, 1 px when tight: "Tuesday, 27 November 2026" (25) still fits 343 px.
  const gap = room >= 20 ? 2 : 1;
  const box = Math.max(MIN_BOX, Math.min(MAX_BOX, room - gap));
  const slot = box + gap;
  const viewWidth = Math.max(width, n * slot + 2 * MARGIN);
  const left = (viewWidth - n * slot) / 2;
  return {
    width: viewWidth,
    slot,
    box,
    x: (s) => left + s * slot + slot / 2,
    values: slot >= ROOM_FOR_VALUES,
  };
}

export function AttentionLines(props: AttentionLinesProps) {
  const { input, alpha, scores, written, read, hovered, onHover, label } = props;
  const { t } = useTranslation();
  /** What a screen reader hears for an input (a space is named, not drawn). */
  const spoken = (c: string) => (c === ' ' ? t('viz.attention.space') : c);
  const S = input.length;
  const [wrapper, width] = useChartWidth<HTMLDivElement>(640);
  const layout = linesLayout(S, width);
  const { box, x } = layout;
  const centre = layout.width / 2;
  const stepText = `${showChar(read)} → ${showChar(written)}`;
  const stepWidth = Math.max(72, stepText.length * 9 + 20);
  let top = 0;
  for (let s = 1; s < S; s++) if ((alpha[s] ?? 0) > (alpha[top] ?? 0)) top = s;
  const charSize = Math.min(14, Math.max(9, box * 0.6));

  return (
    <div className="att-lines" ref={wrapper}>
      <svg
        className="att-lines__svg"
        viewBox={`0 0 ${layout.width} ${HEIGHT}`}
        width="100%"
        role="group"
        aria-label={label}
      >
        <g aria-hidden="true">
          {Array.from({ length: S }, (_, s) => {
            const a = alpha[s] ?? 0;
            return (
              <line
                key={s}
                className={`att-line${s === hovered ? ' att-line--hovered' : ''}`}
                data-testid="att-line"
                x1={centre}
                y1={STEP_Y + STEP_H}
                x2={x(s)}
                y2={BOX_Y - (layout.values || s === hovered || s === top ? 14 : 2)}
                strokeWidth={lineWidth(a)}
                strokeOpacity={lineOpacity(a)}
              />
            );
          })}
          <rect
            className="att-step"
            x={centre - stepWidth / 2}
            y={STEP_Y}
            width={stepWidth}
            height={STEP_H}
            rx={4}
          />
          <text
            className="att-step__text"
            x={centre}
            y={STEP_Y + STEP_H / 2}
            textAnchor="middle"
            dominantBaseline="central"
          >
            {stepText}
          </text>
        </g>
        <g role="list">
          {input.map((c, s) => {
            const a = alpha[s] ?? 0;
            const e = scores?.[s];
            const where = { char: spoken(c), position: String(s + 1), alpha: formatAlpha(a) };
            const name =
              e === undefined
                ? t('viz.attention.input', where)
                : t('viz.attention.inputScore', { ...where, score: formatAlpha(e) });
            const labelled = layout.values || s === hovered || s === top;
            return (
              <g
                key={s}
                role="listitem"
                tabIndex={0}
                aria-label={name}
                className={`att-box${s === hovered ? ' att-box--hovered' : ''}`}
                onMouseEnter={() => onHover?.(s)}
                onMouseLeave={() => onHover?.(null)}
                onFocus={() => onHover?.(s)}
                onBlur={() => onHover?.(null)}
              >
                <rect x={x(s) - box / 2} y={BOX_Y} width={box} height={BOX_H} rx={3} />
                <text
                  className="att-box__char"
                  x={x(s)}
                  y={BOX_Y + BOX_H / 2}
                  textAnchor="middle"
                  dominantBaseline="central"
                  style={{ fontSize: charSize }}
                  aria-hidden="true"
                >
                  {showChar(c)}
                </text>
                {labelled && (
                  <text
                    className="att-box__alpha"
                    data-testid="att-alpha"
                    x={x(s)}
                    y={BOX_Y - 4}
                    textAnchor="middle"
                    aria-hidden="true"
                  >
                    {formatAlpha(a)}
                  </text>
                )}
                {labelled && e !== undefined && (
                  <text
                    className="att-box__score"
                    data-testid="att-score"
                    x={x(s)}
                    y={BOX_Y + BOX_H + 12}
                    textAnchor="middle"
                    aria-hidden="true"
                  >
                    {formatAlpha(e)}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      </svg>
    </div>
  );
}
