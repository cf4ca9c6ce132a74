// A ReaderContext for unit tests: the API fixtures (test/fixtures/apis/) behind a fetch, a fixed
// clock, and a record of every request the reader made.
import { createFixtureApis, type FixtureApis } from '../../fixtures/apis/index.ts';
import type { ReaderContext } from '../../../src/content/readers/reader.ts';

export interface Sent {
  url: string;
  headers: Record<string, string>;
}

export interface TestContext extends ReaderContext {
  apis: FixtureApis;
  sent: Sent[];
}

export function context(
  page: string,
  options: {
    doc?: Document;
    storage?: Record<string, string>;
    /** Headers the browser itself adds (a session cookie). */
    browserHeaders?: Record<string, string>;
    now?: Date;
    fetch?: (url: string, headers: Record<string, string>) => Response | Promise<Response>;
  } = {},
): TestContext {
  const apis = createFixtureApis();
  const sent: Sent[] = [];
  const values = new Map(Object.entries(options.storage ?? {}));
  const storage = {
    getItem: (key: string) => values.get(key) ?? null,
  } as unknown as Storage;
  return {
    apis,
    sent,
    doc: options.doc ?? (undefined as unknown as Document),
    url: new URL(page),
    now: () => options.now ?? new Date(),
    storage: () => storage,
    async fetch(url, init) {
      const headers = { ...init.headers };
      sent.push({ url, headers });
      if (options.fetch) return options.fetch(url, headers);
      const target = new URL(url);
      const answer = apis.answer({
        host: target.hostname,
        method: 'GET',
        url: target,
        headers: { ...headers, ...options.browserHeaders },
      });
      if (!answer) return new Response('<!doctype html><p>not an API</p>', { status: 200 });
      const { status, headers: out, body } = answer.response;
      return new Response(status === 204 ? null : body, { status, headers: out });
    },
  };
}
