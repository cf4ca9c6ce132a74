import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { chromiumCommand, shellQuote } from '../../scripts/start/guidance.ts';
import { DEMO_LINKS } from '../fixtures/pages/demo/links.ts';
import { FIXTURE_HOSTS, pageFor } from '../fixtures/routes.ts';

// `npm start` itself runs in test/browser/start.test.ts (it rebuilds dist/, which unit files read).

describe('npm start demo index', () => {
  it('links every page the fixture server routes, and nothing it does not', () => {
    const served = new Set(
      Object.values(FIXTURE_HOSTS).flatMap((host) => [host.index, ...host.routes.map((r) => r.page)]),
    );
    const linked = new Set<string>();
    for (const link of DEMO_LINKS) {
      const url = new URL(link.url);
      const page = pageFor(url.hostname, url.pathname);
      expect(page, link.url).not.toBeNull();
      linked.add(page ?? '');
    }
    expect([...served].filter((page) => !linked.has(page))).toEqual([]);
  });

  it('is what the loopback addresses serve, so no host mapping is needed to reach it', () => {
    expect(pageFor('127.0.0.1', '/')).toBe('demo/index.html');
    expect(pageFor('localhost', '/anything')).toBe('demo/index.html');
    expect(pageFor('x.com', '/home')).toBe('x/home.html');
  });
});

describe('npm start guidance', () => {
  /** The words a POSIX shell makes of a command line. */
  const shellWords = (line: string): string[] =>
    execFileSync('sh', ['-c', `printf '%s\\n' ${line}`], { encoding: 'utf8' })
      .trimEnd()
      .split('\n');

  it('quotes words so the shell gives them back unchanged', () => {
    for (const word of ['FLASH SALE! 40% off, buy now', "it's", 'plain/path-1.2', 'a b,c']) {
      expect(shellWords(shellQuote(word))).toEqual([word]);
    }
  });

  it('prints a Chromium command line whose flags reach Chromium intact', () => {
    const rules = 'MAP x.com 127.0.0.1:8443, MAP www.linkedin.com 127.0.0.1:8443';
    const command = chromiumCommand('/opt/my repo', {
      port: 8443,
      hostResolverRules: rules,
      demoUrl: 'https://127.0.0.1:8443/',
    });
    // Drop the program name and the profile flag (it runs mktemp); keep the rest as the shell splits it.
    const rest = command.replace(/^chromium --user-data-dir="\$\(mktemp -d\)" /, '').replace(/\\\n/g, ' ');
    const words = shellWords(rest);
    expect(words).toContain(`--host-resolver-rules=${rules}`);
    expect(words).toContain('--load-extension=/opt/my repo/dist/chrome');
    expect(words).toContain('--disable-extensions-except=/opt/my repo/dist/chrome');
    expect(words).toContain('--ignore-certificate-errors');
    expect(words).toContain('https://x.com/home');
  });
});
