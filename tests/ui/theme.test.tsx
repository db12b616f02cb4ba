import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { THEME_STORAGE_KEY } from '../../src/store/actions';
import { DARK, setMediaPreference } from './media';
import { renderApp } from './renderApp';

const theme = () => document.documentElement.dataset.theme;

describe('the theme toggle', () => {
  test('flips data-theme, its own name, and persists the choice', () => {
    renderApp();
    expect(theme()).toBe('light');
    fireEvent.click(screen.getByRole('button', { name: 'Switch to dark theme' }));
    expect(theme()).toBe('dark');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    fireEvent.click(screen.getByRole('button', { name: 'Switch to light theme' }));
    expect(theme()).toBe('light');
    expect(window.localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
  });

  test('a saved choice is applied on the next visit', () => {
    renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Switch to dark theme' }));
    cleanup();
    document.documentElement.removeAttribute('data-theme');

    renderApp();
    expect(theme()).toBe('dark');
    expect(screen.getByRole('button', { name: 'Switch to light theme' })).toBeTruthy();
  });

  test('without a choice it follows the system preference, live', () => {
    setMediaPreference(DARK, true);
    renderApp();
    expect(theme()).toBe('dark');
    act(() => setMediaPreference(DARK, false));
    expect(theme()).toBe('light');
    expect(screen.getByRole('button', { name: 'Switch to dark theme' })).toBeTruthy();
  });
});
