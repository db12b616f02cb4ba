// The width of a chart's wrapper, followed with a ResizeObserver (the wrapper/bounds half of the
// usual `useChartDimensions` hook: charts lay out in pixels so their text stays legible).
// Without ResizeObserver (jsdom) the fallback width is used.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

export function useChartWidth<E extends HTMLElement>(
  fallback: number,
): [RefObject<E | null>, number] {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null || typeof ResizeObserver === 'undefined') return;
    const measure = (w: number) => {
      if (w > 0) setWidth(Math.round(w));
    };
    measure(element.getBoundingClientRect().width);
    const observer = new ResizeObserver((entries) => {
      for (const entry of entries) measure(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
