// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ContextInvalidated, startApp, type App } from '../../../src/content/app.ts';
import { createCard } from '../../../src/content/card/card.ts';
import type { Where } from '../../../src/content/sites/index.ts';
import type { ScoreResponse } from '../../../src/shared/messages.ts';
import { lexical, mount, quill, setLexical } from './editors.ts';
import { fakeScore, fakeWorker, nudge } from './fakes.ts';

let app: App | null = null;

afterEach(() => {
  app?.stop();
  app = null;
  document.body.replaceChildren();
});

function start(url: string, worker = fakeWorker()) {
  const { hostname, pathname } = new URL(url);
  const where = (): Where => ({ hostname, pathname });
  app = startApp({
    doc: document,
    send: (m) => worker.send(m),
    loadCard: async () => createCard,
    where,
    url: () => url,
    debounceMs: 5,
  });
  return worker;
}

const indicator = () => document.querySelector<HTMLElement>('rapport-indicator');
const attr = (name: string) => indicator()?.getAttribute(name) ?? null;
const type = (area: HTMLTextAreaElement, value: string) => {
  area.value = value;
  area.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('coaching a draft', () => {
  test('LinkedIn share box (Quill): a promotional draft shows pure-promotion; the indicator sits in body', async () => {
    const worker = start('https://www.linkedin.com/feed/');
    const { root, editor } = quill();
    root.focus();
    editor.setText('Buy our new plan today with a 20% discount!');
    await vi.waitFor(() => expect(attr('data-nudges')).toBe('pure-promotion'));
    expect(attr('data-score')).toBe('22');
    expect(attr('data-platform')).toBe('linkedin');
    expect(attr('data-kind')).toBe('post');
    expect(indicator()!.parentElement).toBe(document.body);
    expect(root.contains(indicator())).toBe(false);
    expect(worker.scores().at(-1)).toMatchObject({
      type: 'score',
      platform: 'linkedin',
      kind: 'post',
      text: 'Buy our new plan today with a 20% discount!',
    });
    editor.setText('What did your team learn from its last migration? Ours surprised us.');
    await vi.waitFor(() => expect(attr('data-score')).toBe('81'));
    expect(attr('data-nudges')).toBe('');
  });

  test("the editor's DOM is exactly what it would be without the content script", async () => {
    const plain = lexical([['Hello', 'world'], ['']]);
    const expected = plain.root.innerHTML;
    document.body.replaceChildren();
    start('https://www.facebook.com/');
    const { root, editor } = lexical([['']]);
    root.focus();
    setLexical(editor, [['Hello', 'world'], ['']]);
    await vi.waitFor(() => expect(attr('data-state')).toBe('scored'));
    expect(root.innerHTML).toBe(expected);
    expect(root.querySelector('rapport-indicator')).toBeNull();
  });

  test('an editor focused before the script started is picked up', async () => {
    const area = mount(
      '<div id="mastodon"><form class="compose-form"><textarea></textarea></form></div>',
    ).querySelector('textarea')!;
    area.value = 'Buy now, discount ends tonight';
    area.focus();
    const worker = start('https://fosstodon.org/home');
    await vi.waitFor(() => expect(attr('data-nudges')).toBe('pure-promotion'));
    expect(worker.scores()[0]!.platform).toBe('mastodon');
  });

  test('several editors keep their own stable draft ids', async () => {
    const worker = start('https://old.reddit.com/r/a/comments/1/t/');
    const host = mount('<textarea id="a"></textarea><textarea id="b"></textarea>');
    const [a, b] = [
      host.querySelector<HTMLTextAreaElement>('#a')!,
      host.querySelector<HTMLTextAreaElement>('#b')!,
    ];
    a.focus();
    type(a, 'first draft');
    await vi.waitFor(() => expect(worker.scores()).toHaveLength(1));
    b.focus();
    type(b, 'second draft');
    await vi.waitFor(() => expect(worker.scores()).toHaveLength(2));
    a.focus();
    type(a, 'first draft, edited');
    await vi.waitFor(() => expect(worker.scores()).toHaveLength(3));
    const ids = worker.scores().map((s) => s.draftId);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[2]).toBe(ids[0]);
  });

  test('an older answer arriving after a newer one is ignored', async () => {
    const gates: Array<() => void> = [];
    const worker = fakeWorker(
      (req) =>
        new Promise<ScoreResponse>((resolve) => {
          gates.push(() => resolve(fakeScore(req)));
        }),
    );
    start('https://old.reddit.com/r/a/comments/1/t/', worker);
    const area = mount('<textarea></textarea>').querySelector('textarea')!;
    area.focus();
    type(area, 'Buy this');
    await vi.waitFor(() => expect(gates).toHaveLength(1));
    type(area, 'A thoughtful question for you all?');
    await vi.waitFor(() => expect(gates).toHaveLength(2));
    gates[1]!();
    await vi.waitFor(() => expect(attr('data-score')).toBe('81'));
    gates[0]!();
    await new Promise((r) => setTimeout(r, 20));
    expect(attr('data-score')).toBe('81');
    expect(attr('data-nudges')).toBe('');
  });

  test('nothing is scored during IME composition; the composed text is scored once it ends', async () => {
    const worker = start('https://old.reddit.com/r/a/comments/1/t/');
    const area = mount('<textarea></textarea>').querySelector('textarea')!;
    area.focus();
    await new Promise((r) => setTimeout(r, 20));
    area.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    type(area, 'にほ');
    await new Promise((r) => setTimeout(r, 30));
    expect(worker.scores()).toHaveLength(0);
    type(area, '日本');
    area.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true }));
    await vi.waitFor(() => expect(worker.scores()).toHaveLength(1));
    expect(worker.scores()[0]!.text).toBe('日本');
  });

  test('a reply is scored as a reply', async () => {
    const worker = start('https://old.reddit.com/r/a/comments/1/t/');
    const area = mount(
      '<div class="thing comment" data-author="kim"><form><div class="usertext-edit"><textarea name="text"></textarea></div></form></div>',
    ).querySelector('textarea')!;
    area.focus();
    type(area, 'Thanks, that fixed it');
    await vi.waitFor(() => expect(attr('data-kind')).toBe('reply'));
    expect(worker.scores()[0]!.kind).toBe('reply');
  });
});

