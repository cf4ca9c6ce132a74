/** `silence`: no posts or replies for a long stretch (drives the executive reminder). */
import { z } from 'zod';
import { Num } from '../pack/schema-parts.ts';
import type { RuleType } from './rule-type.ts';
import { DAY, timeline } from '../history/time.ts';

const Params = z.object({ days: Num.default(7) });

export const silence: RuleType<z.infer<typeof Params>> = {
  type: 'silence',
  history: true,
  params: Params,
  compile(params, ctx, path) {
    const days = ctx.num(params.days, `${path}.days`);
    return ({ history, now }) => {
      // An empty ledger says nothing about the person: a new install is not a silence.
      if (!history || history.length === 0) return null;
      const active = timeline(history, now).filter((e) => e.event.type !== 'comment-received');
      const lastActive = active[active.length - 1];
      const quietDays = lastActive ? Math.floor((now.getTime() - lastActive.t) / DAY) : Infinity;
      if (quietDays < days) return null;
      const since = lastActive ? `${quietDays} days` : 'as long as Rapport has been watching';
      return {
        evidence: [{ text: `no posts or replies for ${since}` }],
        vars: { days: Number.isFinite(quietDays) ? quietDays : days },
      };
    };
  },
};
