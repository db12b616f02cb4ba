// The attention weights α of an encoder–decoder as a T × S canvas: a row per output character
// written, a column per input character, each cell shaded from the page's background (α = 0) to
// the accent colour (α = 1) on a fixed domain, so frames taken while training compare. The picked
// row is outlined; ↑ ↓ Home End pick another; the pointer reads a cell. Props only.
import { interpolateLab } from 'd3-interpolate';
import { scaleSequential } from 'd3-scale';
import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../content/format';
import { ShowData } from './ShowData';
import { context2d } from './useStripCanvas';
import { useChartWidth } from './useChartWidth';
import './attention.css';

export interface AttentionMatrixProps {
  /** The input characters, one per column (S of them). */
  input: readonly string[];
  /** The output characters written, one per row (T of them; the last may be the end mark). */
  output: readonly string[];
  /** α, row-major T × S, each row sums to 1. */
  alpha: Float64Array;
  /** The selected output row (decoder step), or null. */
  selected: number | null;
  /** Called when the learner picks a row (click on the row, or keys). */
  onSelect?: (row: number) => void;
  /** Accessible name, e.g. "Attention of each output character over the input". */
  label: string;
}

/** Largest and smallest cell, and the width of the row labels, in CSS pixels. */
const MAX_CELL = 22;
const MIN_CELL = 8;
const LABEL = 28;
/** The theme's colours when the page defines none (jsdom, an export): theme.css's light ones. */
const LIGHT = { bg: '#ffffff', strong: '#1d4fb8', grid: '#e3e6ec' };

/** A character as the charts show it: a space as '␣'. */
export function showChar(c: string): string {
  return c === ' ' ? '␣' : c;
}

/** α (and e) to two decimals, as the attention charts write them; a zero has no sign. */
export function formatAlpha(v: number): string {
  const s = formatCount(v, 2);
  return s === '-0.00' ? '0.00' : s;
}

/** The side of a cell that fits S columns and the row labels into a container `width` wide. */
export function cellSize(S: number, width: number): number {
  const fit = Math.floor((width - LABEL - 4) / Math.max(1, S));
  return Math.max(MIN_CELL, Math.min(MAX_CELL, fit));
}

export interface MatrixLayout {
  rows: number;
  cols: number;
  /** The drawn size in CSS pixels (CSS may shrink the canvas below rows·cell). */
  width: number;
  height: number;
}

/** The cell under a point (CSS pixels from the canvas's top left), or null outside. */
export function cellAt(
  x: number,
  y: number,
  layout: MatrixLayout,
): { row: number; col: number } | null {
  if (layout.width <= 0 || layout.height <= 0) return null;
  const col = Math.floor((x / layout.width) * layout.cols);
  const row = Math.floor((y / layout.height) * layout.rows);
  if (col < 0 || col >= layout.cols || row < 0 || row >= layout.rows) return null;
  return { row, col };
}

/** The colour ramp from the page's background (α = 0) to a strong colour (α = 1), clamped. */
export function attentionRamp(bg: string, strong: string): (a: number) => string {
  return scaleSequential(interpolateLab(bg, strong)).domain([0, 1]).clamp(true);
}

/** A number that changes when the page's theme does (`<html data-theme>` or its style). */
function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (typeof MutationObserver === 'undefined') return;
    const observer = new MutationObserver(() => setVersion((v) => v + 1));
    observer.observe(document.documentElement, { attributeFilter: ['data-theme', 'style'] });
    return () => observer.disconnect();
  }, []);
  return version;
}

