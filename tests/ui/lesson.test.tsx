// The guided lesson in the page: its contents, a chapter above the view it opens (text, question
// checked with a hint, neighbours), progress kept in this browser, the offer to a new visitor,
// and the links from a view to its chapters.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { i18n } from '../../src/app/i18n';
import { CHAPTERS } from '../../src/content/lesson';
import { LESSON_STORAGE_KEY } from '../../src/store/lessonActions';
import { appStore } from '../../src/store/store';
import { parseHash } from '../../src/store/url';
import { englishLeft } from './englishLeft';
import { renderApp } from './renderApp';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

const HOW_TO_ZH = '使用方法';
const card = () => screen.findByRole('complementary', {}, { timeout: 5000 });
const saved = () => JSON.parse(window.localStorage.getItem(LESSON_STORAGE_KEY) ?? 'null');

describe('the lesson', () => {
  test('lists every chapter, each link opening its view with its settings and the chapter', async () => {
    renderApp('#/lesson');
    await screen.findByRole('heading', { name: 'Chapters' }, { timeout: 5000 });
    const links = within(document.querySelector<HTMLElement>('.lesson__chapters')!).getAllByRole(
      'link',
    );
    expect(links).toHaveLength(CHAPTERS.length);
    expect(links[0]!.textContent).toBe('Sequences and the recurrent step');
    const { route, problems } = parseHash(links[0]!.getAttribute('href')!);
    expect(problems).toEqual([]);
    expect(route).toEqual({
      view: 'forward',
      params: { model: 'rnn', text: 'hello', t: 1, ch: 'step' },
    });
    expect(links[5]!.getAttribute('href')).toBe('#/gradients?gp=scale&gs=0.8&ch=vanishing');
    expect(screen.getByRole('link', { name: 'Start the lesson' }).getAttribute('href')).toBe(
      links[0]!.getAttribute('href'),
    );
    expect(screen.getByText('0 of 10 questions answered.')).toBeTruthy();
  });

  test('a chapter sits above its view: a wrong answer gets the hint, the right one is kept', async () => {
    renderApp('#/gradients?gp=scale&gs=0.8&ch=vanishing');
    const aside = await card();
    expect(within(aside).getByRole('heading', { name: 'Vanishing and exploding gradients' }));
    expect(within(aside).getByText('Lesson: chapter 6 of 10')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Gradient flow');
    expect(appStore.getState().gradients.params.s).toBe(0.8);

    const check = within(aside).getByRole('button', { name: 'Check' });
    fireEvent.click(check);
    expect(within(aside).getByRole('status').textContent).toBe('Pick an answer first.');
    fireEvent.click(within(aside).getByRole('radio', { name: 'It stays the same' }));
    fireEvent.click(check);
    expect(within(aside).getByRole('status').textContent).toMatch(
      /^Not quite\. Hint: Read the chart from right/,
    );
    expect(saved()).toEqual({ done: [], last: 'vanishing', offerDismissed: false });

    fireEvent.click(within(aside).getByRole('radio', { name: /^It shrinks/ }));
    fireEvent.click(check);
    expect(within(aside).getByRole('status').textContent).toMatch(/^Right\. Each step multiplies/);
    expect(saved()).toEqual({ done: ['vanishing'], last: 'vanishing', offerDismissed: false });

    const pages = within(aside).getByRole('navigation');
    expect(within(pages).getByRole('link', { name: '← Chapter 5' }).getAttribute('href')).toBe(
      '#/forward?model=rnn&text=hello&t=4&pass=backward&ch=bptt',
    );
    expect(within(pages).getByRole('link', { name: 'Chapter 7 →' }).getAttribute('href')).toBe(
      '#/gradients?gp=carousel&gbf=4&ch=gates',
    );
    // Leaving the lesson keeps the view as it is, without the chapter.
    expect(within(aside).getByRole('link', { name: 'Leave the lesson' }).getAttribute('href')).toBe(
      '#/gradients?gs=0.8',
    );
  });

  test('progress read back: the contents mark answered chapters and continue where the learner was', async () => {
    window.localStorage.setItem(
      LESSON_STORAGE_KEY,
      JSON.stringify({ done: ['step', 'nonsense', 'loss'], last: 'loss', offerDismissed: false }),
    );
    renderApp('#/lesson');
    const link = await screen.findByRole(
      'link',
      { name: 'Continue with chapter 3: The character model and its loss' },
      { timeout: 5000 },
    );
    expect(link.getAttribute('href')).toBe('#/forward?model=gru&text=the+cat+sat&t=3&ch=loss');
    expect(screen.getByText('2 of 10 questions answered.')).toBeTruthy();
    const answered = document.querySelectorAll('[data-chapter] .lesson__done');
    expect(Array.from(answered, (e) => e.closest('li')!.dataset.chapter)).toEqual(['step', 'loss']);

    fireEvent.click(screen.getByRole('button', { name: 'Forget my progress' }));
    expect(saved()).toEqual({ done: [], last: null, offerDismissed: false });
    expect(screen.getByRole('link', { name: 'Start the lesson' })).toBeTruthy();
  });

  test('a corrupt record of progress is an empty one', async () => {
    window.localStorage.setItem(LESSON_STORAGE_KEY, '{"done": 5');
    renderApp('#/lesson');
    expect(await screen.findByText('0 of 10 questions answered.', {}, { timeout: 5000 }));
  });

  test('a new visitor is offered the lesson until they take it or turn it down', async () => {
    renderApp('#/about');
    const offer = screen.getByRole('region', { name: 'Lesson' });
    expect(within(offer).getByRole('link', { name: 'Start the lesson' }).getAttribute('href')).toBe(
      '#/lesson',
    );
    fireEvent.click(within(offer).getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('region', { name: 'Lesson' })).toBeNull();
    expect(saved()).toEqual({ done: [], last: null, offerDismissed: true });
  });

  test('a view links to the chapters that use it; other views’ links drop the chapter', async () => {
    renderApp('#/gradients');
    const links = await screen.findByText('In the lesson:', { exact: false }, { timeout: 5000 });
    expect(
      within(links)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Chapter 6 Vanishing and exploding gradients',
      'Chapter 7 LSTM and GRU: gates that keep the gradient',
    ]);
    act(() => {
      window.location.hash = '#/gradients?gp=carousel&gbf=4&ch=gates';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await card();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav).getByRole('link', { name: 'Gradient flow' }).getAttribute('href'),
    ).not.toMatch(/ch=/);
    // Changing the language keeps the chapter in the page's own address.
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), {
      target: { value: 'zh-CN' },
    });
    expect(window.location.hash).toMatch(/&lang=zh-CN&ch=gates$/);
  });

  test('in Chinese: the contents and a chapter, with no English sentence left', async () => {
    renderApp('#/lesson?lang=zh-CN');
    expect(await screen.findByRole('link', { name: '开始学习' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('link', { name: '序列与循环的一步' }).getAttribute('href')).toBe(
      '#/forward?model=rnn&text=hello&t=1&lang=zh-CN&ch=step',
    );
    expect(englishLeft(screen.getByRole('main'))).toEqual([]);
    act(() => {
      window.location.hash = '#/about?lang=zh-CN&ch=attention';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    const aside = await card();
    expect(within(aside).getByRole('heading', { name: '注意力机制' })).toBeTruthy();
    // The view under the chapter has loaded.
    await screen.findByRole('heading', { name: HOW_TO_ZH }, { timeout: 5000 });
    fireEvent.click(within(aside).getByRole('radio', { name: '从右上到左下的反对角线' }));
    fireEvent.click(within(aside).getByRole('button', { name: '检查答案' }));
    await vi.waitFor(() =>
      expect(within(aside).getByRole('status').textContent).toMatch(/^答对了。/),
    );
    expect(englishLeft(aside)).toEqual([]);
  });
});
