import { describe, expect, it } from 'vitest';
import {
  decodeBase64,
  encodeBase64,
  generateKeyPair,
  publicKeyOf,
  publicKeyProblem,
  signBytes,
  verifyBytes,
} from '../../src/shared/signing.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('Ed25519 pack signing', () => {
  it('round-trips: a signature made with the private key verifies with its public key', async () => {
    const pair = await generateKeyPair();
    expect(decodeBase64(pair.publicKey)).toHaveLength(32);
    const data = bytes('{"schema":1,"name":"acme"}');
    const signature = await signBytes(data, pair.privateKey);
    expect(decodeBase64(signature)).toHaveLength(64);
    expect(await verifyBytes(data, signature, pair.publicKey)).toBe(true);
    expect(await verifyBytes(data, `${signature}\n`, `${pair.publicKey}\n`)).toBe(true);
    expect(await publicKeyOf(pair.privateKey)).toBe(pair.publicKey);
  });

  it('fails on a single changed byte and on another key', async () => {
    const [pair, other] = await Promise.all([generateKeyPair(), generateKeyPair()]);
    const data = bytes('{"schema":1,"version":"1.0.0"}');
    const signature = await signBytes(data, pair.privateKey);
    const tampered = data.slice();
    tampered[5] = (tampered[5] ?? 0) ^ 1;
    expect(await verifyBytes(tampered, signature, pair.publicKey)).toBe(false);
    expect(await verifyBytes(data, signature, other.publicKey)).toBe(false);
    expect(await verifyBytes(data, await signBytes(data, other.privateKey), pair.publicKey)).toBe(false);
  });

  it('returns false, never throws, on garbage', async () => {
    const pair = await generateKeyPair();
    const data = bytes('x');
    const signature = await signBytes(data, pair.privateKey);
    const garbage = [
      '',
      '!!!',
      'AAAA',
      'not base64 at all',
      pair.privateKey,
      signature.slice(0, -4),
      '=' as string,
    ];
    for (const value of garbage) {
      expect(await verifyBytes(data, value, pair.publicKey)).toBe(false);
      expect(await verifyBytes(data, signature, value)).toBe(false);
    }
    // An all-zero 32-byte key is a small-order point: import or verify may reject it; either way, false.
    expect(await verifyBytes(data, signature, encodeBase64(new Uint8Array(32)))).toBe(false);
    expect(await verifyBytes(data, encodeBase64(new Uint8Array(64)), pair.publicKey)).toBe(false);
  });

  it('explains a wrong private key instead of signing', async () => {
    const pair = await generateKeyPair();
    await expect(signBytes(bytes('x'), pair.publicKey)).rejects.toThrow('looks like a public key');
    await expect(signBytes(bytes('x'), 'no!')).rejects.toThrow('not base64');
    await expect(signBytes(bytes('x'), encodeBase64(new Uint8Array(48)))).rejects.toThrow(
      'not a PKCS8 Ed25519 key',
    );
  });

  it('names what is wrong with a public key', async () => {
    const pair = await generateKeyPair();
    expect(publicKeyProblem(pair.publicKey)).toBeUndefined();
    expect(publicKeyProblem('abc')).toBe('is not base64');
    expect(publicKeyProblem(pair.privateKey)).toContain('48 bytes');
  });

  it('decodes strict base64 only and survives large inputs', () => {
    const large = new Uint8Array(200_000).map((_, i) => i % 251);
    const decoded = decodeBase64(encodeBase64(large));
    // Buffer comparison: a deep equality over 200k elements is needlessly slow.
    expect(decoded && Buffer.compare(decoded, large)).toBe(0);
    expect(decodeBase64('a-b_')).toBeUndefined();
    expect(decodeBase64('YWJj')).toEqual(bytes('abc'));
    expect(decodeBase64('YWJ')).toBeUndefined();
  });
});
