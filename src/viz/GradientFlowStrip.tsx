// The backward pass over the whole text as one strip: a node per timestep (the character it read
// below), and an arrow from each step to the one it passes its gradient to, as wide as ‖dL/dh_t‖
// (and, for the LSTM, a second row for the cell-state belt, as wide as ‖dL/dc_t‖). Steps the
// backward pass has done are drawn in colour, those still to come in grey; the current step is
// ringed. Truncated BPTT's chunk borders are dashed lines. Widths and colours ease from one step
// to the next unless reduced motion is asked for. Props only; d3 computes the scales.
import { scaleSqrt } from 'd3-scale';
import { memo, useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSignificant } from '../content/format';
import './charts.css';

export interface GradientFlowStripProps {
  /** What each step read, shown under its node. */
  labels: readonly string[];
  /** ‖dL/dh_t‖ at every step. */
  dh: ArrayLike<number>;
  /** ‖dL/dc_t‖ at every step (LSTM), or null. */
  dc: ArrayLike<number> | null;
  /** The step whose backward pass the strip shows (done steps are coloured from it). */
  current: number;
  /** The step picked (it moves ahead of `current` while the engine answers); keys start here. */
  selected: number;
  /** A backward-direction layer runs its backward pass from t = 1 up (its "next" is t − 1). */
  reverse: boolean;
  /** Truncated BPTT's chunk length K, or 0 for no marks. */
  trunc: number;
  reducedMotion: boolean;
  onSelectStep: (t: number) => void;
  label: string;
  /** The legend's words. */
  words: { hidden: string; belt: string; done: string; toDo: string };
}

const COL = 22;
const LEFT = 64;
const NODE_Y = 34;
const BELT_Y = 70;
const MAX_WIDTH = 9;

