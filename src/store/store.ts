// The app's one store, made of slices. The core is framework-free (`appStore`, usable in tests
// and actions); React reads it through `useAppStore` with an atomic selector, e.g.
// `useAppStore(selectView)`. State changes go through `src/store/actions.ts`.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { ConfigState } from './config';
import type { ForwardState } from './forward';
import type { GradientsState } from './gradients';
import { initialTraining, type TrainingState } from './training';
import { initialUi, type UiState } from './ui';
import { URL_SLICE_KEYS, URL_SLICES, type UrlSliceKey, type UrlSliceStates } from './views';

/**
 * The slices of the address bar (`views.ts`: `config` is the Training view's settings, `forward`,
 * `gradients`), plus the two that are not in the URL.
 */
export interface AppState extends UrlSliceStates {
  ui: UiState;
  /** The training run (the Training view; not in the URL). */
  training: TrainingState;
}

export function initialState(): AppState {
  const slices = Object.fromEntries(
    URL_SLICE_KEYS.map((key) => [key, URL_SLICES[key].initial()]),
  ) as UrlSliceStates;
  return { ...slices, ui: initialUi(), training: initialTraining() };
}

export const appStore = createStore<AppState>()(initialState);

/** Reads one value from the store and re-renders when it changes. Keep selectors atomic. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

/** Merges a change into the `ui` slice. */
export function patchUi(patch: Partial<UiState>): void {
  appStore.setState((state) => ({ ui: { ...state.ui, ...patch } }));
}

/** Merges a change into one of the slices in the address bar. */
export function patchSlice<K extends UrlSliceKey>(key: K, patch: Partial<AppState[K]>): void {
  appStore.setState((state) => ({ [key]: { ...state[key], ...patch } }) as Partial<AppState>);
}

/** Merges a change into the `config` slice. */
export function patchConfig(patch: Partial<ConfigState>): void {
  appStore.setState((state) => ({ config: { ...state.config, ...patch } }));
}

/** Merges a change into the `forward` slice. */
export function patchForward(patch: Partial<ForwardState>): void {
  appStore.setState((state) => ({ forward: { ...state.forward, ...patch } }));
}

/** Merges a change into the `gradients` slice. */
export function patchGradients(patch: Partial<GradientsState>): void {
  appStore.setState((state) => ({ gradients: { ...state.gradients, ...patch } }));
}

/** Merges a change into the `training` slice. */
export function patchTraining(patch: Partial<TrainingState>): void {
  appStore.setState((state) => ({ training: { ...state.training, ...patch } }));
}

/** Back to the initial state (tests). */
export function resetStore(): void {
  appStore.setState(initialState(), true);
}
