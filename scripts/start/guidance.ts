import { join } from 'node:path';

// What `npm start` tells a person, as plain text, so the headed and the no-display paths and the
// test read the same words.

export const TRY_X = 'FLASH SALE! 40% off, buy now';
export const TRY_LINKEDIN =
  'We are thrilled to announce our best-in-class synergies that leverage cutting-edge solutions.';

/** Quotes a word for a POSIX shell only when it needs it. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `--name=value` with only the value quoted, as people write it. */
function flag(name: string, value: string): string {
  return `--${name}=${shellQuote(value)}`;
}

export function whatToTry(demoUrl: string): string {
  return [
    'What to try:',
    `  1. In the X tab, type '${TRY_X}' in the "What's happening?" box`,
    '     and watch the Rapport indicator beside the box (it flags pure-promotion).',
    `  2. In the LinkedIn tab, type '${TRY_LINKEDIN}'`,
    '     into "Start a post" (corporate-voice).',
    '  3. Click the puzzle-piece icon in the toolbar, pin Rapport, and open its popup for the',
    '     nudges with the why and a fix for each.',
    '  4. In the Mastodon tab (its notifications, signed in on this demo), Rapport reads the mentions',
    '     waiting for an answer; the popup counts them and your next draft hears about it.',
    `  5. ${demoUrl} lists every network page with a draft to try on each, and a notifications`,
    '     page per network.',
  ].join('\n');
}

export function loadByHand(root: string): string {
  return [
    'Load the extension by hand:',
    '  Chromium / Chrome: open chrome://extensions, switch on "Developer mode", "Load unpacked", pick',
    `    ${join(root, 'dist', 'chrome')}`,
    '  Firefox: open about:debugging, "This Firefox", "Load Temporary Add-on…", pick',
    `    ${join(root, 'dist', 'firefox', 'manifest.json')}`,
  ].join('\n');
}

export interface ServerFacts {
  port: number;
  hostResolverRules: string;
  demoUrl: string;
}

/** A Chromium command line that shows the local pages at the real host names, with the extension. */
export function chromiumCommand(root: string, server: ServerFacts): string {
  const dist = join(root, 'dist', 'chrome');
  return [
    'chromium --user-data-dir="$(mktemp -d)" --no-first-run \\',
    `  ${flag('disable-extensions-except', dist)} ${flag('load-extension', dist)} \\`,
    `  ${flag('host-resolver-rules', server.hostResolverRules)} \\`,
    '  --ignore-certificate-errors \\',
    `  ${server.demoUrl} https://x.com/home https://www.linkedin.com/feed/`,
  ].join('\n');
}

export function servingNotes(root: string, server: ServerFacts): string {
  return [
    `The demo pages are being served at ${server.demoUrl} (an index of every network page).`,
    'They answer at the real host names (https://x.com/home, https://www.linkedin.com/feed/, …) once',
    'the browser maps those names to this server. This Chromium command line does that, with the',
    'extension loaded, in a fresh profile:',
    '',
    chromiumCommand(root, server),
    '',
    '(Google Chrome 137 and later ignore --load-extension: there, load dist/chrome by hand as above',
    'in that profile. Firefox: in a spare profile set network.dns.forceResolve to 127.0.0.1 in',
    `about:config, then open https://x.com:${server.port}/home and accept the certificate warning.)`,
  ].join('\n');
}

export function engineOneLiner(): string {
  return [
    'Try the engine in a terminal, no browser needed:',
    `  npx rapport check --platform x ${shellQuote(TRY_X)}`,
  ].join('\n');
}
