/**
 * Engagement at a glance, from the ledger: posts against replies over four weeks, the promotional
 * share of recent posts, days active and the longest gap. Consistency, not a streak: a streak
 * rewards posting anything every day; days active and the longest gap reward showing up steadily.
 */
import type { Engagement } from '../shared/messages.ts';
import { WeekChart } from './WeekChart.tsx';

/** The default pack's `history.promoMaxShare`: above it the promo-ratio nudge fires. */
const PROMO_MAX_SHARE = 0.2;

export function Glance({ engagement }: { engagement: Engagement }) {
  const { promoShare, recentPosts, daysActive, longestGapDays, watchedDays } = engagement;
  const promotional = promoShare === null ? 0 : Math.round(promoShare * recentPosts);
  return (
    <section class="glance" aria-labelledby="glance-title">
      <h2 id="glance-title">Your last four weeks</h2>
      <WeekChart weekly={engagement.weekly} />
      <dl class="facts">
        <div
          data-promo-share={promoShare ?? ''}
          class={promoShare !== null && promoShare > PROMO_MAX_SHARE ? 'warn' : ''}
        >
          <dt>Promotional</dt>
          <dd>
            {promoShare === null
              ? 'no posts recorded yet'
              : `${promotional} of your last ${recentPosts} post${recentPosts === 1 ? '' : 's'} (${Math.round(promoShare * 100)} %)`}
          </dd>
        </div>
        <div data-days-active={daysActive}>
          <dt>Days active</dt>
          <dd>
            {watchedDays === 0
              ? 'nothing recorded yet'
              : `${daysActive} of the last ${watchedDays} day${watchedDays === 1 ? '' : 's'}`}
          </dd>
        </div>
        <div data-longest-gap={longestGapDays}>
          <dt>Longest gap</dt>
          <dd>{longestGapDays === 0 ? 'none' : `${longestGapDays} day${longestGapDays === 1 ? '' : 's'}`}</dd>
        </div>
      </dl>
    </section>
  );
}
