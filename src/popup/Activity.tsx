/**
 * The ledger's part of the popup: comments waiting for an answer and four weeks at a glance, from
 * the cached answer until the worker's arrives; a loading line or the worker's error when there is
 * neither.
 */
import { Glance } from './Glance.tsx';
import type { useEngagement } from './use-engagement.ts';
import { Waiting } from './Waiting.tsx';

export function Activity({ activity, now }: { activity: ReturnType<typeof useEngagement>; now: number }) {
  const { engagement, fresh, loadError, actionError } = activity.state;
  if (!engagement) {
    return loadError ? (
      <p role="alert">Rapport could not read your activity: {loadError}</p>
    ) : (
      <p class="muted activity-loading" aria-busy="true">
        Loading your activity…
      </p>
    );
  }
  return (
    <div class="activity" data-fresh={String(fresh)}>
      <Waiting
        engagement={engagement}
        now={now}
        onClose={(item) => void activity.close(item)}
        actionError={actionError}
      />
      <Glance engagement={engagement} />
    </div>
  );
}
