// The model and the text: which network reads, what it reads, which layer is shown, and what
// the engine said about it (characters outside the vocabulary, a missing model file, errors).
import { useId, useState } from 'react';
import {
  CELL_ARTICLE,
  CELL_LABEL,
  FORWARD_MODELS,
  FORWARD_TEXT,
  MAX_TEXT_CHARS,
  MODEL_LABEL,
  nameChar,
  showChar,
  type ForwardModel,
} from '../../content/forward';
import { retrace, setDirection, setLayer, setModel, setText } from '../../store/forwardActions';
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
import { SERIES_FORWARD_TEXT } from '../../content/forwardSeries';

export function ModelInput() {
  const id = useId();
  const model = useAppStore(selectModel);
  const text = useAppStore(selectText);
  const [clipped, setClipped] = useState(false);
  const length = Array.from(text).length;
  return (
    <section className="fwd-input" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Model and text</h2>
      <div className="fwd-input__fields">
        <div className="field">
          <label htmlFor={`${id}-model`}>Model</label>
          <select
            id={`${id}-model`}
            value={model}
            onChange={(event) => setModel(event.target.value as ForwardModel)}
          >
            {FORWARD_MODELS.map((m) => (
              <option key={m} value={m}>
                {MODEL_LABEL[m]}
              </option>
            ))}
          </select>
        </div>
        <LayerPicker id={`${id}-layer`} />
        <DirectionPicker id={`${id}-direction`} />
        {model === 'series' ? (
          <SeriesWindowNote />
        ) : (
          <div className="field field--wide">
            <label htmlFor={`${id}-text`}>
              Text <span className="field__hint">(up to {MAX_TEXT_CHARS} characters)</span>
            </label>
            <input
              id={`${id}-text`}
              type="text"
              value={text}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={`${id}-count`}
              onChange={(event) => setClipped(setText(event.target.value).clipped)}
            />
            <p id={`${id}-count`} className="field__hint">
              {length} / {MAX_TEXT_CHARS} characters{clipped ? `. ${FORWARD_TEXT.tooLong}` : ''}
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
  const layer = useAppStore(selectLayer);
  const L = useAppStore((s) => s.forward.result?.trace.L ?? 1);
  if (L <= 1) return null;
  return (
    <div className="field">
      <label htmlFor={id}>Layer shown</label>
      <select id={id} value={layer} onChange={(event) => setLayer(Number(event.target.value))}>
        {Array.from({ length: L }, (_, l) => (
          <option key={l} value={l}>
            Layer {l + 1} of {L}
            {l === 0 ? ' (reads the text)' : l === L - 1 ? ' (feeds the output)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

function DirectionPicker({ id }: { id: string }) {
  const direction = useAppStore(selectDirection);
  const both = useAppStore((s) => s.forward.result?.model.bidirectional === true);
  if (!both) return null;
  return (
    <div className="field">
      <label htmlFor={id}>Direction shown</label>
      <select
        id={id}
        value={direction}
        onChange={(event) => setDirection(Number(event.target.value))}
      >
        <option value={0}>Forward (reads left to right)</option>
        <option value={1}>Backward (reads right to left)</option>
      </select>
    </div>
  );
}

function ModelSummary() {
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
          Reading with{' '}
          {result?.source === 'fresh' ? 'a freshly initialised' : CELL_ARTICLE[info.cell]}{' '}
          <strong>{CELL_LABEL[info.cell]}</strong>
          {info.cell === 'rnn' ? ` (${info.nonlinearity})` : ''}
          {info.classes !== undefined ? ' tagger' : ''}: {info.numLayers}
          {info.bidirectional === true ? ' bidirectional' : ''} layer
          {info.numLayers === 1 ? '' : 's'} of {info.hiddenSize} hidden units
          {info.bidirectional === true ? ' each way' : ''}, {formatCount(info.parameters)}{' '}
          parameters, {info.vocab.length} characters in its vocabulary
          {info.classes !== undefined
            ? `, ${String(info.classes.length)} tags (${info.classes.join(', ')})`
            : ''}
          {result?.source === 'training' ? `, after ${formatCount(info.step)} training steps` : ''}.
        </p>
      )}
      {note !== null && <p className="fwd-note">{note}</p>}
      {model === 'training' && (
        <p className="fwd-model__training">
          {FORWARD_TEXT.trainingHint}{' '}
          <button type="button" onClick={retrace}>
            Read again
          </button>
          {(status === 'error' || (result !== null && result.source !== 'training')) && (
            <>
              {' '}
              <a href="#/train">{FORWARD_TEXT.trainingLink}</a>
            </>
          )}
        </p>
      )}
    </div>
  );
}

function UnknownChars() {
  const result = useAppStore(selectResult);
  if (result === null || result.unknown.length === 0) return null;
  const shown = result.unknown.slice(0, 8);
  return (
    <div className="fwd-unknown">
      <p>
        {FORWARD_TEXT.unknownLead(result.unknown.length, result.model.vocab.length)}{' '}
        {shown.map((u, k) => (
          <span key={u.position}>
            {k > 0 ? ', ' : ''}
            <mark className="fwd-unknown__char">{showChar(u.char)}</mark>{' '}
            <span className="visually-hidden">{nameChar(u.char)} </span>
            (position {u.position + 1})
          </span>
        ))}
        {result.unknown.length > shown.length ? ', …' : ''}.
      </p>
      <p>
        {result.tagged === null ? FORWARD_TEXT.unknownExplain : FORWARD_TEXT.unknownExplainTagger}
      </p>
    </div>
  );
}

function TraceStatus() {
  const status = useAppStore(selectStatus);
  const error = useAppStore(selectError);
  if (status === 'noModel')
    return (
      <p className="fwd-note" data-testid="no-series-model">
        {SERIES_FORWARD_TEXT.noModel} <a href="#/series">{SERIES_FORWARD_TEXT.noModelLink}</a>
      </p>
    );
  if (status === 'error' && error !== null)
    return (
      <p className="fwd-error" role="alert">
        {error}
      </p>
    );
  return <p className="fwd-status">{status === 'loading' ? 'Reading…' : ''}</p>;
}

/** What a series model reads instead of a text: which window of which series. */
function SeriesWindowNote() {
  const read = useAppStore((s) => s.forward.result?.series);
  if (read === undefined) return null;
  const T = read.x.length;
  const first = read.readIndex[0] ?? 0;
  return (
    <p className="field field--wide fwd-series-window" data-testid="series-window">
      Series <strong>{read.name}</strong>
      {/* A synthetic series' one column is just "value". */}
      {read.column !== read.name && read.column !== 'value' ? ` (${read.column})` : ''}, values{' '}
      {formatCount(first + 1)} to {formatCount(first + T)}:{' '}
      {SERIES_FORWARD_TEXT.window(T, read.horizon)}{' '}
      {read.difference ? `${SERIES_FORWARD_TEXT.changes} ` : ''}
      {SERIES_FORWARD_TEXT.normalised(read.difference, read.mean, read.scale)}
    </p>
  );
}

/** The series model: its shape and step, and the way back to the Time series view. */
function SeriesSummary() {
  const result = useAppStore(selectResult);
  const info = result?.model;
  return (
    <div className="fwd-model">
      {info !== undefined && (
        <p className="fwd-model__summary">
          Reading with {CELL_ARTICLE[info.cell]} <strong>{CELL_LABEL[info.cell]}</strong>
          {info.cell === 'rnn' ? ` (${info.nonlinearity})` : ''}: {info.numLayers} layer
          {info.numLayers === 1 ? '' : 's'} of {info.hiddenSize} hidden units,{' '}
          {formatCount(info.parameters)} parameters, one real value in and one out per step, after{' '}
          {formatCount(info.step)} training steps.
        </p>
      )}
      <p className="fwd-model__training">
        {SERIES_FORWARD_TEXT.hint}{' '}
        <button type="button" onClick={retrace}>
          Read again
        </button>{' '}
        <a href="#/series">{SERIES_FORWARD_TEXT.backLink}</a>
      </p>
    </div>
  );
}
