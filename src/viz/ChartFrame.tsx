// A chart's frame: title, the chart, a caption, PNG/SVG export and the "Show data" table.
// The chart renders into the frame; export finds its first <svg> or <canvas>.
import { useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSignificant } from '../content/format';
import { ShowData, type ShowDataProps } from './ShowData';
import { exportPng, exportSvg } from './exportChart';
import './charts.css';

export interface ChartFrameProps {
  title: string;
  /** File name for exports, without extension. */
  name: string;
  caption?: ReactNode;
  /** The numbers behind the chart, for its "Show data" table. */
  data: Pick<ShowDataProps, 'caption' | 'columns' | 'rows'>;
  children: ReactNode;
  /** Controls shown next to the title (toggles). */
  controls?: ReactNode;
}

/** Whole numbers (steps) as they are, others to 4 significant digits. */
const compact = (v: number): string => (Number.isInteger(v) ? String(v) : formatSignificant(v));

export function ChartFrame({ title, name, caption, data, children, controls }: ChartFrameProps) {
  const { t } = useTranslation();
  const body = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const graphic = () => body.current?.querySelector('svg.chart, canvas') ?? null;
  return (
    <figure className="chart-frame" aria-labelledby={titleId}>
      <div className="chart-frame__head">
        <h3 id={titleId}>{title}</h3>
        {controls}
      </div>
      <div ref={body} className="chart-frame__body">
        {children}
      </div>
      {caption !== undefined && <figcaption>{caption}</figcaption>}
      <div className="chart-frame__tools">
        <button
          type="button"
          onClick={() => {
            const g = graphic();
            if (g instanceof SVGSVGElement || g instanceof HTMLCanvasElement) exportPng(g, name);
          }}
        >
          PNG<span className="visually-hidden">{t('viz.frame.of', { title })}</span>
        </button>
        <button
          type="button"
          onClick={() => {
            const g = graphic();
            if (g instanceof SVGSVGElement) exportSvg(g, name);
          }}
        >
          SVG<span className="visually-hidden">{t('viz.frame.of', { title })}</span>
        </button>
        <ShowData {...data} maxRows={200} format={compact} />
      </div>
    </figure>
  );
}
