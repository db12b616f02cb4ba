// The race section of the Gradient flow view: the legend names both models with their budgets,
// the buttons call the race actions, the curves follow the store, and leaving stops the race.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { RaceSection } from '../../src/panels/gradients/RaceSection';
import { appStore } from '../../src/store/store';
import * as actions from '../../src/store/raceActions';
import { showRace } from './copyRace';

vi.mock('../../src/store/raceActions', () => ({
  startRace: vi.fn(() => Promise.resolve()),
  pauseRace: vi.fn(() => Promise.resolve()),
  resetRace: vi.fn(() => Promise.resolve()),
  leaveRace: vi.fn(),
}));

const RNN = 'RNN, H = 67, 6,243 parameters';
const LSTM = 'LSTM, H = 32, 6,284 parameters';

beforeEach(() => vi.clearAllMocks());

describe('the race section', () => {
  test('names both racers in each chart’s legend, with chance marked', () => {
    render(<RaceSection delay={10} />);
    expect(screen.getByRole('heading', { name: 'Race: a plain RNN against an LSTM' })).toBeTruthy();
    const legends = document.querySelectorAll('.chart-legend');
    expect(legends).toHaveLength(2);
    for (const legend of legends) {
      const items = within(legend as HTMLElement).getAllByRole('listitem');
      expect(items.map((i) => i.textContent)).toEqual([RNN, LSTM]);
    }
    expect(screen.getByText('chance')).toBeTruthy();
    expect(screen.getByTestId('race-status').textContent).toBe('Ready: press Start.');
    expect(screen.getByText(/Both models learn copy10: a letter, 10 fillers/)).toBeTruthy();
  });

  test('Start, Pause and Reset call the actions with the task the delay picks', () => {
    render(<RaceSection delay={50} />);
    // A delay of 50 is raced on copy10, and the section says so.
    expect(screen.getByText(/the race keeps to 10, where the answer is plain/)).toBeTruthy();
    const pause = screen.getByRole('button', { name: 'Pause' }) as HTMLButtonElement;
    expect(pause.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    expect(actions.startRace).toHaveBeenCalledWith('copy10');
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(actions.resetRace).toHaveBeenCalledWith('copy10');
    act(() => showRace(100, [0, 0.1, 0.1], [0, 0.3, 0.7]));
    expect(pause.disabled).toBe(false);
    fireEvent.click(pause);
    expect(actions.pauseRace).toHaveBeenCalledTimes(1);
  });

  test('the curves and the status follow the store; leaving the view leaves the race', () => {
    const { unmount } = render(<RaceSection delay={10} />);
    act(() => showRace(100, [0, 0.1, 0.1], [0, 0.3, 0.7]));
    expect(screen.getByTestId('race-status').textContent).toBe(
      'Racing: step 100 of 2,000, 42 steps/s.',
    );
    const paths = document.querySelectorAll('.line-chart path');
    expect(paths).toHaveLength(4); // two racers in each of the two charts
    for (const p of paths) expect((p.getAttribute('d') ?? '').split('L')).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: /^Show data: Recall accuracy/ }));
    const table = screen.getByRole('table', { name: /Recall accuracy of each model/ });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      `step${RNN}${LSTM}`,
      '000',
      '500.10.3',
      '1000.10.7',
    ]);
    expect(appStore.getState().gradients.race.step).toBe(100);
    unmount();
    expect(actions.leaveRace).toHaveBeenCalledTimes(1);
  });
});
