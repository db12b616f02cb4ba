// The wire protocol between the app and the engine worker: types only, no runtime code.
// Every request carries a numeric `id`; the reply to it echoes that id. Messages the worker
// sends on its own (progress, snapshots) belong in `FromWorker` too and go to subscribers.

import type { OptimizerState } from '../engine/optim';
import type { TrainSettings } from '../engine/settings';
import type { ProblemInfo } from '../engine/problem';
import type {
  PackedCurves,
  SeriesAutosavePage,
  SeriesInfo,
  SeriesLoad,
  SeriesPrediction,
  SeriesResumed,
  SeriesTraced,
} from './seriesProtocol';

export type {
  CorpusInfo,
  ModelInfo,
  ProgressBatch,
  WeightsSnapshot,
  NeuronActivations,
  UnitRank,
  ModelSource,
  SampleRequest,
} from './payloads';
import type {
  CorpusInfo,
  ModelInfo,
  ProgressBatch,
  WeightsSnapshot,
  NeuronActivations,
  ModelSource,
  SampleRequest,
} from './payloads';
export type {
  PackedCurves,
  SeriesAutosavePage,
  SeriesInfo,
  SeriesLoad,
  SeriesPrediction,
  SeriesResumed,
  SeriesTraced,
} from './seriesProtocol';
import type { TagRaceInfo, TagRaceSettings, TagSampleAt } from './tagProtocol';
import type {
  AttentionDecoded,
  AttentionInfo,
  AttentionScores,
  AttentionSettings,
} from './attentionProtocol';
import type { RaceInfo, RaceProgress, RaceSettings } from './raceProtocol';

export type { RaceInfo, RaceProgress, RaceSettings } from './raceProtocol';
export type {
  AttentionDecoded,
  AttentionInfo,
  AttentionScores,
  AttentionSettings,
} from './attentionProtocol';

export type { TagRaceInfo, TagRaceSettings, TagSample, TagSampleAt } from './tagProtocol';
import type { Trace } from '../engine/trace';
import type { GradientParams, GradientResult } from '../engine/experiments';
import type { BackwardAt } from '../engine/backwardTrace';
import type { FiniteDifference } from '../engine/gradCheck';
import type { SeriesCheckpointMeta } from '../persist/seriesStore';
import type { Autosave, StoredHistory } from '../persist/trainingStore';

