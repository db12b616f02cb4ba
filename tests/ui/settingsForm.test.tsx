// The Training view's settings form is the engine's settings table: one control per row, in its
// order and group, named by its label, with its range or options, enabled when the row applies.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { applies, SETTING_ROWS, type SettingRow } from '../../src/engine/settings';
import { ControlsSection } from '../../src/panels/training/ControlsSection';
import type { ConfigState } from '../../src/store/config';
import { appStore } from '../../src/store/store';

const nameOf = (row: SettingRow) => (row.unit ? `${row.label} (${row.unit})` : row.label);
/** The accessible name: the label, then the unit (jsdom drops the space before it). */
const named = (row: SettingRow) =>
  new RegExp(`^${row.label}${row.unit ? `\\s?\\(${row.unit}\\)` : ''}$`);
const roleOf = (row: SettingRow) =>
  row.kind === 'choice'
    ? 'combobox'
    : row.kind === 'real' && row.scale === 'log'
      ? 'slider'
      : 'spinbutton';

function setConfig(patch: Partial<ConfigState>) {
  act(() => appStore.setState((s) => ({ config: { ...s.config, ...patch } })));
}

describe('the settings form', () => {
  test('has one control per row, in the table’s order, in its group', () => {
    render(<ControlsSection />);
    setConfig({ cell: 'rnn' }); // shows the nonlinearity too
    for (const [group, model] of [
      ['Model', true],
      ['Training (live)', false],
    ] as const) {
      const fieldset = screen.getByRole('group', { name: group });
      const labels = within(fieldset)
        .getAllByText((_, el) => el?.tagName === 'LABEL')
        .map((l) => l.textContent);
      const rows = SETTING_ROWS.filter(([, r]) => (r.change === 'model') === model);
      expect(labels).toEqual(rows.map(([, r]) => nameOf(r)));
    }
  });

  test.each(SETTING_ROWS)(
    '%s: its range or options, and enabled only when it applies',
    (_, row) => {
      render(<ControlsSection />);
      const when = row.appliesWhen;
      const configs: Partial<ConfigState>[] = [{}];
      if (when) configs.push({ [when.setting]: when.is ?? when.isNot });
      for (const patch of configs) {
        setConfig(patch);
        const config = appStore.getState().config;
        const on = applies(row, config);
        if (!on && when?.otherwise === 'hide') {
          expect(screen.queryByRole(roleOf(row), { name: named(row) })).toBeNull();
          continue;
        }
        const control = screen.getByRole(roleOf(row), { name: named(row) }) as HTMLInputElement;
        expect(control.disabled).toBe(!on);
        expect(control.closest('.field')?.getAttribute('title')).toBe(row.help);
        if (row.kind === 'choice') {
          const options = within(control).getAllByRole('option') as HTMLOptionElement[];
          expect(options.map((o) => o.value)).toEqual(row.options);
          expect(options.map((o) => o.textContent)).toEqual(row.options.map((o) => row.labels[o]));
        } else {
          const log = row.kind === 'real' && row.scale === 'log';
          expect(Number(control.min)).toBeCloseTo(log ? Math.log10(row.min) : row.min, 12);
          expect(Number(control.max)).toBeCloseTo(log ? Math.log10(row.max) : row.max, 12);
        }
      }
    },
  );

  test('a typed value outside the row’s range is put back, and the setting kept', () => {
    render(<ControlsSection />);
    const hidden = screen.getByRole('spinbutton', { name: /^Hidden size/ });
    fireEvent.change(hidden, { target: { value: '4096' } });
    fireEvent.blur(hidden);
    expect((hidden as HTMLInputElement).value).toBe('64');
    expect(appStore.getState().config.hiddenSize).toBe(64);
    setConfig({ optimizer: 'adamw' });
    const decay = screen.getByRole('spinbutton', { name: 'Weight decay' });
    fireEvent.change(decay, { target: { value: '1.5' } });
    fireEvent.keyDown(decay, { key: 'Enter' });
    expect((decay as HTMLInputElement).value).toBe('0');
    expect(appStore.getState().config.weightDecay).toBe(0);
  });

  // A refused value used to go back without a word (and, through the store, could reach the
  // address and the saved run). Now it goes back with the engine's message, and nothing changes.
  test.each(['1e-7', '1e7'])(
    'a refused clip threshold (%s) goes back, with the message',
    (typed) => {
      render(<ControlsSection />);
      const address = window.location.href;
      const clip = screen.getByRole('spinbutton', { name: /^Clip threshold/ });
      fireEvent.change(clip, { target: { value: typed } });
      fireEvent.blur(clip);
      expect((clip as HTMLInputElement).value).toBe('5');
      expect(appStore.getState().config.clipThreshold).toBe(5);
      expect(appStore.getState().training.error).toMatch(
        /^Could not change the setting: The clipping threshold .+/,
      );
      expect(window.location.href).toBe(address);
    },
  );
});
