/**
 * Fetches the admin's pack URL and, when keys are set, its detached signature `<url>.sig`.
 * Nothing else goes out: no cookies, no parameters, no draft. The body is read up to the size cap
 * and no further, so an endless response cannot fill the worker's memory.
 */
import { MAX_PACK_BYTES } from '../../engine/pack/schema.ts';

export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

export type Fetched =
  | { status: 'not-modified' }
  | { status: 'body'; text: string; etag: string | undefined; signature: string | undefined };

/** A fetch that failed (network, HTTP status, too large): retried with back-off. */
export class FetchFailure extends Error {}
/** A body that arrived but cannot be a pack (too large): refused, like a bad pack. */
export class TooLarge extends Error {}

const MAX_SIG_BYTES = 1024;

async function readCapped(res: Response, cap: number): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > cap) throw new TooLarge(`too large: ${declared} bytes, the limit is ${cap}`);
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel();
      throw new TooLarge(`too large: more than ${cap} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  // Not `fatal`: invalid UTF-8 turns into U+FFFD, and then fails the signature or the schema.
  return new TextDecoder().decode(bytes);
}

/** A host that accepts the connection and then never answers must not hold the keeper forever. */
export const FETCH_TIMEOUT_MS = 30_000;

const init = (timeoutMs: number, headers: Record<string, string> = {}): RequestInit => ({
  cache: 'no-store',
  credentials: 'omit',
  redirect: 'follow',
  headers,
  // Covers reading the body too: a trickling response is cut off with the rest.
  signal: AbortSignal.timeout(timeoutMs),
});

export async function fetchPack(
  fetchFn: FetchFn,
  url: string,
  etag: string | undefined,
  wantSignature: boolean,
  timeoutMs = FETCH_TIMEOUT_MS,
): Promise<Fetched> {
  let res: Response;
  try {
    res = await fetchFn(url, init(timeoutMs, etag ? { 'If-None-Match': etag } : {}));
  } catch (error) {
    throw new FetchFailure(`could not fetch ${url}: ${(error as Error).message}`);
  }
  if (res.url && !res.url.startsWith('https:')) throw new FetchFailure(`${url} redirected off https`);
  if (res.status === 304) return { status: 'not-modified' };
  if (!res.ok) throw new FetchFailure(`${url} answered HTTP ${res.status}`);
  let text: string;
  try {
    text = await readCapped(res, MAX_PACK_BYTES);
  } catch (error) {
    if (error instanceof TooLarge) throw error;
    throw new FetchFailure(`could not read ${url}: ${(error as Error).message}`);
  }
  let signature: string | undefined;
  if (wantSignature) {
    let sig: Response;
    try {
      sig = await fetchFn(`${url}.sig`, init(timeoutMs));
    } catch (error) {
      throw new FetchFailure(`could not fetch ${url}.sig: ${(error as Error).message}`);
    }
    // A missing signature is the pack's problem (refused as unsigned), not a network failure.
    if (sig.ok) signature = (await readCapped(sig, MAX_SIG_BYTES).catch(() => '')).trim() || undefined;
    else if (sig.status !== 404 && sig.status !== 410)
      throw new FetchFailure(`${url}.sig answered HTTP ${sig.status}`);
  }
  return { status: 'body', text, etag: res.headers.get('etag') ?? undefined, signature };
}