/** Messages the app posts to the worker. */
export type ToWorker =
  | { type: 'ping'; id: number }
  /** Check and install a training text (the model is untouched if it is rejected). */
  | { type: 'setCorpus'; id: number; name: string; text: string }
  /** A fresh model for the current text. */
  | { type: 'create'; id: number; settings: TrainSettings }
  /** Learning rate and clipping, live. */
  | { type: 'setHyper'; id: number; settings: TrainSettings }
  /** Start training; `progress` messages follow until paused or diverged. */
  | { type: 'train'; id: number }
  | { type: 'pause'; id: number }
  /** One training step (one batch). */
  | { type: 'step'; id: number }
  | { type: 'evaluate'; id: number; maxChars?: number }
  /** Forward and backward pass over a text, for the views (default model: the training one). */
  | { type: 'trace'; id: number; text: string; jacobians?: boolean; model?: ModelSource }
  /** The backward pass over a text stopped at step t, with its running sums (a view's model). */
  | { type: 'backward'; id: number; text: string; t: number; model?: ModelSource }
  /** One weight's gradient by central differences on a text, next to the backward pass's. */
  | {
      type: 'gradCheck';
      id: number;
      text: string;
      tensor: string;
      index: number;
      model?: ModelSource;
    }
  | { type: 'sample'; id: number; request: SampleRequest }
  | { type: 'export'; id: number }
  /**
   * Read and check a model file the learner chose (the worker reads it, so the page never holds
   * its text); the worker keeps the model for an `import` naming the reply's key.
   */
  | { type: 'checkFile'; id: number; file: Blob }
  /** Load a model file; the current model stays if the file is bad. */
  | {
      type: 'import';
      id: number;
      /** The file's text, or the key of the file last checked with `checkFile`. */
      json: string | { checked: number };
      settings: TrainSettings;
      step?: number;
      /** The optimizer's state when the import resumes a run (ignored if it does not fit). */
      optimizer?: OptimizerState | null;
    }
  /** Put back the last good checkpoint. */
  | { type: 'restore'; id: number }
  // ---- Training view ----
  /** Install one of the generated texts (copy10, brackets, …) by name. */
  | { type: 'setTask'; id: number; name: string }
  /** W_ih and W_hh of every layer, for the heatmaps. */
  | { type: 'weights'; id: number }
  /** Unit activations over the start of the validation text, units ranked by text features. */
  | { type: 'neurons'; id: number; layer: number; chars: number }
  /** The model file and step, for autosave and named checkpoints. */
  | { type: 'snapshot'; id: number }
  /**
   * Autosave the run into slot `runId`: the worker adds its model, step and optimizer state to
   * what the page sends and writes it to IndexedDB itself, so those never cross to the page.
   * `live`: the runs open tabs hold (their slots are kept).
   */
  | { type: 'autosave'; id: number; runId: string; live: string[]; page: AutosavePage }
  /**
   * Read autosaved run `runId` from IndexedDB, check it and install its model and optimizer state
   * with `settings`; the large parts never cross to the page. The model stays if it cannot.
   */
  | { type: 'restoreRun'; id: number; runId: string; settings: TrainSettings }
  // ---- Gradient flow view ----
  /** Run one gradient-flow experiment (stateless: its own seeded model and input). */
  | { type: 'gradientExperiment'; id: number; params: GradientParams }
  /** Run the race of a plain RNN against an LSTM (a new one if `task` or `seed` changed). */
  | { type: 'raceStart'; id: number; race: RaceSettings }
  | { type: 'racePause'; id: number }
  /** A new race at step 0, paused. */
  | { type: 'raceReset'; id: number; race: RaceSettings }
  // ---- Attention view ----
  /** Generate a task's pairs and make a fresh encoder–decoder (the old run stays on failure). */
  /** The run of these settings: kept from before (paused where it was), or new with `fresh`. */
  | { type: 'attentionLoad'; id: number; settings: AttentionSettings; fresh?: boolean }
  /** Start training; `attentionProgress` messages follow until paused or diverged. */
  | { type: 'attentionTrain'; id: number }
  | { type: 'attentionPause'; id: number }
  | { type: 'attentionStep'; id: number }
  /** Decode an input greedily, with the attention of each output step over it. */
  | { type: 'attentionDecode'; id: number; input: string }
  /** Exact match and per-character accuracy on the held-out pairs, and by input length. */
  | { type: 'attentionScore'; id: number }
  /** After a divergence: back to the last good model, with a fresh optimizer. */
  | { type: 'attentionRestoreLastGood'; id: number }
  /** The model file and the PyTorch script of the run. */
  | { type: 'attentionExport'; id: number }
  /** Autosaves the run (the page sends when, its choices and curves; the worker adds the model). */
  | { type: 'attentionAutosave'; id: number; page: SeriesAutosavePage }
  /** Puts the autosaved run back onto the run loaded now, if made from `choice`. */
  | { type: 'attentionResume'; id: number; choice: string }
  | {
      type: 'attentionCheckpoint';
      id: number;
      checkpoint: string;
      name: string;
      page: SeriesAutosavePage;
    }
  | { type: 'attentionCheckpointLoad'; id: number; checkpoint: string; choice: string }
  // ---- Time series view ----
  /** Read and prepare a series and make a fresh model for it (the old one stays on failure). */
  | ({ type: 'seriesLoad'; id: number } & SeriesLoad)
  /** Start training; `seriesProgress` messages follow until paused or diverged. */
  | { type: 'seriesTrain'; id: number }
  | { type: 'seriesPause'; id: number }
  | { type: 'seriesStep'; id: number }
  /** The model's predictions of the whole series. */
  | { type: 'seriesPredict'; id: number }
  /** Put back the model with the lowest validation loss so far, at its step. */
  | { type: 'seriesRestoreBest'; id: number }
  /** After a divergence, the last good series model at its step. */
  | { type: 'seriesRestoreLastGood'; id: number }
  /** Change the series model's learning rate, window length or batch size; it trains on. */
  | { type: 'seriesSetHyper'; id: number; settings: TrainSettings }
  /** Autosave the series run (the worker adds the model and optimizer state to the page's part). */
  | { type: 'seriesAutosave'; id: number; page: SeriesAutosavePage }
  /** Put the autosaved run back if it was made from `choice` (the series just loaded). */
  | { type: 'seriesResume'; id: number; choice: string }
  /** Save the series run as a named checkpoint (the page's part as for the autosave). */
  | {
      type: 'seriesCheckpoint';
      id: number;
      checkpoint: string;
      name: string;
      page: SeriesAutosavePage;
    }
  /** Put checkpoint `checkpoint` back onto the series loaded now (made from `choice`). */
  | { type: 'seriesCheckpointLoad'; id: number; checkpoint: string; choice: string }
  /** The current model's file and a PyTorch script for it. */
  | { type: 'seriesExport'; id: number }
  /** The current model traced over the first window of the validation part (Forward pass view). */
  | { type: 'seriesTrace'; id: number }
  // ---- Tagging view ----
  /**
   * Run the race of a forward-only model against a bidirectional one (a new one if the settings
   * changed). `text`: the text whose spaces are put back (the spaces task; kept for later races).
   */
  | { type: 'tagRaceStart'; id: number; race: TagRaceSettings; text?: string }
  | { type: 'tagRacePause'; id: number }
  /** A new race at step 0, paused. */
  | { type: 'tagRaceReset'; id: number; race: TagRaceSettings; text?: string }
  /** The start of the validation text, tagged by both racers at the current step. */
  | { type: 'tagRaceSample'; id: number };