export const GradientFlowStrip = memo(function GradientFlowStrip(props: GradientFlowStripProps) {
  const { labels, dh, dc, current, selected, reverse, trunc, reducedMotion, onSelectStep } = props;
  const { label, words } = props;
  const { t: say } = useTranslation();
  const T = labels.length;
  const arrow = `flow-arrow-${useId().replace(/:/g, '')}`;
  const width = useMemo(() => {
    let max = 0;
    for (let t = 0; t < T; t++) max = Math.max(max, dh[t] ?? 0, dc?.[t] ?? 0);
    return scaleSqrt()
      .domain([0, max > 0 ? max : 1])
      .range([0.6, MAX_WIDTH]);
  }, [dh, dc, T]);
  const height = (dc === null ? NODE_Y + 34 : BELT_Y + 22) + 4;
  const x = (t: number) => LEFT + t * COL + COL / 2;
  const fullWidth = LEFT + T * COL + 8;
  // Drawn at its own size (text stays legible on a phone); the scroller keeps the step in view.
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = scroller.current;
    if (element === null || element.clientWidth >= fullWidth) return;
    const centre = LEFT + current * COL + COL / 2;
    const { scrollLeft, clientWidth } = element;
    if (centre < scrollLeft + COL || centre > scrollLeft + clientWidth - COL)
      element.scrollLeft = Math.max(0, centre - clientWidth / 2);
  }, [current, fullWidth]);
  const done = (t: number) => (reverse ? t <= current : t >= current);
  // Where the gradient of step t goes next: t − 1 (forward layer) or t + 1 (backward layer).
  const toward = (t: number) => (reverse ? t + 1 : t - 1);
  const borders: number[] = [];
  if (trunc > 0) for (let b = trunc; b < T; b += trunc) borders.push(b);

  // A slider over the steps: ← → one step, Home and End the first and last.
  const onKey = (event: KeyboardEvent<SVGSVGElement>) => {
    const to: Record<string, number> = {
      ArrowLeft: selected - 1,
      ArrowRight: selected + 1,
      Home: 0,
      End: T - 1,
    };
    const next = to[event.key];
    if (next === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    onSelectStep(Math.max(0, Math.min(T - 1, next)));
  };

  const row = (y: number, norms: ArrayLike<number>, kind: 'h' | 'c') =>
    Array.from({ length: T }, (_, t) => {
      const to = toward(t);
      const n = norms[t] ?? 0;
      const on = done(t);
      return (
        <g key={`${kind}${String(t)}`} className={`flow-step${on ? ' flow-step--done' : ''}`}>
          {to >= 0 && to < T && (
            <line
              className="flow-edge"
              x1={x(t) + (to > t ? 6 : -6)}
              x2={x(to) + (to > t ? -8 : 8)}
              y1={y}
              y2={y}
              strokeWidth={on ? width(n) : 1}
              markerEnd={on ? `url(#${arrow})` : undefined}
            />
          )}
          <circle
            className="flow-node"
            cx={x(t)}
            cy={y}
            r={kind === 'h' ? 6 : 4}
            data-norm={on ? formatSignificant(n) : undefined}
          >
            <title>
              {say('viz.flow.nodeTip', {
                name: kind === 'h' ? words.hidden : words.belt,
                step: String(t + 1),
                value: on ? formatSignificant(n) : words.toDo,
              })}
            </title>
          </circle>
        </g>
      );
    });

  return (
    <div className="flow-strip" ref={scroller}>
      <svg
        className={`flow-strip__svg${reducedMotion ? ' flow-strip--instant' : ''}`}
        viewBox={`0 0 ${String(fullWidth)} ${String(height)}`}
        width={fullWidth}
        height={height}
        role="slider"
        aria-label={label}
        aria-valuemin={1}
        aria-valuemax={T}
        aria-valuenow={selected + 1}
        aria-valuetext={say('viz.flow.valueText', {
          step: String(selected + 1),
          total: String(T),
          char: labels[selected] ?? '',
        })}
        tabIndex={0}
        onKeyDown={onKey}
        data-testid="flow-strip"
      >
        <defs>
          <marker
            id={arrow}
            viewBox="0 0 6 6"
            refX="5"
            refY="3"
            markerUnits="userSpaceOnUse"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0 L6,3 L0,6 z" className="flow-arrowhead" />
          </marker>
        </defs>
        <text className="flow-strip__name" x={4} y={NODE_Y + 4}>
          {words.hidden}
        </text>
        {dc !== null && (
          <text className="flow-strip__name" x={4} y={BELT_Y + 4}>
            {say('viz.flow.belt')}
          </text>
        )}
        <rect
          className="flow-current"
          x={x(current) - COL / 2}
          y={2}
          width={COL}
          height={height - 4}
          rx={4}
        />
        {row(NODE_Y, dh, 'h')}
        {dc !== null && row(BELT_Y, dc, 'c')}
        {labels.map((char, t) => (
          <text
            key={`l${String(t)}`}
            className="flow-strip__char"
            x={x(t)}
            y={(dc === null ? NODE_Y : BELT_Y) + 22}
            textAnchor="middle"
            onClick={() => onSelectStep(t)}
          >
            {char}
          </text>
        ))}
        {borders.map((b) => (
          <line
            key={`k${String(b)}`}
            className="flow-cut"
            data-testid="flow-cut"
            x1={LEFT + b * COL}
            x2={LEFT + b * COL}
            y1={4}
            y2={height - 4}
          />
        ))}
        {Array.from({ length: T }, (_, t) => (
          <rect
            key={`hit${String(t)}`}
            className="flow-hit"
            x={x(t) - COL / 2}
            y={0}
            width={COL}
            height={height}
            onClick={() => onSelectStep(t)}
          />
        ))}
      </svg>
      <p className="flow-strip__legend" aria-hidden="true">
        <span className="flow-key flow-key--done" /> {words.done}{' '}
        <span className="flow-key flow-key--todo" /> {words.toDo}
      </p>
    </div>
  );
});
