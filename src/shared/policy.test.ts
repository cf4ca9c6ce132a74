import { describe, expect, it } from 'vitest';
import { isLocked, readPolicy } from './policy.ts';

describe('readPolicy', () => {
  it('keeps good keys and names each bad one', () => {
    const { policy, problems } = readPolicy({
      rulePackUrl: 'http://packs.example.com/p.json',
      disabledSites: ['x', 'reddit', 'x'],
      defaultRole: 'executive',
      lockedSettings: ['reminder', 'nonsense'],
      reminder: { hour: 8, weekdays: [5, 1, 1] },
      somethingNew: 1,
    });
    expect(policy).toEqual({
      disabledSites: ['x', 'reddit'],
      defaultRole: 'executive',
      reminder: { hour: 8, weekdays: [1, 5] },
    });
    expect(problems.map((p) => p.key).sort()).toEqual(['lockedSettings', 'rulePackUrl']);
  });

  it('answers a non-object with one problem and an empty policy', () => {
    expect(readPolicy('oops')).toEqual({ policy: {}, problems: [{ key: '', reason: expect.any(String) }] });
    expect(readPolicy(undefined)).toEqual({ policy: {}, problems: [] });
  });

  it('accepts an https pack URL and base64 keys', () => {
    const { policy, problems } = readPolicy({
      rulePackUrl: 'https://packs.example.com/p.json',
      rulePackPublicKeys: ['MCowBQYDK2VwAyEA'],
      rulePackSignature: 'not base64!',
    });
    expect(policy.rulePackUrl).toBe('https://packs.example.com/p.json');
    expect(policy.rulePackPublicKeys).toEqual(['MCowBQYDK2VwAyEA']);
    expect(problems).toEqual([{ key: 'rulePackSignature', reason: 'not base64' }]);
  });
});

describe('isLocked', () => {
  it('locks a key and its children, not its siblings', () => {
    const policy = { lockedSettings: ['reminder', 'sites.x'] };
    expect(isLocked(policy, 'reminder.hour')).toBe(true);
    expect(isLocked(policy, 'sites.x')).toBe(true);
    expect(isLocked(policy, 'sites.reddit')).toBe(false);
    expect(isLocked(policy, 'reminderish')).toBe(false);
  });
});
