/**
 * Where Rapport coaches: the supported networks (granted at install) and the Mastodon instances a
 * person adds at run time through the optional host permission for any https site, one host each.
 * Pure: the options page, the popup and the worker share these checks.
 */
import { host_permissions } from '../../manifest.json' with { type: 'json' };

/**
 * Match patterns of the networks Rapport coaches on, https only: the manifest's host permissions
 * (manifest.json is their one source; its content script matches the same list).
 */
export const SUPPORTED_HOST_PATTERNS: readonly string[] = host_permissions;

export type HostCheck = { ok: true; host: string } | { ok: false; error: string };

const fail = (error: string): HostCheck => ({ ok: false, error });

/** True when a built-in pattern already covers the host (`*.x.com` covers x.com and its subdomains). */
export function isSupportedHost(host: string): boolean {
  return SUPPORTED_HOST_PATTERNS.some((pattern) => {
    const want = pattern.slice('https://'.length, -'/*'.length);
    if (!want.startsWith('*.')) return host === want;
    const base = want.slice(2);
    return host === base || host.endsWith(`.${base}`);
  });
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Reads what a person typed as one Mastodon instance: a host name (`fosstodon.org`), optionally
 * written as `https://fosstodon.org/`. Case is folded and international names become punycode
 * (as the browser's match patterns need). Refused: other schemes, paths, ports (a pattern without
 * a port already matches every port), user names, wildcards, IP addresses and single-label names
 * (instances federate by domain name), and the networks Rapport already coaches.
 */
export function checkInstanceHost(input: string): HostCheck {
  let text = input.trim();
  const example = 'like fosstodon.org';
  if (text === '') return fail(`Enter the host name of a Mastodon instance, ${example}.`);
  if (text.includes('*')) return fail(`No wildcards: add one instance at a time, ${example}.`);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme) {
    if (scheme[1]?.toLowerCase() !== 'https') return fail('Only https:// instances can be coached.');
    text = text.slice(scheme[0].length);
  }
  if (text.endsWith('/')) text = text.slice(0, -1);
  if (/[/?#\\]/.test(text)) return fail(`Enter the host name only, without a path, ${example}.`);
  if (text.includes('@')) return fail(`Enter the instance's host name, not an account, ${example}.`);
  if (text.startsWith('[') || /^[\d.]+(:\d*)?$/.test(text)) {
    return fail('IP addresses are not accepted: enter the instance’s domain name.');
  }
  if (text.includes(':')) return fail(`Leave out the port (and anything before "//"), ${example}.`);
  if (text.endsWith('.')) text = text.slice(0, -1);
  let host: string;
  try {
    host = new URL(`https://${text}/`).hostname;
  } catch {
    return fail(`"${input.trim().slice(0, 80)}" is not a host name, ${example}.`);
  }
  // The URL parser turns some numeric names into IPv4 addresses; those are still not domains.
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) {
    return fail('IP addresses are not accepted: enter the instance’s domain name.');
  }
  const labels = host.split('.');
  if (host.length > 253 || labels.length < 2 || !labels.every((label) => LABEL.test(label))) {
    return fail(`"${input.trim().slice(0, 80)}" is not a host name, ${example}.`);
  }
  if (isSupportedHost(host)) return fail(`Rapport already coaches on ${host}; nothing to add.`);
  return { ok: true, host };
}

/** The permission origin (and content-script match pattern) for one instance. */
export const instancePattern = (host: string): string => `https://${host}/*`;

/**
 * The instances among granted permission origins: `https://<host>/*` entries whose host passes
 * checkInstanceHost unchanged. The built-in networks, wildcard grants (a browser's "on all sites")
 * and anything else are left out, so coaching only ever reaches hosts the person added one by one.
 */
export function instanceHosts(origins: readonly string[]): string[] {
  const hosts = new Set<string>();
  for (const origin of origins) {
    const match = /^https:\/\/([^/*:@]+)\/\*$/.exec(origin);
    if (!match?.[1]) continue;
    const checked = checkInstanceHost(match[1]);
    if (checked.ok && checked.host === match[1]) hosts.add(checked.host);
  }
  return [...hosts].sort();
}
