// Setup for the jsdom tests (tests/ui and tests/store): a matchMedia shim, and a clean store,
// address, storage and document after every test.
// The interface's words, as the shell sets them up before any panel renders.
import '../../src/app/i18n';
import { MESSAGES } from '../../src/content/i18n/all';
import { addMessages } from '../../src/content/i18n/instance';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { resetStore } from '../../src/store/store';
import { installMatchMedia, resetMedia } from './media';

// The page loads Chinese when first used; the tests have it from the start.
addMessages('zh-CN', MESSAGES['zh-CN']);

const teardowns: (() => void)[] = [];

/** Registers something to undo after the current test (e.g. the function `startApp` returns). */
export function onTeardown(teardown: () => void): void {
  teardowns.push(teardown);
}

beforeEach(() => {
  installMatchMedia();
});

afterEach(() => {
  cleanup();
  for (const teardown of teardowns.splice(0).reverse()) teardown();
  resetStore();
  resetMedia();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.removeAttribute('style');
  document.title = '';
});
