import { afterEach, expect, test, vi } from 'vitest';
import { createChannel, PortClosed } from '../../../src/content/channel.ts';
import { forContentScript, MAX_CARD_EVIDENCE, servePort } from '../../../src/background/content-port.ts';
import { CONTENT_PORT } from '../../../src/shared/port.ts';
import { fakeWorker } from './fake-port.ts';

afterEach(() => {
  vi.useRealTimers();
});

test('pairs each reply with its request; the worker answers one request after another, in order', async () => {
  const started: number[] = [];
  const worker = fakeWorker(async (m) => {
    const n = (m as { n: number }).n;
    started.push(n);
    // The first is the slowest; the others still wait for it.
    await new Promise((r) => setTimeout(r, n === 1 ? 20 : 0));
    return { echo: n, after: [...started] };
  });
  const channel = createChannel(() => worker, CONTENT_PORT);
  const replies = await Promise.all([channel.send({ n: 1 }), channel.send({ n: 2 }), channel.send({ n: 3 })]);
  expect(replies).toEqual([
    { echo: 1, after: [1] },
    { echo: 2, after: [1, 2] },
    { echo: 3, after: [1, 2, 3] },
  ]);
  expect(worker.ports).toHaveLength(1);
  channel.close();
});

test('a quiet request is answered only when its key has a new answer; brief ones carry no reasons', async () => {
  const nudge = { id: 'pure-promotion', severity: 'warn', title: 'T', reason: 'R 12', suggestion: 'S' };
  let score = 60;
  const worker = fakeWorker(async () => ({
    ok: true,
    result: { score, band: 'fair', nudges: [{ ...nudge, evidence: [] }], notes: [], truncated: false },
  }));
  const channel = createChannel(() => worker, CONTENT_PORT);
  const settled: string[] = [];
  const ask = (label: string, flags: Record<string, unknown>) =>
    void channel.send({ type: 'score' }, flags).then(() => settled.push(label));
  const flush = () => new Promise((r) => setTimeout(r, 10));

  ask('first', { key: 'd1', quiet: false, brief: true });
  await flush();
  ask('same, quiet', { key: 'd1', quiet: true, brief: true });
  await flush();
  expect(settled).toEqual(['first']);
  // Another draft has its own answers.
  ask('other draft', { key: 'd2', quiet: true, brief: true });
  await flush();
  expect(settled).toEqual(['first', 'other draft']);
  // Not quiet: answered even though nothing changed.
  ask('same, loud', { key: 'd1', quiet: false, brief: true });
  await flush();
  expect(settled.at(-1)).toBe('same, loud');
  score = 61;
  ask('changed', { key: 'd1', quiet: true, brief: true });
  await flush();
  expect(settled.at(-1)).toBe('changed');
  // The card opened: reasons are wanted now, which is a different answer.
  const detailed = await channel.send({ type: 'score' }, { key: 'd1', quiet: true, brief: false });
  expect(detailed).toEqual({
    ok: true,
    result: { score: 61, band: 'fair', nudges: [{ ...nudge, evidence: [] }] },
  });
  channel.close();
});

test('a request caught by a worker restart is sent once more on a fresh port', async () => {
  let hold = true;
  const worker = fakeWorker(async () => {
    if (hold) await new Promise(() => {}); // the first worker never answers: it is about to restart
    return 'answered';
  });
  const channel = createChannel(() => worker, CONTENT_PORT);
  const reply = channel.send({ type: 'score' });
  await Promise.resolve();
  hold = false;
  worker.ports[0]!.dropByWorker();
  await expect(reply).resolves.toBe('answered');
  expect(worker.ports).toHaveLength(2);
  channel.close();
});