/** The worker's reply to `ping`: which engine is running. */
export type Pong = {
  type: 'pong';
  id: number;
  engine: string;
  /** Which matrix kernel runs: WebAssembly SIMD, or the plain-JavaScript fallback. */
  kernel?: 'wasm-simd' | 'js';
};

/** A failure. `id` is the request that failed, or null when no request can be blamed. */
export type WorkerError = {
  type: 'error';
  id: number | null;
  message: string;
  /** The problem as a code and values, when the learner can act on it (the page translates it). */
  problem?: ProblemInfo;
  /** 'training': the training loop failed and stopped; the worker itself is fine. */
  source?: 'training';
};

export type CorpusReply = { type: 'corpus'; id: number; info: CorpusInfo };
export type ModelReply = { type: 'model'; id: number; info: ModelInfo };
export type Ack = { type: 'ack'; id: number; step: number };
export type EvaluationReply = { type: 'evaluation'; id: number; loss: number };
export type TraceReply = {
  type: 'trace';
  id: number;
  trace: Trace;
  /** The model that was traced (its vocabulary says how each id reads). */
  model: ModelInfo;
  /** Characters outside the model's vocabulary (fed as zero vectors), by position. */
  unknown: { position: number; char: string }[];
  /** A tagger: the text as its task reads it (e.g. spaces removed) and the true class per step. */
  tagged?: TaggedText;
};
export type TaggedText = { chars: string[]; tags: number[] };
export type SampleReply = { type: 'sample'; id: number; text: string };
export type BackwardReply = { type: 'backwardAt'; id: number; at: BackwardAt };
export type GradCheckReply = {
  type: 'gradChecked';
  id: number;
  check: FiniteDifference;
  /** The backward pass's value of the same gradient. */
  engine: number;
};
export type FileCheckReply = { type: 'fileChecked'; id: number; key: number; ms: number };
export type ExportReply = { type: 'exported'; id: number; json: string };
export type WeightsReply = { type: 'weights'; id: number; weights: WeightsSnapshot };
export type NeuronsReply = { type: 'neurons'; id: number; neurons: NeuronActivations };
/** The part of an autosave the page holds; the curves as typed arrays (in the transfer list). */
export type AutosavePage = Omit<Autosave, 'model' | 'step' | 'optimizer' | 'history'> & {
  curves: PackedCurves;
};
/** An autosaved run as the page shows it: all but its model and optimizer state. */
export type SavedRunHead = Pick<Autosave, 'savedAt' | 'step' | 'config' | 'history' | 'timeline'>;
/**
 * The restored run's model and head, or null when the run is missing or damaged (the model then
 * stays); `ms`: how long reading, checking and installing it took.
 */
