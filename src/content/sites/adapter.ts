/**
 * What a site adapter is: it only classifies an editor the generic discovery already found
 * (which network, post/reply/comment, direct message or not) and names the controls that
 * publish. Selectors drift; each one here is a hint, and a miss degrades to a sensible default.
 */
import type { Kind, Platform } from '../../engine/types.ts';
import { parentElement } from '../discover.ts';

export interface Classification {
  platform: Platform;
  kind: Kind;
  parentAuthor?: string;
  /** For a reply: the network's id (or URL) of the item it answers, where the page shows it. */
  to?: string | undefined;
  /** Direct messages and chats: private conversation, not coached and not recorded. */
  excluded?: boolean;
}

export interface Where {
  hostname: string;
  pathname: string;
}

export interface SiteAdapter {
  /** Same as the file name. */
  id: string;
  platform: Platform;
  matches(where: Where, doc: Document): boolean;
  classify(root: Element, where: Where): Classification;
  /** Controls near this editor whose click publishes it. */
  submitControls(root: Element): Element[];
  /** Plain Enter (no Shift) publishes from this editor. */
  enterPosts(root: Element, where: Where): boolean;
  /** Ctrl+Enter / Cmd+Enter publishes. */
  modEnterPosts: boolean;
}

/** How far up from the editor to look for its own controls before they could be another editor's. */
const MAX_CLIMB = 12;

/**
 * Elements matching `selector` (and `text`, on their trimmed text or aria-label) in the nearest
 * ancestor of `root` that has any, climbing out of shadow roots.
 */
export function nearby(root: Element, selector: string, text?: RegExp): Element[] {
  let up: Element | null = root;
  for (let depth = 0; up && depth < MAX_CLIMB; depth++, up = parentElement(up)) {
    const found = Array.from(up.querySelectorAll(selector)).filter((el) => !text || text.test(labelOf(el)));
    if (found.length > 0) return found;
  }
  return [];
}

/** An element's visible label: its aria-label, else its text, trimmed and capped. */
export function labelOf(el: Element): string {
  const aria = el.getAttribute('aria-label');
  if (aria) return aria.trim();
  return (el.textContent ?? '').trim().slice(0, 200);
}

/** Text of an element capped, for cheap pattern tests on containers. */
export function textOf(el: Element | null | undefined, max = 2000): string {
  return el ? (el.textContent ?? '').slice(0, max) : '';
}

/** A handle as the network writes it ("@dana", "@lee@mastodon.social"), from a profile link or text. */
export function handleFrom(text: string | null | undefined): string | undefined {
  const match = /@[\w.-]+(?:@[\w-]+(?:\.[\w-]+)+)?/.exec(text ?? '');
  return match ? match[0].slice(0, 100) : undefined;
}

export function trimmed(text: string | null | undefined, max = 100): string | undefined {
  const value = (text ?? '').replace(/\s+/g, ' ').trim();
  return value ? value.slice(0, max) : undefined;
}

/** The first group of `re` in `text`, if any: an id out of a path, an href or an attribute. */
export const pick = (re: RegExp, text: string | null | undefined): string | undefined =>
  re.exec(text ?? '')?.[1];

export function hostIs(where: Where, ...hosts: string[]): boolean {
  return hosts.some((host) => where.hostname === host || where.hostname.endsWith(`.${host}`));
}
