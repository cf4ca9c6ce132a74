// The README's nudge catalogue and the default pack must describe the same nudges.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePack, defaultPackJson } from '../../src/engine/index.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const catalogue = readme.slice(readme.indexOf('## The nudges'), readme.indexOf('## Rule packs'));
const documented = [...catalogue.matchAll(/^\|\s*`([a-z-]+)`\s*\|/gm)].map((m) => m[1]);
const pack = compilePack(defaultPackJson, undefined, { skipExamples: true });
const produced = [...new Set(pack.rules.map((r) => r.nudge))];

describe('README', () => {
  it('catalogues every nudge the default pack produces, and no other', () => {
    expect(documented.length).toBeGreaterThan(0);
    expect([...documented].sort()).toEqual([...produced].sort());
  });

  it('shows the two commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
