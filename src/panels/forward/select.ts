// Atomic selectors of the Forward pass view: each returns one value of the `forward` slice.
import { useDeferredValue } from 'react';
import { useAppStore, type AppState } from '../../store/store';

export const selectModel = (s: AppState) => s.forward.model;
export const selectText = (s: AppState) => s.forward.text;
export const selectStep = (s: AppState) => s.forward.t;
export const selectLayer = (s: AppState) => s.forward.layer;
export const selectDirection = (s: AppState) => s.forward.direction;
export const selectUnit = (s: AppState) => s.forward.unit;
export const selectPlaying = (s: AppState) => s.forward.playing;
export const selectSpeed = (s: AppState) => s.forward.speed;
export const selectStatus = (s: AppState) => s.forward.status;
export const selectError = (s: AppState) => s.forward.error;
export const selectModelNote = (s: AppState) => s.forward.modelNote;
export const selectResult = (s: AppState) => s.forward.result;

/**
 * The step and unit for the detail sections (cell, guesses, equations), deferred: a step first
 * paints the diagram and the controls, then React renders the details without blocking the next
 * frame or the next key press. Clamped to the trace shown.
 */
export function useDetailStep(): { t: number; unit: number } {
  const t = useDeferredValue(useAppStore(selectStep));
  const unit = useDeferredValue(useAppStore(selectUnit));
  const T = useAppStore((s) => s.forward.result?.trace.T ?? 1);
  const H = useAppStore((s) => s.forward.result?.trace.H ?? 1);
  return { t: Math.min(t, T - 1), unit: Math.min(unit, H - 1) };
}
