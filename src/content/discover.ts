/**
 * Finds the editor a focus event landed in, on any editor, listed or not: a textarea, or the
 * root of a contenteditable region (the element the library owns, never its container, so the
 * placeholder is never read as text).
 */

const KNOWN_ROOTS = '[data-lexical-editor],.ProseMirror,.public-DraftEditor-content,.ql-editor';

/** The node a focus or click really landed on, seen through open shadow roots. */
export function eventTarget(event: Event): Element | null {
  // nodeType, not instanceof: Firefox hands content scripts Xray wrappers from another realm.
  const first = event.composedPath()[0] as Node | undefined;
  return first && first.nodeType === 1 ? (first as Element) : null;
}

/** The focused element, looking inside open shadow roots (an editor focused before we started). */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The editor root for a focused element, or null when it is not something one writes a post in. */
export function editorRootOf(target: Element): Element | null {
  if (target.localName === 'textarea') {
    const area = target as HTMLTextAreaElement;
    return area.readOnly || area.disabled ? null : area;
  }
  const editable = (target as HTMLElement).isContentEditable === true;
  if (!editable) {
    // A [role=textbox] wrapper that is not itself editable: look for the editable inside it.
    if (target.getAttribute('role') !== 'textbox') return null;
    const inner = target.querySelector('textarea,[contenteditable="true"],[contenteditable=""]');
    return inner ? editorRootOf(inner) : null;
  }
  const known = target.closest(KNOWN_ROOTS);
  if (known && (known as HTMLElement).isContentEditable) return known;
  let root: Element = target;
  for (let up = parentElement(root); up && (up as HTMLElement).isContentEditable; up = parentElement(up)) {
    root = up;
  }
  // `document.designMode` makes <html>/<body> editable: that is a whole page, not a compose box.
  return root.localName === 'html' || root.localName === 'body' ? null : root;
}

/** Parent element, stepping out of a shadow root to its host. */
export function parentElement(node: Node): Element | null {
  if (node.parentElement) return node.parentElement;
  const parent = node.parentNode;
  return parent && parent.nodeType === 11 ? ((parent as ShadowRoot).host ?? null) : null;
}

/** `closest` that also climbs out of shadow roots. */
export function closestDeep(start: Element, selector: string): Element | null {
  for (let el: Element | null = start; el; el = parentElement(el)) {
    if (el.matches(selector)) return el;
  }
  return null;
}
