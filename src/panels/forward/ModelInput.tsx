// The model and the text: which network reads, what it reads, which layer is shown, and what
// the engine said about it (characters outside the vocabulary, a missing model file, errors).
import { useId, useState } from 'react';
import { Trans } from 'react-i18next';
import {
  CELL_ARTICLE,
  CELL_LABEL,
  FORWARD_MODELS,
  MAX_TEXT_CHARS,
  classLabel,
  nameChar,
  showChar,
  type ForwardModel,
} from '../../content/forward';
import type { CellKind } from '../../engine/cell';
import { retrace, setDirection, setLayer, setModel, setText } from '../../store/forwardActions';
import type { ForwardResult } from '../../store/forward';
import { useAppStore } from '../../store/store';
import {
  selectDirection,
  selectError,
  selectLayer,
  selectModel,
  selectModelNote,
  selectResult,
  selectStatus,
  selectText,
} from './select';
import { formatCount } from '../../content/format';
import { formatSeriesValue } from '../../content/forwardSeries';
import { useWords, type Tr } from './words';

export function ModelInput() {
  const id = useId();
  const { tr } = useWords();
  const model = useAppStore(selectModel);
  const text = useAppStore(selectText);
  const [clipped, setClipped] = useState(false);
  const length = Array.from(text).length;
  return (
    <section className="fwd-input" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{tr('forward.input.heading')}</h2>
      <div className="fwd-input__fields">
        <div className="field" data-control="model">
          <label htmlFor={`${id}-model`}>{tr('forward.input.model')}</label>
          <select
            id={`${id}-model`}
            value={model}
            onChange={(event) => setModel(event.target.value as ForwardModel)}
          >
            {FORWARD_MODELS.map((m) => (
              <option key={m} value={m}>
                {tr(`forward.models.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <LayerPicker id={`${id}-layer`} />
        <DirectionPicker id={`${id}-direction`} />
        {model === 'series' ? (
          <SeriesWindowNote />
        ) : (
          <div className="field field--wide" data-control="text">
            <label htmlFor={`${id}-text`}>
              {tr('forward.input.text')}{' '}
              <span className="field__hint">
                {tr('forward.input.textHint', { max: MAX_TEXT_CHARS })}
              </span>
            </label>
            <input
              id={`${id}-text`}
              type="text"
              value={text}
              spellCheck={false}
              autoComplete="off"
              translate="no"
              aria-describedby={`${id}-count`}
              onChange={(event) => setClipped(setText(event.target.value).clipped)}
            />
            <p id={`${id}-count`} className="field__hint">
              {tr(clipped ? 'forward.input.countClipped' : 'forward.input.count', {
                length,
                max: MAX_TEXT_CHARS,
              })}
            </p>
          </div>
        )}
      </div>
      <ModelSummary />
      <UnknownChars />
      <TraceStatus />
    </section>
  );
}

function LayerPicker({ id }: { id: string }) {
  const { tr } = useWords();
  const layer = useAppStore(selectLayer);
  const L = useAppStore((s) => s.forward.result?.trace.L ?? 1);
  if (L <= 1) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{tr('forward.input.layer')}</label>
      <select id={id} value={layer} onChange={(event) => setLayer(Number(event.target.value))}>
        {Array.from({ length: L }, (_, l) => (
          <option key={l} value={l}>
            {tr('forward.input.layerOption', { layer: l + 1, L })}
            {l === 0
              ? tr('forward.input.layerReads')
              : l === L - 1
                ? tr('forward.input.layerFeeds')
                : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

function DirectionPicker({ id }: { id: string }) {
  const { tr } = useWords();
  const direction = useAppStore(selectDirection);
  const both = useAppStore((s) => s.forward.result?.model.bidirectional === true);
  if (!both) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{tr('forward.input.direction')}</label>
      <select
        id={id}
        value={direction}
        onChange={(event) => setDirection(Number(event.target.value))}
      >
        <option value={0}>{tr('forward.input.directionForward')}</option>
        <option value={1}>{tr('forward.input.directionBackward')}</option>
      </select>
    </div>
  );
}

/** “Reading with an <b>LSTM</b> (tanh)”: the cell with its article, or freshly initialised. */
function ReadingWith({ cell, fresh }: { cell: CellKind; fresh: boolean }) {
  const key = fresh
    ? 'forward.summary.withFresh'
    : CELL_ARTICLE[cell] === 'an'
      ? 'forward.summary.withAn'
      : 'forward.summary.withA';
  return <Trans i18nKey={key} values={{ cell: CELL_LABEL[cell] }} components={{ b: <strong /> }} />;
}

/** “2 layers of 48 hidden units” (each way, for a bidirectional model). */
function shapeText(tr: Tr, info: ForwardResult['model']): string {
  const bi = info.bidirectional === true;
  return tr(bi ? 'forward.summary.shapeBi' : 'forward.summary.shape', {
    count: info.numLayers,
    H: info.hiddenSize,
  });
}

function ModelSummary() {
  const { tr } = useWords();
  const result = useAppStore(selectResult);
  const note = useAppStore(selectModelNote);
  const model = useAppStore(selectModel);
  const status = useAppStore(selectStatus);
  const info = result?.model;
  if (model === 'series') return <SeriesSummary />;
  return (
    <div className="fwd-model">
      {info !== undefined && (
        <p className="fwd-model__summary">
          <ReadingWith cell={info.cell} fresh={result?.source === 'fresh'} />
          {info.cell === 'rnn' ? ` (${info.nonlinearity})` : ''}
          {info.classes !== undefined ? tr('forward.summary.tagger') : ''}
          {tr('forward.summary.body', {
            shape: shapeText(tr, info),
            parameters: tr('forward.summary.parameters', { n: formatCount(info.parameters) }),
            vocab: tr('forward.summary.vocab', { n: info.vocab.length }),
          })}
          {info.classes !== undefined && (
            <>
              {tr('forward.summary.tags', { n: info.classes.length })}
              <span translate="no">{info.classes.map((c) => classLabel(c)).join(', ')}</span>
              {tr('forward.summary.tagsEnd')}
            </>
          )}
          {result?.source === 'training'
            ? tr('forward.summary.afterTraining', { n: formatCount(info.step) })
            : ''}
          {tr('forward.stop')}
        </p>
      )}
      {note !== null && <p className="fwd-note">{note}</p>}
      {model === 'training' && (
        <p className="fwd-model__training">
          {tr('forward.input.trainingHint')}{' '}
          <button type="button" onClick={retrace}>
            {tr('forward.input.readAgain')}
          </button>
          {(status === 'error' || (result !== null && result.source !== 'training')) && (
            <>
              {' '}
              <a href="#/train">{tr('forward.input.trainingLink')}</a>
            </>
          )}
        </p>
      )}
    </div>
  );
}

function UnknownChars() {
  const { tr, locale } = useWords();
  const result = useAppStore(selectResult);
  if (result === null || result.unknown.length === 0) return null;
  const shown = result.unknown.slice(0, 8);
  return (
    <div className="fwd-unknown">
      <p>
        {tr('forward.input.unknown', {
          count: result.unknown.length,
          vocab: result.model.vocab.length,
        })}{' '}
        {shown.map((u, k) => (
          <span key={u.position}>
            {k > 0 ? tr('forward.sep') : ''}
            <mark className="fwd-unknown__char" translate="no">
              {showChar(u.char)}
            </mark>{' '}
            <span className="visually-hidden">{nameChar(u.char, locale)} </span>
            {tr('forward.input.position', { position: u.position + 1 })}
          </span>
        ))}
        {result.unknown.length > shown.length ? `${tr('forward.sep')}…` : ''}
        {tr('forward.stop')}
      </p>
      <p>
        {result.tagged === null
          ? tr('forward.input.unknownExplain')
          : tr('forward.input.unknownExplainTagger')}
      </p>
    </div>
  );
}

function TraceStatus() {
  const { tr } = useWords();
  const status = useAppStore(selectStatus);
  const error = useAppStore(selectError);
  if (status === 'noModel')
    return (
      <p className="fwd-note" data-testid="no-series-model">
        {tr('forward.series.noModel')} <a href="#/series">{tr('forward.series.noModelLink')}</a>
      </p>
    );
  if (status === 'error' && error !== null)
    return (
      <p className="fwd-error" role="alert">
        {error}
      </p>
    );
  return <p className="fwd-status">{status === 'loading' ? tr('forward.input.reading') : ''}</p>;
}

/** What a series model reads instead of a text: which window of which series. */
function SeriesWindowNote() {
  const { tr } = useWords();
  const read = useAppStore((s) => s.forward.result?.series);
  if (read === undefined) return null;
  const T = read.x.length;
  const first = read.readIndex[0] ?? 0;
  const { difference, mean, scale } = read;
  return (
    <p className="field field--wide fwd-series-window" data-testid="series-window">
      {tr('forward.series.lead')} <strong translate="no">{read.name}</strong>
      {/* A synthetic series' one column is just "value". */}
      {read.column !== read.name && read.column !== 'value' ? (
        <>
          {' ('}
          <span translate="no">{read.column}</span>)
        </>
      ) : (
        ''
      )}
      {tr('forward.series.values', {
        from: formatCount(first + 1),
        to: formatCount(first + T),
      })}{' '}
      {tr('forward.series.window', {
        steps: T,
        ahead:
          read.horizon === 1
            ? tr('forward.series.aheadOne')
            : tr('forward.series.aheadMany', { n: read.horizon }),
      })}{' '}
      {difference ? `${tr('forward.series.changes')} ` : ''}
      {tr('forward.series.normalised', {
        what: difference ? tr('forward.series.change') : 'y',
        sign: mean < 0 ? '+' : '−',
        mean: formatSeriesValue(Math.abs(mean)),
        scale: formatSeriesValue(scale),
      })}
    </p>
  );
}

/** The series model: its shape and step, and the way back to the Time series view. */
function SeriesSummary() {
  const { tr } = useWords();
  const result = useAppStore(selectResult);
  const info = result?.model;
  return (
    <div className="fwd-model">
      {info !== undefined && (
        <p className="fwd-model__summary">
          <ReadingWith cell={info.cell} fresh={false} />
          {info.cell === 'rnn' ? ` (${info.nonlinearity})` : ''}
          {tr('forward.summary.seriesBody', {
            shape: shapeText(tr, { ...info, bidirectional: false }),
            parameters: tr('forward.summary.parameters', { n: formatCount(info.parameters) }),
            after: tr('forward.summary.after', { n: formatCount(info.step) }),
          })}
        </p>
      )}
      <p className="fwd-model__training">
        {tr('forward.series.hint')}{' '}
        <button type="button" onClick={retrace}>
          {tr('forward.input.readAgain')}
        </button>{' '}
        <a href="#/series">{tr('forward.series.backLink')}</a>
      </p>
    </div>
  );
}
