/**
 * "Coach on <host>": on a site that is not one of the built-in networks (another Mastodon instance,
 * most likely), the popup offers to add it. The click itself asks the browser for the permission.
 */
import { useEffect, useState } from 'preact/hooks';
import { checkInstanceHost } from '../shared/hosts.ts';
import type { PopupConnector } from './connector.ts';

type State =
  | { status: 'hidden' }
  | { status: 'offer' | 'asking' | 'declined'; host: string }
  | { status: 'coached'; host: string }
  | { status: 'failed'; host: string; error: string };

export function CoachHere({ connector }: { connector: PopupConnector }) {
  const [state, setState] = useState<State>({ status: 'hidden' });

  useEffect(() => {
    let alive = true;
    Promise.all([connector.activeHost(), connector.instances()])
      .then(([raw, reply]) => {
        if (!alive || raw === null) return;
        // Only hosts that could be an instance: not the built-in networks, not IPs or localhost.
        const checked = checkInstanceHost(raw);
        if (!checked.ok || checked.host !== raw) return;
        const coached = reply.ok && reply.instances.includes(raw);
        setState({ status: coached ? 'coached' : 'offer', host: raw });
      })
      .catch(() => undefined); // no tab or a hidden URL: nothing to offer
    return () => {
      alive = false;
    };
  }, [connector]);

  if (state.status === 'hidden') return null;
  const { host } = state;

  function onClick() {
    setState({ status: 'asking', host });
    // Straight from the click: browsers prompt for a permission only during the user's gesture.
    connector.coachOn(host).then(
      ({ granted, reply }) => {
        if (!granted) return setState({ status: 'declined', host });
        if (!reply.ok) return setState({ status: 'failed', host, error: reply.error });
        setState({ status: 'coached', host });
      },
      (error: unknown) => setState({ status: 'failed', host, error: String(error) }),
    );
  }

  return (
    <section class="here" aria-label="This site">
      {state.status === 'coached' ? (
        <p class="muted" role="status">
          Rapport coaches on {host}.
        </p>
      ) : (
        <>
          <p class="muted">Posting to Mastodon from {host}? Rapport can coach here too.</p>
          <button type="button" class="here__button" disabled={state.status === 'asking'} onClick={onClick}>
            Coach on {host}
          </button>
          {state.status === 'declined' && <p role="alert">Rapport was not allowed on {host}.</p>}
          {state.status === 'failed' && (
            <p role="alert">
              Could not add {host}: {state.error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
