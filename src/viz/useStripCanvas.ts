// Draws a vector into a canvas of one pixel per value (stretched by CSS with crisp edges), and
// animates from the values shown to new ones with d3-interpolate on requestAnimationFrame
// (instant when `animate` is false). Used by charts with many cells that change at every step:
// a canvas keeps them out of the DOM, so a step costs one putImageData per strip instead of
// hundreds of element updates. All strips share one animation frame loop.
import { interpolateNumberArray } from 'd3-interpolate';
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { shadeIndex, shadesOf, type ValueScale } from './valueScale';

export const STEP_ANIMATION_MS = 180;

/** The canvas's 2D context, or null where there is none (jsdom has no canvas). */
export function context2d(canvas: HTMLCanvasElement | null): CanvasRenderingContext2D | null {
  if (canvas === null) return null;
  if (typeof navigator !== 'undefined' && navigator.userAgent.includes('jsdom')) return null;
  return canvas.getContext('2d');
}

const easeOut = (u: number) => 1 - (1 - u) * (1 - u);

// ---- one frame loop for every running strip animation ----
type Tick = (now: number) => boolean;
const running = new Set<Tick>();
let frame = 0;

function loop(now: number): void {
  for (const tick of running) if (!tick(now)) running.delete(tick);
  frame = running.size > 0 ? requestAnimationFrame(loop) : 0;
}

function animate(tick: Tick): () => void {
  running.add(tick);
  if (frame === 0) frame = requestAnimationFrame(loop);
  return () => running.delete(tick);
}

export function useStripCanvas(
  values: ArrayLike<number>,
  scale: ValueScale,
  { vertical = false, animate: ease = true }: { vertical?: boolean; animate?: boolean } = {},
): RefObject<HTMLCanvasElement | null> {
  const ref = useRef<HTMLCanvasElement>(null);
  const shown = useRef<Float64Array | null>(null);
  useLayoutEffect(() => {
    const canvas = ref.current;
    const ctx = context2d(canvas);
    if (canvas === null || ctx === null) return;
    const n = values.length;
    const [w, h] = vertical ? [1, n] : [n, 1];
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    if (n === 0) return;
    const table = shadesOf(scale);
    const image = ctx.createImageData(w, h);
    const paint = (v: ArrayLike<number>) => {
      const px = image.data;
      for (let j = 0; j < n; j++) {
        const k = shadeIndex(table, v[j]!);
        const o = j * 4;
        if (k < 0) {
          px[o + 3] = 0;
          continue;
        }
        px[o] = table.rgba[k * 4]!;
        px[o + 1] = table.rgba[k * 4 + 1]!;
        px[o + 2] = table.rgba[k * 4 + 2]!;
        px[o + 3] = 255;
      }
      ctx.putImageData(image, 0, 0);
    };
    const target = Float64Array.from(values);
    const from = shown.current;
    shown.current = target;
    if (!ease || from === null || from.length !== n || from.some((v) => !Number.isFinite(v))) {
      paint(target);
      return;
    }
    const mix = interpolateNumberArray(from, target);
    const start = performance.now();
    return animate((now) => {
      const u = Math.min(1, Math.max(0, (now - start) / STEP_ANIMATION_MS));
      const current = mix(easeOut(u));
      paint(current);
      // If a new step arrives mid-way, it starts from what is on screen.
      shown.current = u < 1 ? Float64Array.from(current) : target;
      return u < 1;
    });
  }, [values, scale, vertical, ease]);
  return ref;
}
