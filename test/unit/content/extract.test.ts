// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { extract, MAX_DRAFT_CHARS } from '../../../src/content/extract.ts';
import { draft, lexical, mount, quill, tiptap } from './editors.ts';

afterEach(() => {
  document.body.replaceChildren();
});

const read = (root: Element) => extract(root).text;

describe('real editors', () => {
  test('Draft.js (X): blocks are lines, an empty block is an empty line, the placeholder is not text', async () => {
    expect(read(await draft('Hello\n\nworld'))).toBe('Hello\n\nworld');
    expect(read(await draft(''))).toBe('');
  });

  test('Draft.js keeps a soft newline inside a block', async () => {
    expect(read(await draft('one\ntwo'))).toBe('one\ntwo');
  });

  test('Quill (LinkedIn): one <p> per line, <p><br></p> for an empty line, lists', () => {
    expect(read(quill('Hello\n\nworld\n').root)).toBe('Hello\n\nworld');
    expect(read(quill().root)).toBe('');
    const { root, editor } = quill();
    editor.setContents([
      { insert: 'a' },
      { insert: '\n', attributes: { list: 'bullet' } },
      { insert: 'b\n' },
    ]);
    expect(read(root)).toBe('a\nb');
  });

  test.each(['rich', 'plain'] as const)(
    'Lexical %s: line breaks, a trailing break, empty paragraphs',
    (mode) => {
      expect(read(lexical([['Hello', 'x', ''], ['']], mode).root)).toBe('Hello\nx\n\n');
      expect(read(lexical([['one'], ['two']], mode).root)).toBe('one\ntwo');
      expect(read(lexical([['']], mode).root)).toBe('');
    },
  );

  test('TipTap/ProseMirror (Bluesky): mentions read as text, trailing breaks are phantom', () => {
    const { root } = tiptap(
      '<p>Hi <span data-type="mention" data-id="bob">@bob</span> there</p><p></p><p>a<br><br></p>',
    );
    expect(read(root)).toBe('Hi @bob there\n\na\n\n');
    expect(read(tiptap('').root)).toBe('');
    expect(read(tiptap('<p>one<br>two</p>').root)).toBe('one\ntwo');
  });
});

describe('hand-written shapes', () => {
  test('textarea and a textarea inside an open shadow root read .value', () => {
    const host = mount('<textarea>typed</textarea>');
    const area = host.querySelector('textarea')!;
    area.value = 'line 1\nline 2';
    expect(read(area)).toBe('line 1\nline 2');
    const composer = mount().appendChild(document.createElement('shreddit-composer'));
    const inner = composer.attachShadow({ mode: 'open' }).appendChild(document.createElement('textarea'));
    inner.value = 'markdown *mode*';
    expect(read(inner)).toBe('markdown *mode*');
  });

  test('a browser contenteditable: bare first line, <div> per line, <div><br></div> empty line', () => {
    const root = mount(
      '<div contenteditable="true">line1<div>line2</div><div><br></div><div>line4</div></div>',
    );
    expect(read(root.firstElementChild!)).toBe('line1\nline2\n\nline4');
  });

  test('YouTube-style plain contenteditable with <br> and a trailing phantom <br>', () => {
    const root = mount('<div id="contenteditable-root" contenteditable="true">first<br>second<br></div>');
    expect(read(root.firstElementChild!)).toBe('first\nsecond');
    root.firstElementChild!.innerHTML = 'first<br><br>';
    expect(read(root.firstElementChild!)).toBe('first\n');
  });

  test('emoji images read as their alt; zero-width characters dropped; NBSP becomes a space', () => {
    const root = mount(
      '<div contenteditable="true"><p>Ship\u00A0it <img alt="🚀" src="data:,"> now\u200B\uFEFF</p></div>',
    ).firstElementChild!;
    expect(read(root)).toBe('Ship it 🚀 now');
  });

  test('aria-hidden subtrees and non-mention decorations are skipped; mentions are kept', () => {
    const root = mount(
      '<div contenteditable="true"><p>Hello <span aria-hidden="true">HIDDEN</span>' +
        '<span contenteditable="false" class="ql-ui">•</span>' +
        '<a class="ql-mention" contenteditable="false"><span contenteditable="false">Dana Lee</span></a>' +
        '<span contenteditable="false" data-lexical-decorator="true">[video]</span></p></div>',
    ).firstElementChild!;
    expect(read(root)).toBe('Hello Dana Lee');
  });

  test('source formatting between blocks is not text', () => {
    const root = mount('<div contenteditable="true">\n  <p>a</p>\n  <p>b</p>\n</div>').firstElementChild!;
    expect(read(root)).toBe('a\nb');
  });

  test('markup in a draft is read as text, never interpreted', () => {
    const root = mount('<div contenteditable="true"><p></p></div>').firstElementChild!;
    root.firstElementChild!.textContent = '<img src=x onerror=alert(1)>';
    expect(read(root)).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('limits', () => {
  test('a 1 MB textarea is cut at the cap and reported too long', () => {
    const area = mount('<textarea></textarea>').querySelector('textarea')!;
    area.value = 'x'.repeat(1_000_000);
    const result = extract(area);
    expect(result.tooLong).toBe(true);
    expect(result.text.length).toBe(MAX_DRAFT_CHARS);
  });

  test('a 1 MB rich paste stops reading at the cap, quickly', () => {
    const root = mount('<div contenteditable="true"></div>').firstElementChild!;
    const line = 'y'.repeat(999);
    root.innerHTML = Array.from({ length: 1000 }, () => `<p>${line}</p>`).join('');
    const started = performance.now();
    const result = extract(root);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result.tooLong).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(MAX_DRAFT_CHARS);
    expect(extract(root, 10_000_000).tooLong).toBe(false);
  });

  test('a draft exactly at the cap is not too long', () => {
    const area = mount('<textarea></textarea>').querySelector('textarea')!;
    area.value = 'z'.repeat(MAX_DRAFT_CHARS);
    expect(extract(area).tooLong).toBe(false);
  });

  test('deeply nested DOM does not overflow the stack', () => {
    // Built detached: happy-dom's own connect step recurses, a browser's does not. Its
    // querySelectorAll recurses too, so it is left out here; the browser test 'an editor 5,000
    // elements deep' runs the whole of it in Chromium and Firefox.
    const root = document.createElement('div');
    let at: Element = root;
    for (let i = 0; i < 20_000; i++) at = at.appendChild(document.createElement('span'));
    at.textContent = 'deep';
    root.querySelectorAll = () => document.createDocumentFragment().childNodes as never;
    expect(read(root)).toBe('deep');
  });
});
