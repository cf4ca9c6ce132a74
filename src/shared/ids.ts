/**
 * The extension's fixed identities. Admin policy files and tests name the extension by these, so
 * they must never change between builds.
 *
 * Chromium derives the id from the manifest `key` (base64 DER of an RSA-2048 public key): the
 * first 32 hex digits of its SHA-256, each digit 0-f written as a-p. The private half is not in
 * the repository; only the Chrome Web Store would need it.
 */
export const MANIFEST_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuVZ9NIeZ/+IhSyTa32XXY7SIpWxq8dSNhyOc5/T/CZSQ95vv4pDvWztThVKLX8iO6/xXlbWG9Lz/v82uI8JUMRR1Vkt/7LbvK/zICzdGNs0+TD5NJklHkjozXKlYuxAawkBPxRzaXkQ9y2+2dDBXY/6zi+DmDkFUYp6Og4HvpXpzFJ6moZx7d10rnLqMX6iAuANbW5jW+MXDC7vSqOzbH8OuUlOiRsZAU9qzriwR8QU+fnyruVk+cFbTE+vETUxRDV0vZ5snAKYZCw8dr1TYOPVb6yXEzVLjv7f7sILplVcT61RL67tNSMLQ2uZPmGHHGr6AlzBgv8aLtSiaCopyvwIDAQAB';

/** Chromium extension id that MANIFEST_PUBLIC_KEY yields. */
export const CHROME_EXTENSION_ID = 'gdgmjmajfgjfjimfpgmgfjfppanodldc';

/** Firefox add-on id (`browser_specific_settings.gecko.id`). */
export const GECKO_ID = 'rapport@rapport.app';
