/**
 * Light or dark, as the page looks behind the editor, not as the OS prefers: a light site in a
 * dark OS stays light (and the other way round). The first ancestor with an opaque background
 * decides by its lightness; with none, the page's declared `color-scheme` (CSS or meta) does, as
 * it does for the browser's canvas. Read once when the card opens, never while someone types.
 */

export type Scheme = 'light' | 'dark';

/** Lightness from 0 (black) to 1 (white), roughly CIE L*, or null for a see-through colour. */
export function lightness(color: string): number | null {
  const m = /^(rgba?|color|lab|lch|oklab|oklch)\((.*)\)$/i.exec(color.trim());
  if (!m) return null;
  const fn = m[1]!.toLowerCase();
  // `color(srgb r g b / a)` names its space first; the legacy syntax uses commas.
  const parts = m[2]!
    .replace(/^\s*[a-z][\w-]*\s+/i, '')
    .split(/[\s,/]+/)
    .filter(Boolean);
  const value = (part: string | undefined, scale: number) =>
    part === undefined ? NaN : part.endsWith('%') ? parseFloat(part) / 100 : parseFloat(part) / scale;
  const alpha = parts.length > 3 ? value(parts[3], 1) : 1;
  if (!(alpha >= 0.5)) return null;
  if (fn === 'lab' || fn === 'lch') return value(parts[0], 100) || 0;
  if (fn === 'oklab' || fn === 'oklch') return value(parts[0], 1) || 0;
  const scale = fn === 'color' ? 1 : 255;
  const linear = (part: string | undefined) => {
    const c = Math.min(1, Math.max(0, value(part, scale) || 0));
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const y = 0.2126 * linear(parts[0]) + 0.7152 * linear(parts[1]) + 0.0722 * linear(parts[2]);
  return y > 0.008856 ? 1.16 * Math.cbrt(y) - 0.16 : 9.033 * y;
}

/** The element behind `el`: its parent, or the host of the shadow root it sits in. */
function behind(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root && 'host' in root ? (root as ShadowRoot).host : null;
}

/**
 * The scheme of the page around `editor` (the card opens beside it, over the page rather than
 * over the box itself, which the browser often paints white whatever the page).
 */
export function pageScheme(doc: Document, editor: Element | null): Scheme {
  const view = doc.defaultView;
  if (!view) return 'light';
  for (
    let el: Element | null = (editor && behind(editor)) ?? doc.body ?? doc.documentElement;
    el;
    el = behind(el)
  ) {
    const l = lightness(view.getComputedStyle(el).backgroundColor);
    if (l !== null) return l < 0.5 ? 'dark' : 'light';
  }
  // Nothing opaque: the canvas shows, in the scheme the page declares (CSS on the root first,
  // then the meta tag), and light when it declares none, whatever the OS prefers.
  const css = doc.documentElement ? view.getComputedStyle(doc.documentElement).colorScheme : '';
  const declared =
    css && css !== 'normal'
      ? css
      : (doc.querySelector('meta[name="color-scheme"]')?.getAttribute('content') ?? '');
  if (!/\bdark\b/.test(declared)) return 'light';
  if (!/\blight\b/.test(declared)) return 'dark';
  return view.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
