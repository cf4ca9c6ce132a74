/**
 * Ed25519 signatures for rule packs, through WebCrypto only, so the same code runs in Node 20 (the CLI),
 * the extension's worker and tests. Keys and signatures travel as base64 text:
 * the public key as the 32 raw bytes, the private key as PKCS8, the signature as 64 raw bytes.
 */

const ED25519 = { name: 'Ed25519' } as const;
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export interface KeyPair {
  /** base64 of the 32 raw public-key bytes: what `rulePackPublicKeys` lists. */
  publicKey: string;
  /** base64 of the PKCS8 private key: keep it secret. */
  privateKey: string;
}

export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so a large file does not overflow the argument list of String.fromCharCode.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Strict: padding required, no URL-safe alphabet; surrounding whitespace (a trailing newline) is ignored. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  const trimmed = text.trim();
  if (!BASE64.test(trimmed)) return undefined;
  const binary = atob(trimmed);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Why `text` is not a usable public key, or undefined when it is one. */
export function publicKeyProblem(text: string): string | undefined {
  const bytes = decodeBase64(text);
  if (!bytes) return 'is not base64';
  if (bytes.length !== PUBLIC_KEY_BYTES) {
    return `is ${bytes.length} bytes, an Ed25519 public key is ${PUBLIC_KEY_BYTES} (a private key by mistake?)`;
  }
  return undefined;
}

export async function generateKeyPair(): Promise<KeyPair> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const [raw, pkcs8] = await Promise.all([
    crypto.subtle.exportKey('raw', pair.publicKey),
    crypto.subtle.exportKey('pkcs8', pair.privateKey),
  ]);
  return { publicKey: encodeBase64(new Uint8Array(raw)), privateKey: encodeBase64(new Uint8Array(pkcs8)) };
}

async function importPrivateKey(privB64: string): Promise<CryptoKey> {
  const bytes = decodeBase64(privB64);
  if (!bytes) throw new Error('the private key is not base64');
  try {
    return await crypto.subtle.importKey('pkcs8', bytes, ED25519, true, ['sign']);
  } catch {
    const hint = bytes.length === PUBLIC_KEY_BYTES ? ' (this looks like a public key)' : '';
    throw new Error(`the private key is not a PKCS8 Ed25519 key${hint}`);
  }
}

/** The base64 public key that belongs to a base64 PKCS8 private key; throws on a bad key. */
export async function publicKeyOf(privB64: string): Promise<string> {
  const jwk = await crypto.subtle.exportKey('jwk', await importPrivateKey(privB64));
  if (!jwk.x) throw new Error('the private key carries no public part');
  const base64 = jwk.x.replace(/-/g, '+').replace(/_/g, '/');
  return base64 + '='.repeat((4 - (base64.length % 4)) % 4);
}

/** A detached signature (base64) over exactly `bytes`. Throws with a plain message on a bad key. */
export async function signBytes(bytes: Uint8Array, privB64: string): Promise<string> {
  const key = await importPrivateKey(privB64);
  // The copy gives WebCrypto a plain ArrayBuffer even when `bytes` views a Node Buffer's pool.
  return encodeBase64(new Uint8Array(await crypto.subtle.sign(ED25519, key, new Uint8Array(bytes))));
}

/** True only when `sigB64` is a valid signature of `bytes` by `pubB64`; any garbage input gives false. */
export async function verifyBytes(bytes: Uint8Array, sigB64: string, pubB64: string): Promise<boolean> {
  try {
    const signature = decodeBase64(sigB64);
    const raw = decodeBase64(pubB64);
    if (signature?.length !== SIGNATURE_BYTES || raw?.length !== PUBLIC_KEY_BYTES) return false;
    const key = await crypto.subtle.importKey('raw', raw, ED25519, false, ['verify']);
    return await crypto.subtle.verify(ED25519, key, signature, new Uint8Array(bytes));
  } catch {
    return false;
  }
}
