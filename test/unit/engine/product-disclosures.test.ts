/**
 * Per-product disclosures (organisation.productDisclosures): a product with its own required
 * disclosure is disclosed only by that, so the generic "our" no longer excuses it.
 */
import { describe, expect, it } from 'vitest';
import { compilePack, type CompiledPack } from '../../../src/engine/index.ts';
import { defaultPack, fired, run } from './helpers.ts';

function admin(organisation: Record<string, unknown>): CompiledPack {
  return compilePack(
    { schema: 1, name: 'acme', version: '1.0.0', extends: 'default', organisation },
    defaultPack(),
  );
}

const DEPLOY = 'Acme Cloud cut our deploy times in half.';

describe('organisation.productDisclosures', () => {
  it('today a product in `products` is excused by the generic "our" (the gap this closes)', () => {
    expect(fired(admin({ products: ['Acme Cloud'] }), DEPLOY)).not.toContain('missing-disclosure');
  });

  it('fires missing-disclosure when the product is named without its own disclosure', () => {
    const p = admin({ productDisclosures: { 'Acme Cloud': ['#AcmeEmployee', 'I work at Acme'] } });
    expect(fired(p, DEPLOY)).toContain('missing-disclosure');
    expect(fired(p, `${DEPLOY} #AcmeEmployee`)).not.toContain('missing-disclosure');
    expect(fired(p, `I work at Acme, and ${DEPLOY}`)).not.toContain('missing-disclosure');
  });

  it('names the undisclosed product as the subject and its words as evidence', () => {
    const p = admin({
      products: ['Acme Mail'],
      productDisclosures: { 'Acme Cloud': ['#AcmeEmployee'] },
    });
    const nudge = check(p, `Acme Mail is fine and ${DEPLOY}`);
    expect(nudge?.evidence.map((e) => e.text)).toEqual(['Acme Cloud']);
  });

  it('leaves products without a requirement to the generic disclosures', () => {
    const p = admin({ products: ['Acme Mail'], productDisclosures: { 'Acme Cloud': ['#AcmeEmployee'] } });
    expect(fired(p, 'Acme Mail made our inbox calm again.')).not.toContain('missing-disclosure');
    expect(fired(p, 'Acme Mail made the inbox calm again.')).toContain('missing-disclosure');
  });

  it('refuses a product with an empty disclosure list, with its path', () => {
    expect(() => admin({ productDisclosures: { 'Acme Cloud': [] } })).toThrow(
      /organisation\.productDisclosures/,
    );
  });
});

function check(p: CompiledPack, text: string) {
  return run(p, text).all.find((n) => n.id === 'missing-disclosure');
}
