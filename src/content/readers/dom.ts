/**
 * What the approximate readers share: they read a notifications page the person opened, from its
 * DOM, and make no request of their own (X's terms forbid scraping and LinkedIn watches for
 * extensions: only what the page already shows). Selectors drift; each is a hint, and a page
 * that shows nothing recognisable yields no items rather than a guess.
 */

/** How long the list must stay unchanged before it is read, and the longest wait for it. */
const QUIET_MS = 600;
const TIMEOUT_MS = 8000;

/**
 * The elements matching `selector` once the page has rendered them (single-page apps fill the
 * list after load): when at least one is there and the page has been quiet for a moment, or at
 * the timeout with whatever is there.
 */
export function whenListed(
  doc: Document,
  selector: string,
  { quietMs = QUIET_MS, timeoutMs = TIMEOUT_MS } = {},
): Promise<Element[]> {
  const win = doc.defaultView;
  const list = () => Array.from(doc.querySelectorAll(selector));
  if (!win) return Promise.resolve(list());
  return new Promise((resolve) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      observer.disconnect();
      clearTimeout(quiet);
      clearTimeout(deadline);
      resolve(list());
    };
    const settle = () => {
      clearTimeout(quiet);
      if (doc.querySelector(selector)) quiet = setTimeout(done, quietMs);
    };
    const observer = new win.MutationObserver(settle);
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    const deadline = setTimeout(done, timeoutMs);
    settle();
  });
}

/** The text of an element, whitespace folded. */
export const textIn = (el: Element | null | undefined): string =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** An absolute URL for an href on this page, or undefined. */
export function absolute(href: string | null | undefined, base: URL): URL | undefined {
  if (!href) return undefined;
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/**
 * The actor and the quoted words of a notification sentence: `Dana Ruiz commented on your post:
 * "Which dataset?"` → name "Dana Ruiz", text "Which dataset?". Undefined parts are absent.
 */
export function sentence(text: string): { name?: string; quote?: string } {
  const name = /^(.+?)\s+(?:commented|replied|mentioned|tagged|quoted|responded)\b/i.exec(text)?.[1];
  const quote = /[:：]\s*[“"«](.+?)[”"»]/.exec(text)?.[1] ?? /[:：]\s*(.+)$/.exec(text)?.[1];
  return { ...(name ? { name: name.trim() } : {}), ...(quote ? { quote: quote.trim() } : {}) };
}

/** The nearest ancestor of `el` (itself included, at most `levels` up) that matches `selector`. */
export function upTo(el: Element, selector: string, levels = 8): Element | null {
  let at: Element | null = el;
  for (let i = 0; at && i <= levels; i++, at = at.parentElement) if (at.matches(selector)) return at;
  return null;
}

/** The nearest ancestor of `el` (at most `levels` up) containing an element matching `selector`. */
export function around(el: Element, selector: string, levels = 6): Element | null {
  let at: Element | null = el.parentElement;
  for (let i = 0; at && i < levels; i++, at = at.parentElement) if (at.querySelector(selector)) return at;
  return null;
}
