import { expect, test } from 'vitest';
import { applyEdit, editFrom } from '../../src/shared/edit.ts';

test('an edit describes any change exactly: applied to the text before, it gives the text after', () => {
  const draft = 'We shipped the new release today. Curious what you think of the changes?';
  const cases: Array<[string, string]> = [
    [draft, `${draft}!`], // typed at the end
    [draft, draft.slice(0, -1)], // deleted at the end
    [draft, `So, ${draft}`], // typed at the start
    [draft, draft.replace('new', 'brand new')], // in the middle
    [draft, draft.replace('release', '')],
    ['', draft],
    [draft, ''],
    ['aaaa', 'aaaaa'], // repeats: start and end must not overlap
    ['abab', 'ab'],
    ['héllo 👋 wörld', 'héllo 👋👋 wörld'],
  ];
  for (const [before, after] of cases) {
    const edit = editFrom(before, after);
    expect(applyEdit(before, edit)).toBe(after);
    expect(edit[0] + edit[1]).toBeLessThanOrEqual(Math.min(before.length, after.length));
  }
  // Small changes send small edits.
  expect(editFrom(draft, `${draft}!`)).toEqual([draft.length, 0, '!']);
  // Random edits, from a fixed seed.
  let seed = 42;
  const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  let text = draft;
  for (let i = 0; i < 500; i++) {
    const at = rand(text.length + 1);
    const cut = rand(4);
    const next = text.slice(0, at) + 'xyz '.slice(0, rand(5)) + text.slice(Math.min(text.length, at + cut));
    expect(applyEdit(text, editFrom(text, next))).toBe(next);
    text = next;
  }
});
