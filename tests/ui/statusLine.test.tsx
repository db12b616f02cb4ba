import { act, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { handleMessage } from '../../src/worker/handler';
import { createEngineClient, type EnginePort } from '../../src/worker/client';
import { fakeEngine } from './fakeEngine';
import { renderApp } from './renderApp';

const statusLine = () => within(screen.getByRole('contentinfo')).getByRole('status');

describe('the engine status line', () => {
  test('says the engine is starting, then ready when it answers the ping', async () => {
    const engine = fakeEngine();
    renderApp('', engine);
    expect(engine.requests).toEqual(['ping']);
    expect(statusLine().textContent).toBe('Starting engine…');
    await act(async () => engine.resolvePing('test-engine 9'));
    expect(statusLine().textContent).toBe('Engine ready (test-engine 9)');
  });

  test('shows the error when the ping fails', async () => {
    const engine = fakeEngine();
    renderApp('', engine);
    await act(async () => engine.rejectPing(new Error('no reply to “ping” after 10000 ms')));
    expect(statusLine().textContent).toBe(
      'Engine failed to start: no reply to “ping” after 10000 ms',
    );
  });

  test('shows an error the worker reports later', async () => {
    const engine = fakeEngine();
    renderApp('', engine);
    await act(async () => engine.resolvePing('test-engine 9'));
    act(() => engine.push({ type: 'error', id: null, message: 'out of memory' }));
    expect(statusLine().textContent).toBe('Engine error: out of memory');
  });

  test('says when the engine restarts, and that it did once the new one answers', async () => {
    const engine = fakeEngine();
    renderApp('', engine);
    await act(async () => engine.resolvePing('test-engine 9'));
    act(() => engine.happen({ type: 'restarted', reason: 'stopped answering' }));
    expect(statusLine().textContent).toBe('Engine stopped answering; restarting it…');
    await act(async () => engine.resolvePing('test-engine 9'));
    expect(statusLine().textContent).toBe(
      'Engine ready (test-engine 9); restarted after it stopped answering',
    );
  });

  test('an error the engine survived leaves it ready, and says so', async () => {
    const engine = fakeEngine();
    renderApp('', engine);
    await act(async () => engine.resolvePing('test-engine 9'));
    act(() => engine.happen({ type: 'recovered', message: 'Uncaught Error: oops' }));
    expect(statusLine().textContent).toBe(
      'Engine ready (test-engine 9); it reported an error and carries on (Uncaught Error: oops)',
    );
  });

  test('with the real client and handler behind a fake port, it becomes ready', async () => {
    const port: EnginePort = {
      listen: (handlers) => {
        port.post = (message) => handleMessage(message, (reply) => handlers.message(reply));
      },
      post: () => {},
      close: () => {},
    };
    renderApp('', createEngineClient({ createPort: () => port }));
    expect(
      await screen.findByText('Engine ready (unrolled-engine 1, plain JavaScript)'),
    ).toBeTruthy();
  });

  test('with a worker that cannot be created, it says so', async () => {
    const engine = createEngineClient({
      createPort: () => {
        throw new Error('Worker is not defined');
      },
    });
    renderApp('', engine);
    expect(
      await screen.findByText(
        'Engine failed to start: could not create the worker (Worker is not defined)',
      ),
    ).toBeTruthy();
  });
});
