// @vitest-environment happy-dom
import { afterEach, expect, test } from 'vitest';
import { closestDeep, deepActiveElement, editorRootOf, eventTarget } from '../../../src/content/discover.ts';
import { draft, lexical, mount, quill, tiptap } from './editors.ts';

afterEach(() => document.body.replaceChildren());

test('climbs from a focused descendant to each library root', async () => {
  const cases: Array<[HTMLElement, string]> = [
    [await draft('hi'), 'span[data-text]'],
    [quill('hi').root, 'p'],
    [lexical([['hi']]).root, 'span'],
    [tiptap('<p>hi</p>').root, 'p'],
  ];
  for (const [root, inner] of cases) {
    expect(editorRootOf(root.querySelector(inner)!)).toBe(root);
    expect(editorRootOf(root)).toBe(root);
  }
});

test('an editor nobody listed: the topmost contenteditable ancestor', () => {
  const host = mount(
    '<section><div id="top" contenteditable="true"><p><b id="deep">x</b></p></div></section>',
  );
  expect(editorRootOf(host.querySelector('#deep')!)).toBe(host.querySelector('#top'));
});

test('textareas count unless read-only or disabled; plain inputs, buttons and links do not', () => {
  const host = mount(
    '<textarea id="a"></textarea><textarea id="b" readonly></textarea><textarea id="c" disabled></textarea>' +
      '<input id="d" type="search"><button id="e">Post</button><a id="f" href="#">x</a>',
  );
  expect(editorRootOf(host.querySelector('#a')!)).toBe(host.querySelector('#a'));
  for (const id of ['#b', '#c', '#d', '#e', '#f']) expect(editorRootOf(host.querySelector(id)!)).toBeNull();
});

test('a non-editable [role=textbox] wrapper resolves to the editable inside it', () => {
  const host = mount('<div role="textbox" id="wrap"><div contenteditable="true" id="inner">x</div></div>');
  expect(editorRootOf(host.querySelector('#wrap')!)).toBe(host.querySelector('#inner'));
  expect(editorRootOf(mount('<div role="textbox" id="empty">x</div>').firstElementChild!)).toBeNull();
});

test('designMode-style editable <body> is a page, not a compose box', () => {
  document.body.contentEditable = 'true';
  try {
    expect(editorRootOf(document.body)).toBeNull();
  } finally {
    document.body.removeAttribute('contenteditable');
  }
});

test('focus inside an open shadow root: the event target and the active element see through it', () => {
  const host = mount().appendChild(document.createElement('shreddit-composer'));
  const area = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('textarea'));
  let seen: Element | null = null;
  const listener = (event: Event) => (seen = eventTarget(event));
  document.addEventListener('focusin', listener, true);
  area.focus();
  document.removeEventListener('focusin', listener, true);
  expect(seen).toBe(area);
  expect(deepActiveElement(document)).toBe(area);
  expect(editorRootOf(area)).toBe(area);
  expect(closestDeep(area, 'shreddit-composer')).toBe(host);
});