export type RestoredRunReply = {
  type: 'restoredRun';
  id: number;
  restored: { info: ModelInfo; run: SavedRunHead } | null;
  ms: number;
};
/** Whether the autosave was written, and the step of the model it holds. */
export type AutosavedReply = { type: 'autosaved'; id: number; ok: boolean; step: number };
export type SnapshotReply = {
  type: 'snapshot';
  id: number;
  json: string;
  step: number;
  /** The optimizer's state (moments, step count), so a resumed run continues exactly. */
  optimizer: OptimizerState | null;
};
/** A gradient-flow experiment's figures; `ms` is how long the worker computed. */
export type GradientReply = {
  type: 'gradientResult';
  id: number;
  result: GradientResult;
  ms: number;
};
/** Where the race stands, in reply to raceStart, racePause and raceReset. */
export type RaceReply = { type: 'race'; id: number; info: RaceInfo<RaceSettings> };
/** Sent on its own while the race runs (id null); arrays arrive in the transfer list. */
export type RaceProgressMessage = { type: 'raceProgress'; id: null; progress: RaceProgress };
export type TagRaceReply = { type: 'tagRace'; id: number } & TagRaceInfo;
export type TagRaceProgressMessage = {
  type: 'tagRaceProgress';
  id: null;
  progress: RaceProgress;
};
export type TagSampleReply = { type: 'tagSample'; id: number } & TagSampleAt;
/** Sent on its own while training runs (id null); arrays arrive in the transfer list. */
export type ProgressMessage = { type: 'progress'; id: null; batch: ProgressBatch };
/** The Time series view's training progress, as `progress` is the Training view's. */
export type SeriesProgressMessage = { type: 'seriesProgress'; id: null; batch: ProgressBatch };
export type SeriesReply = { type: 'series'; id: number; info: SeriesInfo };
/** The Attention view's training progress, as `progress` is the Training view's. */
export type AttentionProgressMessage = {
  type: 'attentionProgress';
  id: null;
  /** The run the batch belongs to (AttentionInfo.run). */
  run: number;
  batch: ProgressBatch;
};
/** The Attention view's run put back (null: no autosave made from the choices asked for). */
export type AttentionResumedReply = {
  type: 'attentionResumed';
  id: number;
  resumed: { info: AttentionInfo; history: StoredHistory; savedAt: number } | null;
};
export type AttentionCheckpointsReply = {
  type: 'attentionCheckpoints';
  id: number;
  list: SeriesCheckpointMeta[] | null;
};
export type AttentionExportReply = {
  type: 'attentionExported';
  id: number;
  json: string;
  script: string;
  step: number;
};
export type AttentionReply = { type: 'attention'; id: number; info: AttentionInfo };
export type AttentionDecodeReply = {
  type: 'attentionDecoded';
  id: number;
  decoded: AttentionDecoded;
};
export type AttentionScoreReply = { type: 'attentionScores'; id: number; scores: AttentionScores };
/** The autosaved run put back, or null when there is none made from the choice asked for. */
/** The series checkpoints after a save (null: the browser would not store it). */
export type SeriesCheckpointsReply = {
  type: 'seriesCheckpoints';
  id: number;
  list: SeriesCheckpointMeta[] | null;
};
export type SeriesResumedReply = {
  type: 'seriesResumed';
  id: number;
  resumed: SeriesResumed | null;
};
export type SeriesPredictionReply = { type: 'seriesPrediction'; id: number } & SeriesPrediction;
/** The series model traced over a window; null when the worker holds no series model yet. */
export type SeriesTraceReply = {
  type: 'seriesTrace';
  id: number;
  traced: (SeriesTraced & { model: ModelInfo }) | null;
};
/**
 * The series model's file (JSON text, with how its inputs are prepared), a PyTorch script for it,
 * and the name of the series it learned.
 */
