/**
 * The extension's fixed identities. Admin policy files and tests name the extension by these, so
 * they must never change between builds.
 *
 * Chromium derives the id from the manifest `key` (base64 DER of an RSA-2048 public key): the
 * first 32 hex digits of its SHA-256, each digit 0-f written as a-p. The private half is not in
 * the repository; only the Chrome Web Store would need it. The key itself is in manifest.json.
 */
import { key } from '../../manifest.json' with { type: 'json' };

export const MANIFEST_PUBLIC_KEY: string = key;

/** Chromium extension id that MANIFEST_PUBLIC_KEY yields. */
export const CHROME_EXTENSION_ID = 'gdgmjmajfgjfjimfpgmgfjfppanodldc';

/** Firefox add-on id (`browser_specific_settings.gecko.id`). */
export const GECKO_ID = 'rapport@rapport.app';
