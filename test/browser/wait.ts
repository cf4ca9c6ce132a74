/**
 * Polling for browser tests: what the extension does happens a moment later, and a busy machine
 * is slow, never wrong. Each throws with what it last saw when its time runs out.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `check()` holds; an asynchronous check, run from here (Tab.waitFor runs page functions). */
export async function eventually(check: () => Promise<boolean> | boolean, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeout} ms`);
    await sleep(100);
  }
}

/** The first value `read()` gives that `ok` accepts; a read that throws counts as not yet. */
export async function until<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeout = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`not within ${timeout} ms; last value: ${JSON.stringify(value)}`);
    await sleep(200);
  }
}
