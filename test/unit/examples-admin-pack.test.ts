/** examples/admin-pack.json, the pack docs/admin.md walks through: it compiles, its examples pass, it does what it says. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, compilePack, compilePackText, defaultPackJson, runExamples } from '../../src/engine/index.ts';

const text = readFileSync(new URL('../../examples/admin-pack.json', import.meta.url), 'utf8');
const pack = compilePackText(text, compilePack(defaultPackJson, undefined, { skipExamples: true }), {
  skipExamples: true,
});
const fired = (t: string) =>
  check({ text: t, platform: 'linkedin', kind: 'post' }, pack).all.map((n) => n.id);

describe('examples/admin-pack.json', () => {
  it('extends the default pack and its own examples pass', () => {
    expect(pack.name).toBe('acme');
    expect(pack.rules.map((r) => r.id)).toContain('pure-promotion');
    expect(runExamples(pack)).toEqual([]);
  });

  it('asks for the disclosure Acme Cloud requires; "our" is not one', () => {
    expect(fired('Acme Cloud cut our deploy times in half.')).toContain('missing-disclosure');
    expect(fired('Acme Cloud cut our deploy times in half. #AcmeEmployee')).not.toContain(
      'missing-disclosure',
    );
  });

  it('flags its confidential name and its ticket numbers', () => {
    expect(fired('Project Falcon ships soon.')).toContain('confidential-term');
    expect(fired('Shipped FALCON-42 today.')).toContain('acme-ticket-ids');
  });
});
