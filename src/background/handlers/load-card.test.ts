import { describe, expect, it, vi } from 'vitest';
import { createLoadCardHandler } from './load-card.ts';

describe('load-card handler', () => {
  it("injects the card into the sender's own tab and frame", async () => {
    const inject = vi.fn(async () => undefined);
    const load = createLoadCardHandler(inject);
    expect(await load({ type: 'load-card' }, { id: 'me', tab: { id: 5 }, frameId: 3 })).toEqual({ ok: true });
    expect(await load({ type: 'load-card' }, { id: 'me', tab: { id: 6 } })).toEqual({ ok: true });
    expect(inject.mock.calls).toEqual([
      [5, 3],
      [6, 0],
    ]);
  });

  it('refuses a sender without a tab, and reports a failed injection', async () => {
    const inject = vi.fn(async () => {
      throw new Error('Cannot access contents of the page');
    });
    const load = createLoadCardHandler(inject);
    expect(await load({ type: 'load-card' }, { id: 'me' })).toMatchObject({ ok: false });
    expect(await load({ type: 'load-card' }, { id: 'me', tab: { id: -1 } })).toMatchObject({ ok: false });
    expect(inject).not.toHaveBeenCalled();
    await expect(load({ type: 'load-card' }, { id: 'me', tab: { id: 2 } })).rejects.toThrow('Cannot access');
  });
});
