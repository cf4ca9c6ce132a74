import type { ScoreResult } from '../shared/messages.ts';

type Nudge = ScoreResult['nudges'][number];

/** The draft's nudges, most important first. Text only: nothing from a page is parsed as HTML. */
export function NudgeList({ nudges }: { nudges: readonly Nudge[] }) {
  return (
    <ul class="nudges" aria-label="Suggestions for this draft">
      {nudges.map((nudge) => (
        <li key={nudge.id} class={`nudge nudge--${nudge.severity}`} data-nudge-id={nudge.id}>
          <p class="nudge__title">
            <span class="nudge__severity">{nudge.severity === 'warn' ? 'Worth fixing' : 'Tip'}</span>
            {nudge.title}
          </p>
          <p class="nudge__reason">{nudge.reason}</p>
          <p class="nudge__suggestion">{nudge.suggestion}</p>
        </li>
      ))}
    </ul>
  );
}
