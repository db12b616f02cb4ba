// The Time series view's export section: its two buttons wait for a model, then ask for the model
// file and the PyTorch script; and its link to the Forward pass view's series entry.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SeriesCheckpoints } from '../../src/panels/series/Checkpoints';
import { SeriesDiverged } from '../../src/panels/series/Diverged';
import { SeriesExport } from '../../src/panels/series/Export';
import { SeriesStepThrough } from '../../src/panels/series/StepThrough';
import { parseHash } from '../../src/store/url';
import { appStore, patchSlice, resetStore } from '../../src/store/store';
import { seriesRunKey } from '../../src/store/series';
import * as actions from '../../src/store/seriesActions';
import * as checkpoints from '../../src/store/seriesCheckpoints';
import type { SeriesInfo } from '../../src/worker/protocol';

vi.mock('../../src/store/seriesActions', () => ({
  exportSeries: vi.fn(() => Promise.resolve()),
  restoreSeriesLastGood: vi.fn(() => Promise.resolve()),
}));
vi.mock('../../src/store/seriesCheckpoints', () => ({
  refreshSeriesCheckpoints: vi.fn(() => Promise.resolve()),
  saveSeriesCheckpointNamed: vi.fn(() => Promise.resolve()),
  loadSeriesCheckpointNamed: vi.fn(() => Promise.resolve()),
  deleteSeriesCheckpointNamed: vi.fn(() => Promise.resolve()),
}));

afterEach(() => {
  resetStore();
  vi.clearAllMocks();
});

describe('SeriesExport', () => {
  test('the buttons wait for a model, then export the file and the script', () => {
    render(<SeriesExport />);
    const file = screen.getByRole('button', { name: 'Model file (.json)' });
    const script = screen.getByRole('button', { name: 'PyTorch script (.py)' });
    expect((file as HTMLButtonElement).disabled).toBe(true);
    expect((script as HTMLButtonElement).disabled).toBe(true);
    act(() => patchSlice('series', { info: { name: 'CO₂' } as SeriesInfo }));
    expect((file as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(file);
    fireEvent.click(script);
    expect(vi.mocked(actions.exportSeries).mock.calls).toEqual([['model'], ['script']]);
  });
});

describe('SeriesStepThrough', () => {
  test('links to the Forward pass view’s series entry once there is a model', () => {
    render(<SeriesStepThrough />);
    expect(screen.queryByRole('link')).toBeNull();
    act(() => patchSlice('series', { info: { name: 'CO₂' } as SeriesInfo }));
    const link = screen.getByRole('link', { name: 'Step through it in the Forward pass' });
    expect(link.getAttribute('href')).toBe('#/forward?model=series');
    expect(parseHash(link.getAttribute('href')!).problems).toEqual([]);
  });
});

describe('SeriesDiverged', () => {
  test('after a divergence offers the last good step, as it is or with a tenth of the rate', () => {
    render(<SeriesDiverged />);
    expect(screen.queryByRole('button')).toBeNull();
    act(() => patchSlice('series', { phase: 'diverged', lastGoodStep: 350, lr: 0.03 }));
    fireEvent.click(screen.getByRole('button', { name: 'Restore step 350' }));
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Restore and divide the learning rate by 10 (0.03 → 0.003)',
      }),
    );
    expect(vi.mocked(actions.restoreSeriesLastGood).mock.calls).toEqual([[], [0.1]]);
  });
});

describe('SeriesCheckpoints', () => {
  test('lists this run’s checkpoints with named buttons; a delete asks once more', () => {
    act(() => patchSlice('series', { info: { name: 'CO₂' } as SeriesInfo }));
    const key = seriesRunKey(appStore.getState().series);
    act(() =>
      patchSlice('series', {
        checkpoints: [
          { id: 'a', name: 'early', step: 40, savedAt: 0, choice: key },
          { id: 'b', name: 'other model', step: 9, savedAt: 0, choice: 'another' },
        ],
      }),
    );
    render(<SeriesCheckpoints />);
    expect(screen.queryByRole('button', { name: 'Load other model' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Load early' }));
    expect(vi.mocked(checkpoints.loadSeriesCheckpointNamed).mock.calls).toEqual([['a']]);
    fireEvent.click(screen.getByRole('button', { name: 'Delete early' }));
    expect(vi.mocked(checkpoints.deleteSeriesCheckpointNamed)).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Really delete early' }));
    expect(vi.mocked(checkpoints.deleteSeriesCheckpointNamed).mock.calls).toEqual([['a']]);
    expect(screen.getByText(/1 more was made from others/)).toBeDefined();
  });
});
