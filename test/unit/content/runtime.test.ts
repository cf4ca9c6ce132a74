import { afterEach, expect, test } from 'vitest';
import { runtime } from '../../../src/content/runtime.ts';

type Globals = { browser?: unknown; chrome?: unknown };
const g = globalThis as Globals;

afterEach(() => {
  delete g.browser;
  delete g.chrome;
});

test("uses Firefox's `browser.runtime` when present, else Chromium's `chrome.runtime`", () => {
  const firefox = { id: 'ff', sendMessage: async () => 'ff' };
  const chromium = { id: 'cr', sendMessage: async () => 'cr' };
  g.chrome = { runtime: chromium };
  expect(runtime()).toBe(chromium);
  g.browser = { runtime: firefox };
  expect(runtime()).toBe(firefox);
});

test('is undefined when the extension API is gone', () => {
  expect(runtime()).toBeUndefined();
  g.chrome = {};
  expect(runtime()).toBeUndefined();
});
