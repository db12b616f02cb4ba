// The shell's messages in Chinese: what the notice line says about an address it could not use
// (in the language the address names, or the browser's), the engine's status line with the
// client's reasons in words, a switch of language rewriting the status, and a view that failed.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ErrorBoundary } from '../../src/app/ErrorBoundary';
import { i18n } from '../../src/app/i18n';
import { parseHash } from '../../src/store/url';
import { createEngineClient, type EnginePort } from '../../src/worker/client';
import { handleMessage } from '../../src/worker/handler';
import { englishLeft } from './englishLeft';
import { fakeEngine } from './fakeEngine';
import { renderApp } from './renderApp';

// The notice line: the first live region of <main> (a view may have its own).
const notice = () => within(screen.getByRole('main')).getAllByRole('status')[0]!;
const footer = () => screen.getByRole('contentinfo');
const statusLine = () => within(footer()).getByRole('status');

afterEach(async () => {
  vi.restoreAllMocks();
  await i18n.changeLanguage('en');
});

describe('the notice line in Chinese', () => {
  test('names the settings the address could not use, in the language it names', () => {
    renderApp('#/about?lang=zh-CN&colour=red&cell=banana');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('关于 Unrolled');
    expect(notice().textContent).toBe(
      '已忽略未知的设置“colour”。已忽略 cell=“banana”：这不是有效的值。关闭',
    );
    expect(englishLeft(notice())).toEqual([]);
    expect(window.location.hash).toBe('#/about?lang=zh-CN');
    fireEvent.click(within(notice()).getByRole('button', { name: '关闭' }));
    expect(notice().textContent).toBe('');
  });

  test('a page that does not exist, in the browser’s language', () => {
    vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['zh-CN', 'en']);
    renderApp('#/nonsense');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('前向传播');
    expect(within(notice()).getByText('“nonsense”不是 Unrolled 中的页面。')).toBeTruthy();
    expect(englishLeft(notice())).toEqual([]);
  });

  test('the parser writes its notes in the language asked for, English by default', () => {
    const long = `#/${'x'.repeat(3000)}`;
    expect(parseHash(long, 'zh-CN').problems).toEqual(['地址太长，无法读取。']);
    expect(parseHash(long).problems).toEqual(['The address was too long to read.']);
    expect(parseHash('#/train?seed=x', 'zh-CN').problems).toEqual([
      '已忽略 seed=“x”：这不是有效的值。',
    ]);
  });
});

describe('the engine status in Chinese', () => {
  test('starting, ready, restarting and ready again with a note', async () => {
    const engine = fakeEngine();
    renderApp('#/about?lang=zh-CN', engine);
    expect(statusLine().textContent).toBe('正在启动引擎…');
    await act(async () => engine.resolvePing('test-engine 9'));
    expect(statusLine().textContent).toBe('引擎就绪（test-engine 9）');
    act(() => engine.happen({ type: 'restarted', reason: 'stopped answering' }));
    expect(statusLine().textContent).toBe('引擎停止响应；正在重启…');
    await act(async () => engine.resolvePing('test-engine 9'));
    expect(statusLine().textContent).toBe('引擎就绪（test-engine 9）；它曾停止响应，已重启');
    expect(englishLeft(footer())).toEqual([]);
    // The worker's own words about its error stay as it wrote them.
    act(() => engine.happen({ type: 'recovered', message: 'Uncaught Error: oops' }));
    expect(statusLine().textContent).toMatch(/^引擎就绪（test-engine 9）；它报告了一个错误/);
  });

  test('a ping that fails, and an engine lost for good', async () => {
    const engine = fakeEngine();
    renderApp('#/about?lang=zh-CN', engine);
    await act(async () => engine.rejectPing(new Error('no reply to “ping” after 10000 ms')));
    expect(statusLine().textContent).toBe('引擎启动失败：“ping”在 10000 毫秒内没有回应');
    expect(englishLeft(footer())).toEqual([]);
    act(() =>
      engine.happen({
        type: 'lost',
        reason: 'the engine stopped answering and was restarted too often',
      }),
    );
    expect(statusLine().textContent).toBe('引擎已不可用：引擎停止响应，且重启次数过多');
    expect(englishLeft(footer())).toEqual([]);
  });

  test('a worker that cannot be created, and one that answers: how it computes', async () => {
    const broken = createEngineClient({
      createPort: () => {
        throw new Error('Worker is not defined');
      },
    });
    renderApp('#/about?lang=zh-CN', broken);
    expect(
      await screen.findByText('引擎启动失败：无法创建 worker（Worker is not defined）'),
    ).toBeTruthy();
  });

  test('the real client and handler: plain JavaScript in words', async () => {
    const port: EnginePort = {
      listen: (handlers) => {
        port.post = (message) => handleMessage(message, (reply) => handlers.message(reply));
      },
      post: () => {},
      close: () => {},
    };
    renderApp('#/about?lang=zh-CN', createEngineClient({ createPort: () => port }));
    expect(await screen.findByText('引擎就绪（unrolled-engine 1，纯 JavaScript）')).toBeTruthy();
  });

  test('switching the language rewrites the status', async () => {
    const engine = fakeEngine();
    renderApp('#/about', engine);
    await act(async () => engine.resolvePing('test-engine 9'));
    act(() => engine.happen({ type: 'recovered', message: 'Uncaught Error: oops' }));
    expect(statusLine().textContent).toBe(
      'Engine ready (test-engine 9); it reported an error and carries on (Uncaught Error: oops)',
    );
    act(() => {
      fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), {
        target: { value: 'zh-CN' },
      });
    });
    expect(statusLine().textContent).toBe(
      '引擎就绪（test-engine 9）；它报告了一个错误，但仍在运行（Uncaught Error: oops）',
    );
  });
});

describe('a view that failed, in Chinese', () => {
  function Broken(): never {
    throw new Error('boom');
  }

  test('says so and offers to reload', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await i18n.changeLanguage('zh-CN');
    const { container } = render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('无法显示这个视图：boom');
    expect(screen.getByRole('button', { name: '重新加载页面' })).toBeTruthy();
    expect(englishLeft(container)).toEqual([]);
  });
});
