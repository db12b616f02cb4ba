import { act, fireEvent, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadKatex } from '../../src/viz/katex';
import { renderApp } from './renderApp';

// Load KaTeX up front so the About page's equations render without suspending.
beforeAll(async () => {
  await loadKatex();
});

/** Runs `change` (a click, a hash write, Back) and waits, inside act, for the hashchange. */
async function untilHashChange(change: () => void): Promise<void> {
  await act(async () => {
    const changed = new Promise((resolve) => {
      window.addEventListener('hashchange', resolve, { once: true });
    });
    change();
    await changed;
  });
}

const LINKS = [
  ['Lesson', '#/lesson', 'The guided lesson'],
  ['Forward pass', '#/forward', 'Forward pass'],
  ['Training', '#/train', 'Training'],
  ['Gradient flow', '#/gradients', 'Gradient flow'],
  ['Time series', '#/series', 'Time series'],
  ['Tagging', '#/tagging', 'Tagging'],
  ['Attention', '#/attention', 'Attention'],
  ['About', '#/about', 'About Unrolled'],
] as const;

function nav() {
  return within(screen.getByRole('navigation', { name: 'Main' }));
}

function pageHeading() {
  return within(screen.getByRole('main')).getByRole('heading', { level: 1 });
}

describe('layout', () => {
  test('has the landmarks, the app name and a skip link', () => {
    renderApp();
    expect(screen.getByRole('banner')).toHaveProperty(
      'textContent',
      expect.stringContaining('Unrolled'),
    );
    expect(screen.getByRole('main').id).toBe('main');
    expect(screen.getByRole('contentinfo')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Skip to content' }).getAttribute('href')).toBe(
      '#main',
    );
  });

  test('the skip link focuses <main> without changing the address', () => {
    renderApp('#/train');
    fireEvent.click(screen.getByRole('link', { name: 'Skip to content' }));
    expect(document.activeElement).toBe(screen.getByRole('main'));
    expect(window.location.hash).toBe('#/train');
    expect(pageHeading().textContent).toBe('Training');
  });
});

describe('navigation', () => {
  test('renders the eight links with their names, addresses and the current page', () => {
    renderApp();
    const links = nav().getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(LINKS.map(([name]) => name));
    expect(links.map((link) => link.getAttribute('href'))).toEqual(LINKS.map(([, href]) => href));
    expect(links.map((link) => link.getAttribute('aria-current'))).toEqual([
      null,
      'page',
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  test.each(LINKS)(
    'clicking “%s” changes the address, the view and the title',
    async (name, href, heading) => {
      renderApp(name === 'Forward pass' ? '#/about' : '');
      await untilHashChange(() => fireEvent.click(nav().getByRole('link', { name })));
      expect(window.location.hash).toBe(href);
      expect(pageHeading().textContent).toBe(heading);
      expect(nav().getByRole('link', { name }).getAttribute('aria-current')).toBe('page');
      expect(document.title).toBe(`${name} — Unrolled`);
      expect(document.activeElement).toBe(pageHeading());
    },
  );

  test('each view loads its panel', async () => {
    renderApp('#/gradients');
    expect(
      await screen.findByText(/make gradients vanish or explode/, {}, { timeout: 5000 }),
    ).toBeTruthy();
    await untilHashChange(() => {
      window.location.hash = '#/train';
    });
    expect(
      await screen.findByText(/train a small character model live/, {}, { timeout: 5000 }),
    ).toBeTruthy();
  });

  test('follows hash changes made by Back and Forward', async () => {
    renderApp('#/forward');
    await untilHashChange(() => {
      window.location.hash = '#/train';
    });
    expect(pageHeading().textContent).toBe('Training');
    await untilHashChange(() => window.history.back());
    expect(pageHeading().textContent).toBe('Forward pass');
    expect(nav().getByRole('link', { name: 'Forward pass' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  test("each view's link keeps that view's settings", () => {
    renderApp('#/train?cell=gru&seed=7');
    expect(nav().getByRole('link', { name: 'Training' }).getAttribute('href')).toBe(
      '#/train?cell=gru&seed=7',
    );
    expect(nav().getByRole('link', { name: 'About' }).getAttribute('href')).toBe('#/about');
  });
});

describe('a bad address', () => {
  test.each([
    ['#/nonsense', /“nonsense” is not a page/],
    ['#%%%', /“%%%” is not a page/],
    [`#/${'x'.repeat(5000)}`, /too long/],
  ])('%s shows the default view with a dismissible notice', async (hash, message) => {
    renderApp(hash);
    expect(pageHeading().textContent).toBe('Forward pass');
    const notice = within(screen.getByRole('main')).getAllByRole('status')[0]!;
    expect(notice.textContent).toMatch(message);
    expect(window.location.hash).toBe('#/forward');
    expect(await screen.findByText(/step through a real network/)).toBeTruthy();

    fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(notice.textContent).toBe('');
  });

  test('typed while the app runs, it shows the notice too', async () => {
    renderApp('#/about');
    await untilHashChange(() => {
      window.location.hash = '#/nope';
    });
    expect(pageHeading().textContent).toBe('Forward pass');
    expect(within(screen.getByRole('main')).getAllByRole('status')[0]!.textContent).toMatch(
      /“nope” is not a page/,
    );
  });

  test('a bad setting keeps the view and names what was ignored', () => {
    renderApp('#/train?cell=banana');
    expect(pageHeading().textContent).toBe('Training');
    expect(within(screen.getByRole('main')).getAllByRole('status')[0]!.textContent).toMatch(
      /cell=“banana”/,
    );
    expect(window.location.hash).toBe('#/train');
  });
});

describe('the About page', () => {
  test('credits the data and renders the LSTM equation with KaTeX', async () => {
    renderApp('#/about');
    expect(await screen.findByText(/1,115,394 characters of Shakespeare/)).toBeTruthy();
    expect(screen.getByText(/唐詩三百首/)).toBeTruthy();
    expect(screen.getByText(/© 2016 JackeyGao/)).toBeTruthy();
    const annotation = document.querySelector('.equation--display annotation');
    expect(annotation?.textContent).toBe('c_t = f_t \\odot c_{t-1} + i_t \\odot g_t');
  });
});
