// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { lightness, pageScheme } from '../../../src/content/card/scheme.ts';

afterEach(() => {
  document.body.replaceChildren();
  document.head.replaceChildren();
  document.documentElement.removeAttribute('style');
  document.body.removeAttribute('style');
  vi.restoreAllMocks();
});

describe('lightness of a computed colour', () => {
  test('rgb and rgba in both syntaxes, and CSS Color 4 spaces', () => {
    expect(lightness('rgb(255, 255, 255)')).toBeCloseTo(1, 2);
    expect(lightness('rgb(0, 0, 0)')).toBe(0);
    expect(lightness('rgb(21, 32, 43)')!).toBeLessThan(0.2); // X's dim blue
    expect(lightness('rgb(243, 242, 239)')!).toBeGreaterThan(0.9); // LinkedIn's feed
    expect(lightness('rgb(119, 119, 119)')!).toBeCloseTo(0.5, 1);
    expect(lightness('rgb(20 20 20 / 0.9)')!).toBeLessThan(0.1);
    expect(lightness('color(srgb 1 1 1)')).toBeCloseTo(1, 2);
    expect(lightness('oklch(0.2 0.02 250)')).toBe(0.2);
    expect(lightness('lab(90 0 0)')).toBe(0.9);
  });

  test('see-through colours say nothing; unknown syntax neither', () => {
    expect(lightness('rgba(0, 0, 0, 0)')).toBeNull();
    expect(lightness('rgba(255, 255, 255, 0.2)')).toBeNull();
    expect(lightness('rgb(0 0 0 / 10%)')).toBeNull();
    expect(lightness('transparent')).toBeNull();
    expect(lightness('')).toBeNull();
  });
});

describe("the page's scheme, not the OS's", () => {
  const prefersDark = (dark: boolean) =>
    vi
      .spyOn(window, 'matchMedia')
      .mockImplementation(
        (query: string) => ({ matches: dark && query.includes('dark'), media: query }) as MediaQueryList,
      );

  function editorIn(html: string): Element {
    document.body.innerHTML = html;
    return document.querySelector('[contenteditable]')!;
  }

  test('a dark page background behind the editor is dark, in a light OS', () => {
    prefersDark(false);
    const editor = editorIn(
      '<main style="background-color: rgb(21, 32, 43)"><div><div contenteditable="true"></div></div></main>',
    );
    expect(pageScheme(document, editor)).toBe('dark');
  });

  test('a light page is light in a dark OS, even when it declares nothing', () => {
    prefersDark(true);
    const editor = editorIn('<div><div contenteditable="true"></div></div>');
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    expect(pageScheme(document, editor)).toBe('light');
    document.body.style.backgroundColor = '';
    // Nothing painted anywhere: the canvas is white for a page that declares no scheme.
    expect(pageScheme(document, editor)).toBe('light');
  });

  test('the first opaque background up the tree decides; the editor box itself does not', () => {
    prefersDark(false);
    const editor = editorIn(
      '<section style="background-color: rgb(250, 250, 250)">' +
        '<div style="background-color: rgba(0, 0, 0, 0.1)">' +
        '<textarea contenteditable="true" style="background-color: rgb(0, 0, 0)"></textarea></div></section>',
    );
    document.body.style.backgroundColor = 'rgb(0, 0, 0)';
    expect(pageScheme(document, editor)).toBe('light');
  });

  test('an editor inside a shadow root looks past the root to its host', () => {
    prefersDark(false);
    document.body.innerHTML =
      '<div id="app" style="background-color: rgb(18, 18, 18)"><x-composer></x-composer></div>';
    const host = document.querySelector('x-composer')!;
    const editor = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('div'));
    expect(pageScheme(document, editor)).toBe('dark');
  });

  test('with no background, the declared color-scheme decides: CSS on the root, then the meta tag', () => {
    prefersDark(false);
    const editor = editorIn('<div contenteditable="true"></div>');
    const meta = document.head.appendChild(document.createElement('meta'));
    meta.name = 'color-scheme';
    meta.content = 'dark';
    expect(pageScheme(document, editor)).toBe('dark');
    meta.content = 'light dark';
    expect(pageScheme(document, editor)).toBe('light');
    prefersDark(true);
    expect(pageScheme(document, editor)).toBe('dark');
    document.documentElement.style.setProperty('color-scheme', 'light');
    expect(pageScheme(document, editor)).toBe('light');
  });
});