test('gives up with PortClosed when the retry is cut off too, and when the extension is gone', async () => {
  const worker = fakeWorker(() => new Promise(() => {}));
  const channel = createChannel(() => worker, CONTENT_PORT);
  const reply = channel.send({});
  await Promise.resolve();
  worker.ports[0]!.dropByWorker();
  await Promise.resolve();
  worker.ports[1]!.dropByWorker();
  await expect(reply).rejects.toBeInstanceOf(PortClosed);
  channel.close();

  worker.id = undefined;
  await expect(createChannel(() => worker, CONTENT_PORT).send({})).rejects.toBeInstanceOf(PortClosed);
  await expect(createChannel(() => undefined, CONTENT_PORT).send({})).rejects.toBeInstanceOf(PortClosed);
});

test('closes the port after a quiet spell so the worker can sleep, and reopens on demand', async () => {
  vi.useFakeTimers();
  const worker = fakeWorker(async () => 'ok');
  const channel = createChannel(() => worker, CONTENT_PORT, 1000);
  await expect(channel.send({})).resolves.toBe('ok');
  await vi.advanceTimersByTimeAsync(999);
  expect(worker.ports[0]!.closed).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(worker.ports[0]!.closed).toBe(true);
  await expect(channel.send({})).resolves.toBe('ok');
  expect(worker.ports).toHaveLength(2);
  channel.close();
});

test('each request starts the quiet spell again, and a request still waiting keeps the port open', async () => {
  vi.useFakeTimers();
  let answer: ((reply: string) => void) | null = null;
  const worker = fakeWorker((m) =>
    (m as { slow?: boolean }).slow ? new Promise((r) => (answer = r)) : Promise.resolve('ok'),
  );
  const channel = createChannel(() => worker, CONTENT_PORT, 1000);
  await channel.send({});
  await vi.advanceTimersByTimeAsync(600);
  await channel.send({});
  await vi.advanceTimersByTimeAsync(999);
  expect(worker.ports[0]!.closed).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(worker.ports[0]!.closed).toBe(true);

  const slow = channel.send({ slow: true });
  await vi.advanceTimersByTimeAsync(5000);
  expect(worker.ports[1]!.closed).toBe(false);
  answer!('late');
  await expect(slow).resolves.toBe('late');
  await vi.advanceTimersByTimeAsync(1000);
  expect(worker.ports[1]!.closed).toBe(true);
});

test('a quiet request left unanswered does not keep the port open', async () => {
  vi.useFakeTimers();
  const worker = fakeWorker(async () => ({ ok: true, result: { score: 1, band: 'weak', nudges: [] } }));
  const channel = createChannel(() => worker, CONTENT_PORT, 1000);
  await channel.send({}, { key: 'd', quiet: false });
  void channel.send({}, { key: 'd', quiet: true });
  await vi.advanceTimersByTimeAsync(999);
  expect(worker.ports[0]!.closed).toBe(false);
  await vi.advanceTimersByTimeAsync(1001);
  expect(worker.ports[0]!.closed).toBe(true);
});

test("the worker's end ignores other ports and forged envelopes, and routes with the port's sender", async () => {
  const routed: Array<[unknown, unknown]> = [];
  const listeners: Array<(m: unknown) => void> = [];
  const posted: unknown[] = [];
  const port = (name: string) => ({
    name,
    sender: { id: 'ext-id', tab: { id: 7 } },
    postMessage: (m: unknown) => posted.push(m),
    onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) },
  });
  const route = async (message: unknown, sender: unknown) => {
    routed.push([message, sender]);
    return { ok: true };
  };
  servePort(port('somebody-else'), route);
  expect(listeners).toHaveLength(0);
  servePort(port(CONTENT_PORT), route);
  for (const forged of [null, 'score', { message: { type: 'score' } }, { id: 'x', message: {} }]) {
    listeners[0]!(forged);
  }
  listeners[0]!({ id: 4, message: { type: 'score' } });
  await new Promise((r) => setTimeout(r, 0));
  expect(routed).toEqual([[{ type: 'score' }, { id: 'ext-id', tab: { id: 7 } }]]);
  expect(posted).toEqual([{ id: 4, reply: { ok: true } }]);
});

