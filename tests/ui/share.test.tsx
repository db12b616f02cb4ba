// Links a teacher can send: Copy link puts the page's whole address on the clipboard (or shows it
// to copy by hand); embed=1 shows the view alone with a link to the full app; the teacher's keys
// stay in the page's address but not in links to other views.
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { renderApp } from './renderApp';

afterEach(() => {
  vi.restoreAllMocks();
});

function mockClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(window.navigator, 'clipboard', {
    value: { writeText },
    configurable: true,
  });
}

describe('links a teacher can send', () => {
  test('Copy link copies the whole address of the page as it is', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    mockClipboard(writeText);
    renderApp('#/gradients?gp=carousel&gbf=4&ch=gates&lang=en');
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText('Link copied.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(
      `${window.location.origin}/#/gradients?gp=carousel&gbf=4&lang=en&ch=gates`,
    );
  });

  test('when the clipboard refuses, the link is shown to copy by hand', async () => {
    mockClipboard(() => Promise.reject(new Error('denied')));
    renderApp('#/about?lang=zh-CN');
    fireEvent.click(screen.getByRole('button', { name: '复制链接' }));
    const field = await screen.findByRole('textbox', { name: '要复制的链接' });
    expect((field as HTMLInputElement).value).toBe(`${window.location.origin}/#/about?lang=zh-CN`);
  });

  test('embed=1 shows the view without header, footer or lesson offer, linking to the full app', async () => {
    renderApp('#/gradients?gs=1.2&embed=1');
    expect(screen.queryByRole('banner')).toBeNull();
    expect(screen.queryByRole('contentinfo')).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Lesson' })).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Gradient flow');
    const open = screen.getByRole('link', { name: 'Open in Unrolled ↗' });
    expect(open.getAttribute('target')).toBe('_blank');
    expect(open.getAttribute('href')).toBe(`${window.location.origin}/#/gradients?gs=1.2`);
    // The page's own address keeps embed when the view writes its settings.
    act(() => {
      window.location.hash = '#/gradients?gs=1.3&embed=1';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    fireEvent.focus(open);
    expect(open.getAttribute('href')).toBe(`${window.location.origin}/#/gradients?gs=1.3`);
  });

  test('a bad embed or hide value is ignored with a notice', () => {
    renderApp('#/about?embed=yes&hide=Bad%20Name');
    expect(screen.getByRole('banner')).toBeTruthy();
    const notice = document.querySelector('.notice p');
    expect(notice?.textContent).toBe(
      'Ignored embed=“yes”, which is not a valid value. Ignored hide=“Bad Name”, which is not a valid value.',
    );
    expect(window.location.hash).toBe('#/about');
  });
});