describe('states', () => {
  test('a 1 MB paste: "too long to coach", no score request', async () => {
    const worker = start('https://old.reddit.com/r/a/comments/1/t/');
    const area = mount('<textarea></textarea>').querySelector('textarea')!;
    area.focus();
    type(area, 'x'.repeat(1_000_000));
    await vi.waitFor(() => expect(attr('data-state')).toBe('too-long'));
    expect(indicator()!.shadowRoot!.textContent).toContain('Too long to coach');
    expect(worker.scores()).toHaveLength(0);
    expect(attr('data-nudges')).toBe('');
  });

  test('direct messages are neither scored nor shown', async () => {
    const worker = start('https://x.com/messages/1');
    const root = mount('<div contenteditable="true" data-testid="dmComposerTextInput">Buy now</div>')
      .firstElementChild as HTMLElement;
    root.focus();
    await new Promise((r) => setTimeout(r, 30));
    expect(worker.scores()).toHaveLength(0);
    expect(attr('data-nudges') ?? '').toBe('');
  });

  test('an unknown site is not coached', async () => {
    const worker = start('https://example.com/');
    const area = mount('<textarea></textarea>').querySelector('textarea')!;
    area.focus();
    type(area, 'Buy now');
    await new Promise((r) => setTimeout(r, 30));
    expect(worker.sent).toHaveLength(0);
    expect(indicator()).toBeNull();
  });

  test('losing focus: an empty draft hides the indicator, a written one keeps it', async () => {
    start('https://old.reddit.com/r/a/comments/1/t/');
    const host = mount('<textarea id="a"></textarea><button id="elsewhere">x</button>');
    const area = host.querySelector('textarea')!;
    area.focus();
    type(area, 'Buy now');
    await vi.waitFor(() => expect(attr('data-nudges')).toBe('pure-promotion'));
    host.querySelector<HTMLButtonElement>('#elsewhere')!.focus();
    expect(attr('data-nudges')).toBe('pure-promotion');
    area.focus();
    type(area, '');
    await vi.waitFor(() => expect(attr('data-state')).toBe('idle'));
    host.querySelector<HTMLButtonElement>('#elsewhere')!.focus();
    expect(indicator()!.style.getPropertyValue('display')).toBe('none');
  });

  test('an editor removed while its score is on the way: no error, the indicator hides', async () => {
    let release!: () => void;
    const worker = fakeWorker(
      (req) => new Promise<ScoreResponse>((resolve) => (release = () => resolve(fakeScore(req)))),
    );
    start('https://old.reddit.com/r/a/comments/1/t/', worker);
    const host = mount('<textarea></textarea>');
    const area = host.querySelector('textarea')!;
    area.focus();
    type(area, 'Buy now');
    await vi.waitFor(() => expect(worker.scores()).toHaveLength(1));
    host.remove();
    release();
    await new Promise((r) => setTimeout(r, 1100));
    expect(attr('data-nudges') ?? '').toBe('');
    expect(indicator()?.style.getPropertyValue('display') ?? 'none').toBe('none');
  });

  test('dismiss hides one nudge until the draft changes substantially; Undo brings it back', async () => {
    const worker = fakeWorker((req) => {
      const scored = fakeScore(req);
      if (scored.ok) scored.result.nudges.push({ ...nudge('no-invitation'), severity: 'info' });
      return scored;
    });
    start('https://old.reddit.com/r/a/comments/1/t/', worker);
    const area = mount('<textarea></textarea>').querySelector('textarea')!;
    area.focus();
    type(area, 'Buy our plan now and get a discount on the first month');
    await vi.waitFor(() => expect(attr('data-nudges')).toBe('pure-promotion no-invitation'));
    const shadow = indicator()!.shadowRoot!;
    shadow.querySelector<HTMLButtonElement>('.pill')!.click();
    const row = (id: string) => shadow.querySelector(`li[data-nudge-id="${id}"]`);
    await vi.waitFor(() => expect(row('pure-promotion')).not.toBeNull());
    row('pure-promotion')!.querySelector<HTMLButtonElement>('button[data-action="dismiss"]')!.click();
    expect(attr('data-nudges')).toBe('no-invitation');
    expect(attr('data-state')).toBe('scored');
    expect(row('pure-promotion')).toBeNull();
    // The pill now leads with the nudge that is left.
    expect(shadow.querySelector('.label')!.textContent).toBe('Title of no-invitation');
    // Undo, then dismiss again: it stays dismissed through a small edit...
    shadow.querySelector<HTMLButtonElement>('button[data-action="undo"]')!.click();
    expect(attr('data-nudges')).toBe('pure-promotion no-invitation');
    expect(row('pure-promotion')).not.toBeNull();
    row('pure-promotion')!.querySelector<HTMLButtonElement>('button[data-action="dismiss"]')!.click();
    type(area, 'Buy our plan now and get a discount on the first month!');
    await vi.waitFor(() => expect(worker.scores().at(-1)?.text).toMatch(/month!$/));
    await new Promise((r) => setTimeout(r, 30));
    expect(attr('data-nudges')).toBe('no-invitation');
    // ...and comes back once the draft is another one.
    type(area, 'Totally rewritten: buy nothing, tell me what slows your team down the most.');
    await vi.waitFor(() => expect(attr('data-nudges')).toBe('pure-promotion no-invitation'));
    expect(worker.feedback()).toEqual([]);
  });

  test('not helpful is counted by the worker and dismisses the nudge; Undo takes both back', async () => {
    const worker = start('https://old.reddit.com/r/a/comments/1/t/');
    const area = mount('<textarea></textarea>').querySelector('textarea')!;
    area.focus();
    type(area, 'Buy our plan now');
    await vi.waitFor(() => expect(attr('data-nudges')).toBe('pure-promotion'));
    const shadow = indicator()!.shadowRoot!;
    shadow.querySelector<HTMLButtonElement>('.pill')!.click();
    await vi.waitFor(() => expect(shadow.querySelector('button[data-action="not-helpful"]')).not.toBeNull());
    shadow.querySelector<HTMLButtonElement>('button[data-action="not-helpful"]')!.click();
    expect(attr('data-nudges')).toBe('');
    expect(worker.feedback()).toEqual([
      { type: 'feedback', nudgeId: 'pure-promotion', verdict: 'not-helpful', undo: false },
    ]);
    expect(shadow.querySelector('.card')!.textContent).toContain('Nothing to suggest');
    shadow.querySelector<HTMLButtonElement>('button[data-action="undo"]')!.click();
    expect(attr('data-nudges')).toBe('pure-promotion');
    expect(worker.feedback().at(-1)).toEqual({
      type: 'feedback',
      nudgeId: 'pure-promotion',
      verdict: 'not-helpful',
      undo: true,
    });
  });

  test('the open card quotes the words that triggered the nudge, and leaves the editor alone', async () => {
    const worker = start('https://old.reddit.com/r/a/comments/1/t/');
    const area = mount('<textarea></textarea>').querySelector('textarea')!;
    area.focus();
    type(area, 'Our new plan is here. Buy it today.');
    await vi.waitFor(() => expect(attr('data-nudges')).toBe('pure-promotion'));
    const shadow = indicator()!.shadowRoot!;
    shadow.querySelector<HTMLButtonElement>('.pill')!.click();
    await vi.waitFor(() => expect(shadow.querySelector('.card mark')?.textContent).toBe('Buy'));
    expect(shadow.querySelector('.card q')!.textContent).toBe('Our new plan is here. Buy it today.');
    // The editor is untouched by all of it.
    expect(area.value).toBe('Our new plan is here. Buy it today.');
    expect(worker.scores().length).toBeGreaterThanOrEqual(2);
  });
});

