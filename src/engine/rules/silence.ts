/** `silence`: no posts or replies for a long stretch (drives the executive reminder). */
import { z } from 'zod';
import { Num } from '../pack/schema-parts.ts';
import type { RuleType } from './rule-type.ts';
import { perMinute } from './per-minute.ts';
import { DAY } from '../history/time.ts';

const Params = z.lazy(() => z.strictObject({ days: Num.default(7) }));

export const silence: RuleType<z.infer<typeof Params>> = {
  type: 'silence',
  history: true,
  params: Params,
  compile(params, ctx, path) {
    const days = ctx.num(params.days, `${path}.days`);
    return perMinute(({ summary, now }) => {
      if (!summary) return null;
      const end = now.getTime();
      // Quiet since the last post or reply; with none, since the first thing the ledger saw. An
      // empty ledger says nothing about the person: a new install is not a silence.
      const active = summary.lastActive(end);
      const since = active ?? summary.firstSeen(end);
      if (since === undefined) return null;
      const quietDays = Math.floor((end - since) / DAY);
      if (quietDays < days) return null;
      const what =
        active !== undefined
          ? `no posts or replies for ${quietDays} days`
          : `no posts or replies in the ${quietDays} days Rapport has been watching`;
      return { evidence: [{ text: what }], vars: { days: quietDays } };
    });
  },
};
