/** The active pack: the built-in one until the keeper installs another; the first draft waits for the stored pack, briefly. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  activePack,
  awaitPackLoad,
  builtInPack,
  installPack,
  loadedPack,
} from '../../../../src/background/active-pack.ts';
import { compilePackText } from '../../../../src/engine/index.ts';
import { adminPack } from './packs.ts';

afterEach(() => {
  installPack(undefined);
  awaitPackLoad(Promise.resolve());
  vi.useRealTimers();
});

describe('active pack', () => {
  it('is the built-in pack until one is installed, and again after undefined', () => {
    expect(activePack()).toBe(builtInPack());
    const acme = compilePackText(adminPack('1.0.0'), builtInPack());
    installPack(acme);
    expect(activePack()).toBe(acme);
    installPack(undefined);
    expect(activePack()).toBe(builtInPack());
  });

  it('lets a draft at worker start wait for the stored pack', async () => {
    const acme = compilePackText(adminPack('1.0.0'), builtInPack());
    let finish!: () => void;
    awaitPackLoad(new Promise<void>((resolve) => (finish = resolve)));
    const pending = loadedPack();
    installPack(acme);
    finish();
    expect(await pending).toBe(acme);
  });

  it('does not hold scoring up for more than a second on a load that hangs', async () => {
    vi.useFakeTimers();
    awaitPackLoad(new Promise(() => undefined));
    const pending = loadedPack();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await pending).toBe(builtInPack());
  });
});