describe('publishing', () => {
  test('a click on the submit control, then the editor emptying, records exactly one event', async () => {
    const worker = start('https://old.reddit.com/r/a/comments/1/t/');
    const host = mount(
      '<div class="thing comment" data-author="kim"><form><div class="usertext-edit"><textarea name="text"></textarea></div>' +
        '<div class="usertext-buttons"><button type="submit" class="save">save</button></div></form></div>',
    );
    const area = host.querySelector('textarea')!;
    const form = host.querySelector('form')!;
    form.addEventListener('submit', (e) => e.preventDefault());
    area.focus();
    type(area, 'Here is what worked for us');
    await vi.waitFor(() => expect(worker.scores()).toHaveLength(1));
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    host.querySelector('button')!.dispatchEvent(click);
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(click.defaultPrevented).toBe(false);
    area.value = ''; // the site clears it by script: no event at all
    await vi.waitFor(() => expect(worker.published()).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 400));
    expect(worker.published()).toHaveLength(1);
    expect(worker.published()[0]).toMatchObject({
      type: 'published',
      platform: 'reddit',
      kind: 'reply',
      parentAuthor: 'u/kim',
      text: 'Here is what worked for us',
      url: 'https://old.reddit.com/r/a/comments/1/t/',
    });
    expect(Number.isNaN(Date.parse(worker.published()[0]!.at))).toBe(false);
  });

  test('Ctrl+Enter then the editor leaving the page counts; Enter alone does not on X', async () => {
    const worker = start('https://x.com/home');
    const host = mount('<div><div id="ed" contenteditable="true" role="textbox">Shipping notes</div></div>');
    const root = host.querySelector<HTMLElement>('#ed')!;
    root.focus();
    root.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    root.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    host.remove();
    await vi.waitFor(() => expect(worker.published()).toHaveLength(1));
    expect(worker.published()[0]).toMatchObject({ platform: 'x', kind: 'post', text: 'Shipping notes' });
  });
});