test('a score answer reaches the page with only what the indicator and its card show; evidence only for the open card', () => {
  const nudge = { id: 'pure-promotion', severity: 'warn', title: 'T', reason: 'R', suggestion: 'S' };
  const evidence = [{ text: 'buy now', start: 3, end: 10 }];
  const full = {
    ok: true,
    result: {
      score: 65,
      band: 'fair',
      nudges: [{ ...nudge, evidence }],
      notes: ['a note'],
      truncated: false,
    },
  };
  expect(forContentScript(full)).toEqual({
    ok: true,
    result: { score: 65, band: 'fair', nudges: [{ ...nudge, evidence }] },
  });
  const brief = forContentScript(full, true);
  expect(brief).toEqual({
    ok: true,
    result: { score: 65, band: 'fair', nudges: [{ ...nudge, reason: '', suggestion: '' }] },
  });
  // A brief answer (the card is closed) quotes nothing of the draft.
  expect(JSON.stringify(brief)).not.toContain('buy now');
  // The card quotes a couple of ranges; a nudge with dozens carries only the first few.
  const many = Array.from({ length: 30 }, (_, i) => ({ text: 'x', start: i, end: i + 1 }));
  const detailed = forContentScript({
    ...full,
    result: { ...full.result, nudges: [{ ...nudge, evidence: many }] },
  }) as { result: { nudges: Array<{ evidence: unknown[] }> } };
  expect(detailed.result.nudges[0]!.evidence).toEqual(many.slice(0, MAX_CARD_EVIDENCE));
  // Anything that is not a successful score answer passes as it is.
  for (const other of [{ ok: true }, { ok: false, error: 'bad' }, null, 'x']) {
    expect(forContentScript(other)).toEqual(other);
  }
});

test('keyed drafts travel as edits on one port; the worker sees every whole text, and a new port starts whole', async () => {
  const seen: string[] = [];
  const envelopes: unknown[] = [];
  const worker = fakeWorker(async (m) => {
    seen.push((m as { text: string }).text);
    return { ok: true };
  });
  const channel = createChannel(() => worker, CONTENT_PORT);
  const texts = ['Hello', 'Hello there', 'Hello there!', 'Oh, hello there!'];
  for (const text of texts) await channel.send({ type: 'score', text }, { key: 'd1' });
  const port = worker.ports[0]!;
  const post = port.postMessage.bind(port);
  port.postMessage = (m: unknown) => {
    envelopes.push(m);
    post(m);
  };
  await channel.send({ type: 'score', text: 'Oh, hello there!!' }, { key: 'd1' });
  // Another draft starts whole, and the next one of the first draft too (the base moved).
  await channel.send({ type: 'score', text: 'Other' }, { key: 'd2' });
  await channel.send({ type: 'score', text: 'Oh, hello there!!?' }, { key: 'd1' });
  expect(seen).toEqual([...texts, 'Oh, hello there!!', 'Other', 'Oh, hello there!!?']);
  expect(envelopes).toEqual([
    { id: 5, message: { type: 'score', text: '' }, key: 'd1', edit: [16, 0, '!'] },
    { id: 6, message: { type: 'score', text: 'Other' }, key: 'd2', edit: undefined },
    { id: 7, message: { type: 'score', text: 'Oh, hello there!!?' }, key: 'd1', edit: undefined },
  ]);
  worker.ports[0]!.dropByWorker();
  await channel.send({ type: 'score', text: 'Oh, hello there!!?.' }, { key: 'd1' });
  expect(seen.at(-1)).toBe('Oh, hello there!!?.');
  channel.close();
});

test('the worker answers an edit it has no text for with an error, never a guess', async () => {
  const listeners: Array<(m: unknown) => void> = [];
  const posted: unknown[] = [];
  servePort(
    {
      name: CONTENT_PORT,
      postMessage: (m) => posted.push(m),
      onMessage: { addListener: (l) => listeners.push(l) },
    },
    async () => ({ ok: true }),
  );
  listeners[0]!({ id: 1, message: { type: 'score', text: '' }, key: 'd1', edit: [3, 0, 'x'] });
  await new Promise((r) => setTimeout(r, 0));
  expect(posted).toEqual([{ id: 1, reply: { ok: false, error: 'edit without its text' } }]);
});
