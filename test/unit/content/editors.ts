/**
 * Real editor libraries mounted in happy-dom, each driven through its own API so the DOM is the
 * one the library renders (and the one the networks ship).
 */
import Quill from 'quill';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $createTextNode,
  $getRoot,
  createEditor,
  type LexicalEditor,
} from 'lexical';
import { registerPlainText } from '@lexical/plain-text';
import { registerRichText } from '@lexical/rich-text';
import { Editor as TipTap } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Mention from '@tiptap/extension-mention';
import Placeholder from '@tiptap/extension-placeholder';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import * as Draft from 'draft-js';

// The shared typings (test/fixtures/pages/x/vendor.d.ts) cover only what the fixture page uses.
const { act } = React as unknown as { act(run: () => Promise<void>): Promise<void> };
const { ContentState, EditorState } = Draft as unknown as {
  ContentState: { createFromText(text: string): unknown };
  EditorState: { createEmpty(): Draft.EditorState; createWithContent(content: unknown): Draft.EditorState };
};

import { mount } from './fakes-dom.ts';

export { mount };

export function quill(text?: string): { root: HTMLElement; editor: Quill } {
  const editor = new Quill(mount());
  if (text !== undefined) editor.setText(text);
  return { root: editor.root, editor };
}

/** Lexical with each paragraph given as lines (a line break node between them). */
export function lexical(
  paragraphs: string[][],
  mode: 'rich' | 'plain' = 'rich',
): { root: HTMLElement; editor: LexicalEditor } {
  const root = mount().appendChild(document.createElement('div'));
  root.contentEditable = 'true';
  const editor = createEditor({
    onError: (error) => {
      throw error;
    },
  });
  editor.setRootElement(root);
  (mode === 'rich' ? registerRichText : registerPlainText)(editor);
  setLexical(editor, paragraphs);
  return { root, editor };
}

export function setLexical(editor: LexicalEditor, paragraphs: string[][]): void {
  editor.update(
    () => {
      const top = $getRoot();
      top.clear();
      for (const lines of paragraphs) {
        const p = $createParagraphNode();
        lines.forEach((line, i) => {
          if (i > 0) p.append($createLineBreakNode());
          if (line) p.append($createTextNode(line));
        });
        top.append(p);
      }
    },
    { discrete: true },
  );
}

export function tiptap(content: string): { root: HTMLElement; editor: TipTap } {
  const editor = new TipTap({
    element: mount(),
    extensions: [
      StarterKit,
      Mention.configure({}),
      Placeholder.configure({ placeholder: 'Write something' }),
    ],
    content,
  });
  return { root: editor.view.dom as HTMLElement, editor };
}

export async function draft(text: string, props: Record<string, unknown> = {}): Promise<HTMLElement> {
  const host = mount();
  (globalThis as Record<string, unknown>).IS_REACT_ACT_ENVIRONMENT = true;
  const state = text
    ? EditorState.createWithContent(ContentState.createFromText(text))
    : EditorState.createEmpty();
  await act(async () => {
    createRoot(host).render(
      React.createElement(Draft.Editor, {
        editorState: state,
        onChange: () => {},
        webDriverTestID: 'tweetTextarea_0',
        ariaLabel: 'Post text',
        placeholder: "What's happening?",
        ...props,
      }),
    );
  });
  return host.querySelector('.public-DraftEditor-content') as HTMLElement;
}