describe('lifecycle', () => {
  test('stop removes the indicator and every listener; a new instance takes over with one indicator', async () => {
    const first = fakeWorker();
    start('https://old.reddit.com/r/a/comments/1/t/', first);
    const area = mount('<textarea></textarea>').querySelector('textarea')!;
    area.focus();
    type(area, 'Buy now');
    await vi.waitFor(() => expect(indicator()).not.toBeNull());
    app!.stop();
    expect(indicator()).toBeNull();
    const second = start('https://old.reddit.com/r/a/comments/1/t/');
    type(area, 'Buy now, really');
    await vi.waitFor(() => expect(attr('data-nudges')).toBe('pure-promotion'));
    expect(document.querySelectorAll('rapport-indicator')).toHaveLength(1);
    expect(first.scores().map((s) => s.text)).not.toContain('Buy now, really');
    expect(second.scores().at(-1)!.text).toBe('Buy now, really');
  });

  test('"Extension context invalidated": the script stops quietly and leaves no indicator', async () => {
    let calls = 0;
    const worker = {
      send: async (): Promise<unknown> => {
        calls++;
        throw new ContextInvalidated();
      },
    };
    app = startApp({
      doc: document,
      send: () => worker.send(),
      loadCard: async () => createCard,
      where: () => ({ hostname: 'old.reddit.com', pathname: '/' }),
      debounceMs: 5,
    });
    const area = mount('<textarea></textarea>').querySelector('textarea')!;
    area.focus();
    type(area, 'hello');
    await vi.waitFor(() => expect(calls).toBe(1));
    await new Promise((r) => setTimeout(r, 30));
    type(area, 'hello again');
    area.blur();
    area.focus();
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toBe(1);
    expect(indicator()).toBeNull();
  });
});
