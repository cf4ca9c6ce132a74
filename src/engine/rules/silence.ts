/** `silence`: no posts or replies for a long stretch (drives the executive reminder). */
import { z } from 'zod';
import { Num } from '../pack/schema-parts.ts';
import type { RuleType } from './rule-type.ts';
import { DAY, timeline } from '../history/time.ts';

const Params = z.strictObject({ days: Num.default(7) });

export const silence: RuleType<z.infer<typeof Params>> = {
  type: 'silence',
  history: true,
  params: Params,
  compile(params, ctx, path) {
    const days = ctx.num(params.days, `${path}.days`);
    return ({ history, now }) => {
      // An empty ledger says nothing about the person: a new install is not a silence.
      if (!history || history.length === 0) return null;
      const events = timeline(history, now);
      const active = events.filter((e) => e.event.type !== 'comment-received');
      // Quiet since the last post or reply; with none, since the first thing the ledger saw.
      const since = active[active.length - 1] ?? events[0];
      if (!since) return null;
      const quietDays = Math.floor((now.getTime() - since.t) / DAY);
      if (quietDays < days) return null;
      const what = active.length
        ? `no posts or replies for ${quietDays} days`
        : `no posts or replies in the ${quietDays} days Rapport has been watching`;
      return { evidence: [{ text: what }], vars: { days: quietDays } };
    };
  },
};