export type SeriesExportReply = {
  type: 'seriesExported';
  id: number;
  json: string;
  script: string;
  name: string;
  /** The model's step count. */
  step: number;
};

/** Messages the worker posts to the app. */
export type FromWorker =
  | Pong
  | WorkerError
  | CorpusReply
  | ModelReply
  | Ack
  | EvaluationReply
  | TraceReply
  | SampleReply
  | BackwardReply
  | GradCheckReply
  | FileCheckReply
  | ExportReply
  | WeightsReply
  | NeuronsReply
  | SnapshotReply
  | AutosavedReply
  | SeriesResumedReply
  | SeriesCheckpointsReply
  | RestoredRunReply
  | GradientReply
  | ProgressMessage
  | RaceReply
  | RaceProgressMessage
  | SeriesReply
  | SeriesPredictionReply
  | SeriesExportReply
  | SeriesTraceReply
  | SeriesProgressMessage
  | AttentionReply
  | AttentionDecodeReply
  | AttentionScoreReply
  | AttentionProgressMessage
  | AttentionExportReply
  | AttentionResumedReply
  | AttentionCheckpointsReply
  | TagRaceReply
  | TagRaceProgressMessage
  | TagSampleReply;

/** The successful reply to each request type. The client uses it to type its promises. */
export interface Replies {
  ping: Pong;
  setCorpus: CorpusReply;
  create: ModelReply;
  setHyper: Ack;
  train: Ack;
  pause: Ack;
  step: Ack;
  evaluate: EvaluationReply;
  trace: TraceReply;
  sample: SampleReply;
  backward: BackwardReply;
  gradCheck: GradCheckReply;
  checkFile: FileCheckReply;
  export: ExportReply;
  import: ModelReply;
  restore: ModelReply;
  setTask: CorpusReply;
  weights: WeightsReply;
  neurons: NeuronsReply;
  snapshot: SnapshotReply;
  autosave: AutosavedReply;
  restoreRun: RestoredRunReply;
  gradientExperiment: GradientReply;
  raceStart: RaceReply;
  racePause: RaceReply;
  raceReset: RaceReply;
  attentionLoad: AttentionReply;
  attentionTrain: Ack;
  attentionPause: Ack;
  attentionStep: Ack;
  attentionDecode: AttentionDecodeReply;
  attentionScore: AttentionScoreReply;
  attentionRestoreLastGood: AttentionReply;
  attentionExport: AttentionExportReply;
  attentionAutosave: AutosavedReply;
  attentionResume: AttentionResumedReply;
  attentionCheckpoint: AttentionCheckpointsReply;
  attentionCheckpointLoad: AttentionResumedReply;
  seriesLoad: SeriesReply;
  seriesTrain: Ack;
  seriesPause: Ack;
  seriesStep: Ack;
  seriesPredict: SeriesPredictionReply;
  seriesRestoreBest: SeriesReply;
  seriesRestoreLastGood: SeriesReply;
  seriesSetHyper: SeriesReply;
  seriesAutosave: AutosavedReply;
  seriesResume: SeriesResumedReply;
  seriesCheckpoint: SeriesCheckpointsReply;
  seriesCheckpointLoad: SeriesResumedReply;
  seriesExport: SeriesExportReply;
  seriesTrace: SeriesTraceReply;
  tagRaceStart: TagRaceReply;
  tagRacePause: TagRaceReply;
  tagRaceReset: TagRaceReply;
  tagRaceSample: TagSampleReply;
}

export type RequestType = ToWorker['type'];

/** A request as the caller writes it: the client assigns the id. */
export type RequestBody<K extends RequestType> = Omit<Extract<ToWorker, { type: K }>, 'id'>;
