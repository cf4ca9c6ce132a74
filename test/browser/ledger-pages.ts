/**
 * Functions the ledger tests evaluate inside the extension's own pages (same origin as the worker,
 * so the same IndexedDB). Each is self-contained: it is serialised into the page.
 */

export interface ExportedEvent {
  at: string;
  type: string;
  platform: string;
  kind?: string;
  id?: string;
  to?: string;
  text?: string;
  promotional?: boolean;
  fingerprint?: number[];
}

export interface Exported {
  format: string;
  version: number;
  retentionDays: number;
  events: ExportedEvent[];
}

/** One message to the worker, through whichever API the browser names. */
export async function send(message: unknown): Promise<unknown> {
  const ext = globalThis as unknown as {
    browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  };
  return (ext.browser ?? ext.chrome)!.runtime.sendMessage(message);
}

/** The ledger as the popup's Export gets it. */
export async function exportLedger(): Promise<Exported> {
  const ext = globalThis as unknown as {
    browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  };
  const reply = (await (ext.browser ?? ext.chrome)!.runtime.sendMessage({ type: 'export-ledger' })) as {
    ok: boolean;
    json?: string;
    error?: string;
  };
  if (!reply.ok || typeof reply.json !== 'string') throw new Error(`export-ledger: ${reply.error}`);
  return JSON.parse(reply.json) as Exported;
}

/** The titles of the nudges the worker gives an empty post on X now (history nudges only). */
export async function historyTitles(): Promise<string[]> {
  const ext = globalThis as unknown as {
    browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    chrome?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
  };
  const reply = (await (ext.browser ?? ext.chrome)!.runtime.sendMessage({
    type: 'score',
    draftId: 'ledger-test',
    platform: 'x',
    kind: 'post',
    text: '',
  })) as { ok: boolean; result?: { nudges: { id: string; title: string }[] } };
  if (!reply.ok || !reply.result) throw new Error('score refused');
  return reply.result.nudges.map((n) => `${n.id}: ${n.title}`);
}

/**
 * Writes records straight into the ledger's IndexedDB store, behind the worker's back (as a
 * previous worker would have left them): only a worker that rebuilds its summary from IndexedDB
 * when it starts sees them.
 */
export function writeRecords(records: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('rapport-ledger');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('records', 'readwrite');
      for (const record of records) tx.objectStore('records').put(record);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/**
 * Sends `count` published messages, a few per tick (a stream the worker is still writing from
 * whenever it is stopped), and keeps score of their answers in the page (`__ledgerAcks`: the texts
 * the worker acknowledged; `__ledgerFailed`: sends that got no answer). With `reloadAfter`, the
 * page itself reloads the extension right after that many answers and resolves with the ones it
 * had; the sends it had not made by then never happen, so the reload lands mid-stream however fast
 * the worker writes (a burst sent at once was all written before a test polling from outside could
 * reload: a fast Firefox writes 300 events in well under a second).
 */
export function publishMany({
  count,
  prefix,
  reloadAfter,
}: {
  count: number;
  prefix: string;
  reloadAfter?: number;
}): Promise<string[]> | undefined {
  type Runtime = { sendMessage(m: unknown): Promise<unknown>; reload(): void };
  const ext = globalThis as unknown as {
    browser?: { runtime: Runtime };
    chrome?: { runtime: Runtime };
    __ledgerAcks: string[];
    __ledgerFailed: number;
  };
  const runtime = (ext.browser ?? ext.chrome)!.runtime;
  const PER_TICK = 5;
  ext.__ledgerAcks = [];
  ext.__ledgerFailed = 0;
  let reached: (acks: string[]) => void = () => undefined;
  const atReload = new Promise<string[]>((resolve) => (reached = resolve));
  const start = Date.now();
  const send = (i: number) => {
    const text = `${prefix} ${i}: the deploy took ${i} minutes after we cached the dependencies. What did yours take?`;
    runtime
      .sendMessage({
        type: 'published',
        platform: 'mastodon',
        kind: 'post',
        at: new Date(start - 1000 + i).toISOString(),
        text,
      })
      .then(
        (reply) => {
          if ((reply as { ok?: boolean } | undefined)?.ok) {
            ext.__ledgerAcks.push(text);
            if (ext.__ledgerAcks.length === reloadAfter) {
              reached([...ext.__ledgerAcks]);
              // A moment for the answer to reach the test before the page goes with the extension.
              setTimeout(() => runtime.reload(), 50);
            }
          } else ext.__ledgerFailed++;
        },
        () => ext.__ledgerFailed++,
      );
  };
  const tick = (from: number) => {
    for (let i = from; i < Math.min(from + PER_TICK, count); i++) send(i);
    if (from + PER_TICK < count) setTimeout(() => tick(from + PER_TICK), 0);
  };
  tick(0);
  return reloadAfter === undefined ? undefined : atReload;
}

export function ackCounts(): { acks: string[]; failed: number } {
  const ext = globalThis as unknown as { __ledgerAcks: string[]; __ledgerFailed: number };
  return { acks: [...ext.__ledgerAcks], failed: ext.__ledgerFailed };
}
