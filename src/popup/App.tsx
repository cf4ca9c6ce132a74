import { useEffect, useState } from 'preact/hooks';
import type { CurrentResponse, Engagement } from '../shared/messages.ts';
import type { PopupConnector } from './connector.ts';
import { NudgeList } from './NudgeList.tsx';
import { CoachHere } from './CoachHere.tsx';
import { Activity } from './Activity.tsx';
import { LedgerFooter } from './LedgerFooter.tsx';
import { Reminder } from './Reminder.tsx';
import { useEngagement } from './use-engagement.ts';

/** How often an open popup asks again, so it follows the draft while the person keeps typing. */
const REFRESH_MS = 1500;
/** The ledger changes when the person publishes or opens a network: now and then is enough. */
const ENGAGEMENT_REFRESH_MS = 10_000;

type State = { status: 'loading' } | { status: 'ready'; reply: CurrentResponse };

export function App({
  connector,
  refreshMs = REFRESH_MS,
  engagementRefreshMs = ENGAGEMENT_REFRESH_MS,
  initialEngagement = null,
  clock = Date.now,
}: {
  connector: PopupConnector;
  refreshMs?: number;
  engagementRefreshMs?: number;
  /** The cached answer, read before the first render so the first paint shows it. */
  initialEngagement?: Engagement | null;
  clock?: () => number;
}) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const activity = useEngagement(connector, initialEngagement, engagementRefreshMs);

  useEffect(() => {
    let alive = true;
    const load = () =>
      connector.getCurrent().then(
        (reply) => alive && setState({ status: 'ready', reply }),
        (error: unknown) =>
          alive && setState({ status: 'ready', reply: { ok: false, error: String(error) } }),
      );
    void load();
    const timer = setInterval(load, refreshMs);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [connector, refreshMs]);

  return (
    <main class="popup">
      <header class="popup__header">
        <h1>Rapport</h1>
        <button type="button" class="link" onClick={() => void connector.openOptions()}>
          Settings
        </button>
      </header>
      <Reminder connector={connector} clock={clock} />
      <section
        class="draft"
        aria-label="This draft"
        aria-live="polite"
        aria-busy={state.status === 'loading'}
      >
        <Body state={state} />
      </section>
      <CoachHere connector={connector} />
      <Activity activity={activity} now={clock()} />
      <LedgerFooter connector={connector} onDeleted={() => void activity.reload()} />
    </main>
  );
}

function Body({ state }: { state: State }) {
  if (state.status === 'loading') return <p class="muted">Loading…</p>;
  const { reply } = state;
  if (!reply.ok) return <p role="alert">Rapport could not read the current draft: {reply.error}</p>;
  if (!reply.current) {
    return (
      <div class="empty">
        <p class="empty__title">No draft yet</p>
        <p class="muted">
          Start writing a post or reply on a supported network; coaching for it shows up here.
        </p>
      </div>
    );
  }
  const { result } = reply.current;
  return (
    <>
      <p class="score" data-score={result.score} data-band={result.band}>
        <span class="score__value">{result.score}</span>
        <span class="score__band">{result.band}</span>
      </p>
      {result.truncated && <p class="muted">Only the beginning of this long draft was checked.</p>}
      {result.nudges.length === 0 ? (
        <p class="muted">Nothing to nudge about in this draft.</p>
      ) : (
        <NudgeList nudges={result.nudges} />
      )}
    </>
  );
}