export function AttentionMatrix(props: AttentionMatrixProps) {
  const { input, output, alpha, selected, onSelect, label } = props;
  const { t } = useTranslation();
  const S = input.length;
  const T = output.length;
  const [wrapper, width] = useChartWidth<HTMLDivElement>(640);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ row: number; col: number } | null>(null);
  const theme = useThemeVersion();
  const cell = cellSize(S, width);
  const w = S * cell;
  const h = T * cell;
  const dpr = typeof window === 'undefined' ? 1 : Math.max(1, Math.round(window.devicePixelRatio));

  useEffect(() => {
    const element = canvas.current;
    const ctx = context2d(element);
    if (element === null || ctx === null) return;
    // The theme's own colours, read where the canvas sits, so the dark theme gets its ramp.
    const style = getComputedStyle(element);
    const css = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const ramp = attentionRamp(css('--bg', LIGHT.bg), css('--accent', LIGHT.strong));
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = css('--hover', LIGHT.grid);
    ctx.fillRect(0, 0, w, h);
    const gap = cell >= 12 ? 1 : 0;
    for (let t = 0; t < T; t++) {
      for (let s = 0; s < S; s++) {
        ctx.fillStyle = ramp(alpha[t * S + s] ?? 0);
        ctx.fillRect(s * cell + gap / 2, t * cell + gap / 2, cell - gap, cell - gap);
      }
    }
  }, [alpha, S, T, cell, w, h, dpr, theme]);

  const pick = (row: number) => {
    if (T > 0) onSelect?.(Math.max(0, Math.min(T - 1, row)));
  };
  // ↑ ↓ one row, Home and End the first and last; with none picked, ↑ and ↓ start at the top.
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = selected ?? -1;
    const to: Record<string, number> = {
      ArrowUp: selected === null ? 0 : at - 1,
      ArrowDown: at + 1,
      Home: 0,
      End: T - 1,
    };
    const next = to[event.key];
    if (next === undefined) return;
    event.preventDefault();
    pick(next);
  };
  const hit = (event: MouseEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const layout = { rows: T, cols: S, width: rect.width || w, height: rect.height || h };
    return cellAt(event.clientX - rect.left, event.clientY - rect.top, layout);
  };

  const tip = hover && hover.row < T && hover.col < S ? hover : null;
  const valueText =
    selected === null
      ? t('viz.attention.noStep')
      : t('viz.attention.step', {
          step: String(selected + 1),
          total: String(T),
          char: showChar(output[selected] ?? ''),
        });
  const rows = () =>
    output.map((o, k) => [
      t('viz.attention.row', { char: showChar(o), step: String(k + 1) }),
      ...Array.from(alpha.subarray(k * S, (k + 1) * S)),
    ]);
  return (
    <div className="att-matrix" ref={wrapper}>
      <div className="att-matrix__grid" style={{ gridTemplateColumns: `${LABEL}px ${w}px` }}>
        <span />
        <div className="att-matrix__cols" aria-hidden="true" data-testid="att-cols">
          {input.map((c, s) => (
            <span key={s} style={{ width: cell, fontSize: Math.min(13, Math.max(9, cell * 0.6)) }}>
              {showChar(c)}
            </span>
          ))}
        </div>
        <div className="att-matrix__rows" aria-hidden="true" data-testid="att-rows">
          {output.map((c, t) => (
            <span
              key={t}
              className={t === selected ? 'att-matrix__row--selected' : undefined}
              style={{ height: cell, fontSize: Math.min(13, Math.max(9, cell * 0.6)) }}
              onClick={() => pick(t)}
            >
              {showChar(c)}
            </span>
          ))}
        </div>
        <div
          className="att-matrix__plot"
          role="slider"
          tabIndex={0}
          aria-label={t('viz.attention.slider', { label })}
          aria-valuemin={1}
          aria-valuemax={T}
          aria-valuenow={selected === null ? undefined : selected + 1}
          aria-valuetext={valueText}
          onKeyDown={onKey}
          style={{ width: w, height: h }}
        >
          <canvas
            ref={canvas}
            width={w * dpr}
            height={h * dpr}
            style={{ width: w, height: h }}
            aria-hidden="true"
            onMouseMove={(e) => setHover(hit(e))}
            onMouseLeave={() => setHover(null)}
            onClick={(e) => {
              const c = hit(e);
              if (c) pick(c.row);
            }}
          />
          {selected !== null && selected < T && (
            <div
              className="att-matrix__selected"
              data-testid="att-selected"
              style={{ top: selected * cell, height: cell, width: w }}
            />
          )}
          {tip && (
            <div
              className="att-tip"
              role="tooltip"
              style={{
                top: (tip.row + 1) * cell + 2,
                ...(tip.col < S / 2
                  ? { left: tip.col * cell }
                  : { right: (S - 1 - tip.col) * cell }),
              }}
            >
              {t('viz.attention.tip', {
                output: showChar(output[tip.row]!),
                step: String(tip.row + 1),
                input: showChar(input[tip.col]!),
                position: String(tip.col + 1),
                alpha: formatAlpha(alpha[tip.row * S + tip.col] ?? 0),
              })}
            </div>
          )}
        </div>
      </div>
      <p className="att-legend" aria-hidden="true">
        α <span>0</span>
        <span className="att-legend__ramp" />
        <span>1</span>
      </p>
      <ShowData
        caption={label}
        columns={[t('viz.attention.output'), ...input.map((c, s) => `${showChar(c)} (${s + 1})`)]}
        rows={rows}
        format={formatAlpha}
        {...(selected === null ? {} : { currentRow: selected })}
      />
    </div>
  );
}
