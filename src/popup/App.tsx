import { useEffect, useState } from 'preact/hooks';
import type { CurrentResponse } from '../shared/messages.ts';
import type { PopupConnector } from './connector.ts';
import { NudgeList } from './NudgeList.tsx';
import { CoachHere } from './CoachHere.tsx';

/** How often an open popup asks again, so it follows the draft while the person keeps typing. */
const REFRESH_MS = 1500;

type State = { status: 'loading' } | { status: 'ready'; reply: CurrentResponse };

export function App({
  connector,
  refreshMs = REFRESH_MS,
}: {
  connector: PopupConnector;
  refreshMs?: number;
}) {
  const [state, setState] = useState<State>({ status: 'loading' });

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
      <section aria-live="polite" aria-busy={state.status === 'loading'}>
        <Body state={state} />
      </section>
      <CoachHere connector={connector} />
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
