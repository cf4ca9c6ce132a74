/**
 * Reads the draft out of an editor root without touching it. `innerText` doubles newlines on
 * Quill/Lexical/TipTap and reads "\n" for empty editors; `textContent` loses every line break.
 * So the DOM is walked: text as it is, `<img>` as its alt, each leaf block one line, `<br>` a
 * newline unless it is a phantom break that only keeps an empty or trailing line open.
 */

/** Longer drafts are not coached ("too long to coach"); reading stops here, so a 1 MB paste stays cheap. */
export const MAX_DRAFT_CHARS = 100_000;

export interface Extracted {
  text: string;
  tooLong: boolean;
}

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);

const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'input',
  'textarea',
  'select',
  'button',
]);

/** Breaks that editors add only so an empty or trailing line stays visible and selectable. */
const MARKED_PHANTOM = 'br.ProseMirror-trailingBreak,br[data-lexical-managed-linebreak]';

/** Not part of the draft, whatever their tag. */
const HIDDEN = '[aria-hidden=true],[hidden],[data-lexical-cursor]';

/** Hidden, or non-editable islands (decoration unless they are mentions). */
const MARKED = HIDDEN + ',[contenteditable=false]';

/** Non-editable islands that are part of the text (mentions) rather than decoration. */
const MENTION = '[data-type="mention"],[data-mention],[data-mention-id],[class*="mention" i]';

const INVISIBLE = /[\u200B\uFEFF]/g;
const NBSP = /\u00A0/g;

export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el.localName === 'textarea' || el.localName === 'input';
}

export function extract(root: Element, max: number = MAX_DRAFT_CHARS): Extracted {
  if (isTextField(root)) {
    const value = root.value;
    if (value.length > max) return { text: clean(value.slice(0, max)), tooLong: true };
    return { text: clean(value), tooLong: false };
  }
  return walk(root, max);
}

function clean(text: string): string {
  return text.replace(INVISIBLE, '').replace(NBSP, ' ');
}

interface Frame {
  /** The element whose children are being visited; null for the root frame's sentinel. */
  node: Node;
  next: Node | null;
  block: boolean;
  hadBlockChild: boolean;
}

function walk(root: Element, max: number): Extracted {
  // Each DOM call from a content script's world costs ~0.1 µs, and this runs at every pause in
  // typing on drafts of hundreds of nodes: one native query finds the rare hidden elements and
  // islands up front, so an ordinary element costs three calls (nextSibling, localName, firstChild).
  const marked = new Set(root.querySelectorAll(MARKED));
  const lines: string[] = [];
  let line: string | null = null;
  let size = 0;
  let tooLong = false;
  /** A `<br>` seen but not yet known to be real: it is real only if content follows in its block. */
  let pendingBreak = false;

  const append = (text: string) => {
    if (text === '') return;
    flushBreak();
    const room = max - size;
    if (text.length > room) {
      text = text.slice(0, Math.max(0, room));
      tooLong = true;
    }
    line = (line ?? '') + text;
    size += text.length;
  };
  const newline = () => {
    lines.push(line ?? '');
    line = '';
    size += 1;
  };
  function flushBreak() {
    if (!pendingBreak) return;
    pendingBreak = false;
    newline();
  }
  const closeLine = () => {
    pendingBreak = false;
    if (line !== null) {
      lines.push(line);
      size += 1;
      line = null;
    }
  };

  // Iterative, so a deeply nested hostile DOM cannot overflow the stack.
  const stack: Frame[] = [{ node: root, next: root.firstChild, block: true, hadBlockChild: false }];
  while (stack.length > 0 && !tooLong) {
    const frame = stack[stack.length - 1]!;
    const node = frame.next;
    if (node === null) {
      stack.pop();
      if (frame.block) {
        const emptyLeaf = line === null && !frame.hadBlockChild;
        closeLine();
        if (emptyLeaf && frame.node !== root) {
          lines.push('');
          size += 1;
        }
      }
      continue;
    }
    frame.next = node.nextSibling;
    // Only elements have a localName: a text node answers without a DOM call.
    const tag = (node as Element).localName;
    if (tag === undefined) {
      if (node.nodeType === 3 && !isLayoutWhitespace(node)) append(node.nodeValue!);
      continue;
    }
    const el = node as Element;
    if (tag === 'br') {
      if (el.matches(MARKED_PHANTOM)) flushBreak();
      else if (pendingBreak) newline();
      else pendingBreak = true;
      continue;
    }
    if (tag === 'img') {
      if (!marked.has(el)) append(el.getAttribute('alt') ?? '');
      continue;
    }
    if (SKIPPED_TAGS.has(tag) || (marked.has(el) && (el.matches(HIDDEN) || !inMention(el, root)))) {
      continue;
    }
    const block = BLOCKS.has(tag);
    if (block) {
      frame.hadBlockChild = true;
      closeLine();
    }
    stack.push({ node: el, next: el.firstChild, block, hadBlockChild: false });
  }
  closeLine();
  const text = clean(lines.join('\n'));
  return { text: tooLong ? text.slice(0, max) : text, tooLong };
}

/** Source formatting between blocks (`<div>\n  <p>`) is not rendered, so it is not text. */
function isLayoutWhitespace(node: Node): boolean {
  if (!/^[ \t\r\n]*$/.test(node.nodeValue ?? '')) return false;
  const isBlock = (n: Node | null) => n !== null && n.nodeType === 1 && BLOCKS.has((n as Element).localName);
  return isBlock(node.previousSibling) || isBlock(node.nextSibling);
}

/**
 * Whether `el` is a mention or lies inside one below `root`. Asked only of non-editable islands,
 * which are rare, so ordinary elements cost no selector match.
 */
function inMention(el: Element, root: Element): boolean {
  const mention = el.closest(MENTION);
  return mention !== null && mention !== root && root.contains(mention);
}
