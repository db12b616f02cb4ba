// The Time series view's export action: it asks the worker for the model file and script and
// downloads one, named after the series (or the learner's own file), the cell and the step; it
// does nothing while there is no model, and a refusal lands in the view's error.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { bindApp } from '../../src/store/engineAccess';
import { exportSeries } from '../../src/store/seriesActions';
import { appStore, patchSlice, resetStore } from '../../src/store/store';
import type { EngineClient } from '../../src/worker/client';
import type { SeriesInfo } from '../../src/worker/protocol';

const reply = {
  type: 'seriesExported',
  id: 1,
  json: '{"format":"unrolled-model"}',
  script: '#!/usr/bin/env python3\n',
  name: 'CO₂',
  step: 300,
};

function fakeEngine(fail = false) {
  const sent: { type: string }[] = [];
  const engine = {
    request(body: { type: string }) {
      sent.push(body);
      return fail ? Promise.reject(new Error('Choose a series first.')) : Promise.resolve(reply);
    },
    subscribe: () => () => undefined,
    dispose() {},
  } as unknown as EngineClient;
  return { engine, sent };
}

/** Downloads as { name, type, text }. */
function catchDownloads() {
  const blobs = new Map<string, Blob>();
  const files: Promise<{ name: string; type: string; text: string }>[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${blobs.size + 1}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href)!;
    const name = this.download;
    files.push(blob.text().then((text) => ({ name, type: blob.type, text })));
  });
  return files;
}

let unbind = () => {};
afterEach(() => {
  unbind();
  resetStore();
  vi.restoreAllMocks();
});

const info = { name: 'CO₂' } as SeriesInfo;

describe('exportSeries', () => {
  test('downloads the model file and the script, named after series, cell and step', async () => {
    const { engine, sent } = fakeEngine();
    unbind = bindApp(window, engine);
    patchSlice('series', { info, source: 'co2', cell: 'gru' });
    const files = catchDownloads();
    await exportSeries('model');
    await exportSeries('script');
    expect(sent).toEqual([{ type: 'seriesExport' }, { type: 'seriesExport' }]);
    expect(await Promise.all(files)).toEqual([
      { name: 'unrolled-series-co2-gru-step300.json', type: 'application/json', text: reply.json },
      { name: 'unrolled-series-co2-gru-step300.py', type: 'text/x-python', text: reply.script },
    ]);
  });

  test('an own file names the download', async () => {
    unbind = bindApp(window, fakeEngine().engine);
    patchSlice('series', {
      info,
      cell: 'lstm',
      own: { name: 'My Sales (2024).csv', text: '', column: null },
    });
    const files = catchDownloads();
    await exportSeries('model');
    expect((await files[0]!).name).toBe('unrolled-series-my-sales-2024-lstm-step300.json');
  });

  test('nothing happens while there is no model; a refusal is shown', async () => {
    const { engine, sent } = fakeEngine(true);
    unbind = bindApp(window, engine);
    await exportSeries('model');
    expect(sent).toEqual([]);
    patchSlice('series', { info });
    await exportSeries('script');
    expect(appStore.getState().series.error).toBe('Could not export: Choose a series first.');
  });
});
