import { expect, test } from 'vitest';
import { boxAt, chooseSpot, intersects } from '../../../src/content/position.ts';
import { changedChars, changedSubstantially, Dismissals } from '../../../src/content/dismiss.ts';

const viewport = { width: 1000, height: 800 };
const size = { width: 100, height: 24 };
const editor = { left: 100, top: 100, width: 500, height: 60 };

test('below the editor, right-aligned, when nothing is in the way', () => {
  expect(chooseSpot(editor, size, viewport, () => true)).toBe('below');
  expect(boxAt('below', editor, size, viewport)).toEqual({ left: 500, top: 164, width: 100, height: 24 });
});

test('moves off the site control below the editor into the corner', () => {
  const postButton = { left: 520, top: 170, width: 80, height: 30 };
  const spot = chooseSpot(editor, size, viewport, (box) => !intersects(box, postButton));
  expect(spot).toBe('inside');
  expect(intersects(boxAt(spot, editor, size, viewport), postButton)).toBe(false);
});

test('stays on screen at the viewport edge', () => {
  const low = { left: 900, top: 780, width: 100, height: 20 };
  const box = boxAt('below', low, size, viewport);
  expect(box.top + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.left + box.width).toBeLessThanOrEqual(viewport.width);
});

test('dismissal lasts through small edits and ends on a substantial change or an emptied editor', () => {
  const text = 'Buy our new plan today, 20% off for the first 100 customers who sign up this week!';
  expect(changedChars(text, `${text}!`)).toBe(1);
  expect(changedSubstantially(text, text.replace('today', 'now'))).toBe(false);
  expect(changedSubstantially(text, 'A different draft about what we learned shipping the plan.')).toBe(true);
  expect(changedSubstantially(text, '')).toBe(true);
  const dismissals = new Dismissals();
  expect(dismissals.hidden('d1', text)).toBeNull();
  dismissals.dismiss('d1', text, 'pure-promotion');
  expect(dismissals.hidden('d1', `${text} `)).toEqual(new Set(['pure-promotion']));
  expect(dismissals.hidden('d2', text)).toBeNull();
  expect(dismissals.hidden('d1', 'Something else entirely, written from scratch.')).toBeNull();
  // Forgotten once the draft moved on: back at the old text, the nudge shows again.
  expect(dismissals.hidden('d1', text)).toBeNull();
});

test('dismissal is per nudge: each from the text it was dismissed at, each undone on its own', () => {
  const text = 'Buy our new plan today, 20% off for the first 100 customers who sign up this week!';
  const dismissals = new Dismissals();
  dismissals.dismiss('d1', text, 'pure-promotion');
  dismissals.dismiss('d1', text, 'no-invitation');
  expect(dismissals.hidden('d1', text)).toEqual(new Set(['pure-promotion', 'no-invitation']));
  dismissals.restore('d1', 'no-invitation');
  expect(dismissals.hidden('d1', text)).toEqual(new Set(['pure-promotion']));
  // A later dismissal counts from the text it was made at.
  const edited = `${text} Tell us what you think, honestly and openly.`;
  dismissals.dismiss('d1', edited, 'vanity-metrics');
  const rewritten = `${edited} Any thoughts?`;
  expect(changedSubstantially(text, rewritten)).toBe(true);
  expect(changedSubstantially(edited, rewritten)).toBe(false);
  expect(dismissals.hidden('d1', rewritten)).toEqual(new Set(['vanity-metrics']));
  dismissals.restore('d1', 'vanity-metrics');
  expect(dismissals.hidden('d1', rewritten)).toBeNull();
  // Restoring what was never dismissed changes nothing.
  dismissals.restore('d2', 'pure-promotion');
  expect(dismissals.hidden('d2', text)).toBeNull();
});
