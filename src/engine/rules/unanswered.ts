/** `unanswered`: comments on the person's posts with no reply from them yet, counted and placed. */
import { z } from 'zod';
import { Num } from '../pack/schema-parts.ts';
import type { RuleType } from './rule-type.ts';
import { DAY, platformName, timeline } from '../history/time.ts';

const Params = z.strictObject({ windowDays: Num.default(14), min: Num.default(1) });

export const unanswered: RuleType<z.infer<typeof Params>> = {
  type: 'unanswered',
  history: true,
  params: Params,
  compile(params, ctx, path) {
    const windowMs = ctx.num(params.windowDays, `${path}.windowDays`) * DAY;
    const min = ctx.num(params.min, `${path}.min`);
    return ({ history, now }) => {
      if (!history) return null;
      const since = now.getTime() - windowMs;
      const answered = new Set<string>();
      const waiting = new Map<string, { platform: string; from?: string | undefined; url?: string }>();
      for (const { event, t } of timeline(history, now)) {
        // A reply published from the composer names the item it answers (its id or its address).
        if ((event.type === 'replied' || event.type === 'published') && event.to) answered.add(event.to);
        else if (event.type === 'comment-received' && t >= since)
          waiting.set(event.id, { platform: event.platform, from: event.from, url: event.url });
      }
      for (const [id, w] of waiting)
        if (answered.has(id) || (w.url && answered.has(w.url))) waiting.delete(id);
      const count = waiting.size;
      if (count < min) return null;
      const perPlatform = new Map<string, number>();
      for (const w of waiting.values()) perPlatform.set(w.platform, (perPlatform.get(w.platform) ?? 0) + 1);
      const where = [...perPlatform].map(([p, n]) => `${n} on ${platformName(p)}`).join(', ');
      const from = [...waiting.values()]
        .map((w) => w.from)
        .filter(Boolean)
        .slice(0, 3);
      return {
        evidence: [{ text: `${count} waiting: ${where}${from.length ? ` (from ${from.join(', ')})` : ''}` }],
        vars: { count, where, s: count === 1 ? '' : 's' },
      };
    };
  },
};
