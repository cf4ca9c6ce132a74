/** How often the person marked each nudge "not helpful" on the card (counted on this device). */
import { useEffect, useState } from 'preact/hooks';
import type { FeedbackResponse } from '../shared/messages.ts';
import type { OptionsConnector } from './connector.ts';

export function NotHelpful({ connector }: { connector: OptionsConnector }) {
  const [reply, setReply] = useState<FeedbackResponse | null>(null);
  useEffect(() => {
    let alive = true;
    connector.feedback().then(
      (r) => alive && setReply(r),
      (error: unknown) => alive && setReply({ ok: false, error: String(error) }),
    );
    return () => {
      alive = false;
    };
  }, [connector]);
  const rows = reply?.ok
    ? Object.entries(reply.feedback).sort((a, b) => b[1].notHelpful - a[1].notHelpful)
    : [];
  return (
    <section aria-labelledby="feedback-title">
      <h2 id="feedback-title">Nudges you found not helpful</h2>
      {reply === null ? (
        <p class="muted">Loading…</p>
      ) : !reply.ok ? (
        <p class="error">The counts could not be read: {reply.error}</p>
      ) : rows.length === 0 ? (
        <p class="muted">No nudge marked "not helpful" yet.</p>
      ) : (
        <table class="feedback">
          <thead>
            <tr>
              <th scope="col">Nudge</th>
              <th scope="col">Not helpful</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([id, { notHelpful }]) => (
              <tr key={id} data-feedback-id={id}>
                <th scope="row">
                  <code>{id}</code>
                </th>
                <td>{notHelpful}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
