/**
 * Admin packs for the pack keeper's tests (unit and browser: test/browser/pack-sync.test.ts): text
 * as a server would serve it, and signing.
 */
import { generateKeyPair, signBytes, type KeyPair } from '../../../../src/shared/signing.ts';

export const MESSAGE = { title: 'Mentions Zephyr', reason: 'R', suggestion: 'S' };

/** An admin pack over the default with one lexicon rule for `term` and its own examples, plus `rules`. */
export function adminPack(
  version: string,
  extra: Record<string, unknown> = {},
  term = 'zephyr',
  rules: unknown[] = [],
): string {
  return JSON.stringify({
    schema: 1,
    name: 'acme',
    version,
    extends: 'default',
    rules: [
      {
        id: 'acme-term',
        type: 'lexicon',
        severity: 'warn',
        message: MESSAGE,
        params: { terms: [term] },
        examples: { fire: [`We talked about ${term} today.`], pass: ['Nothing to see here.'] },
      },
      ...rules,
    ],
    ...extra,
  });
}

let keys: Promise<KeyPair> | undefined;
export function testKeys(): Promise<KeyPair> {
  keys ??= generateKeyPair();
  return keys;
}

export async function sign(text: string): Promise<string> {
  return signBytes(new TextEncoder().encode(text), (await testKeys()).privateKey);
}
