/** fetchPack on its own: a host that never answers, a body past the cap, the signature file. */
import { describe, expect, it } from 'vitest';
import { FetchFailure, TooLarge, fetchPack } from '../../../../src/background/pack/fetch-pack.ts';

const URL = 'https://packs.example/acme.json';

describe('fetchPack', () => {
  it('gives up on a host that never answers, as a fetch failure (retried with back-off)', async () => {
    const hanging = (_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('timed out', 'TimeoutError')));
      });
    await expect(fetchPack(hanging, URL, undefined, false, 50)).rejects.toBeInstanceOf(FetchFailure);
  });

  it('stops reading a body without a length past the cap', async () => {
    let pulled = 0;
    const endless = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled++;
            controller.enqueue(new Uint8Array(64 * 1024).fill(32));
          },
        }),
      );
    await expect(fetchPack(endless, URL, undefined, false)).rejects.toBeInstanceOf(TooLarge);
    expect(pulled).toBeLessThan(40);
  });

  it('refuses a declared length past the cap without reading', async () => {
    const big = async () => new Response('{}', { headers: { 'content-length': '5000000' } });
    await expect(fetchPack(big, URL, undefined, false)).rejects.toThrow(/too large: 5000000 bytes/);
  });

  it('sends no cookies, asks past the cache, and fetches <url>.sig only when keys are set', async () => {
    const seen: [string, RequestInit][] = [];
    const ok = async (url: string, init: RequestInit) => {
      seen.push([url, init]);
      return new Response(url.endsWith('.sig') ? 'c2ln\n' : '{"schema":1}', { headers: { etag: '"e"' } });
    };
    expect(await fetchPack(ok, URL, '"old"', false)).toEqual({
      status: 'body',
      text: '{"schema":1}',
      etag: '"e"',
      signature: undefined,
    });
    expect(seen.map(([u]) => u)).toEqual([URL]);
    expect(seen[0]![1]).toMatchObject({
      credentials: 'omit',
      cache: 'no-store',
      headers: { 'If-None-Match': '"old"' },
    });
    expect(await fetchPack(ok, URL, undefined, true)).toMatchObject({ signature: 'c2ln' });
    expect(seen.map(([u]) => u).slice(1)).toEqual([URL, `${URL}.sig`]);
  });
});
