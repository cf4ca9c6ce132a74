/**
 * Export (the ledger as a JSON download) and Delete all, with an inline confirmation: a popup's
 * `confirm()` dialog closes the popup in some browsers, and this one is keyboard-friendly (focus
 * goes to "Cancel", Escape cancels).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PopupConnector } from './connector.ts';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done' | 'failed'; message: string };

export function LedgerFooter({ connector, onDeleted }: { connector: PopupConnector; onDeleted(): void }) {
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const cancel = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);

  const wasConfirming = useRef(false);

  // Into the question on "Delete all…", back to that button after it, so keyboard users stay in place.
  useEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (wasConfirming.current) deleteButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const fail = (error: unknown) => setStatus({ kind: 'failed', message: String(error) });

  async function exportLedger() {
    setStatus({ kind: 'busy' });
    const reply = await connector
      .exportLedger()
      .catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    if (!reply.ok) return fail(`Could not export: ${reply.error}`);
    connector.download(`rapport-ledger-${new Date().toISOString().slice(0, 10)}.json`, reply.json);
    setStatus({ kind: 'done', message: 'Exported: the file is in your downloads.' });
  }

  const stopConfirming = () => setConfirming(false);

  async function deleteAll() {
    setConfirming(false);
    setStatus({ kind: 'busy' });
    const reply = await connector
      .deleteLedger()
      .catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    if (!reply.ok) return fail(`Could not delete: ${reply.error}`);
    setStatus({ kind: 'done', message: 'Deleted everything Rapport had recorded.' });
    onDeleted();
  }

  return (
    <footer class="ledger" aria-label="Your activity record">
      {confirming ? (
        <div
          class="confirm"
          role="group"
          aria-labelledby="confirm-question"
          onKeyDown={(event) => event.key === 'Escape' && stopConfirming()}
        >
          <p id="confirm-question">
            Delete everything Rapport recorded in this browser (posts, replies, comments waiting)? This cannot
            be undone.
          </p>
          <button type="button" class="danger" data-confirm-delete onClick={() => void deleteAll()}>
            Delete all
          </button>
          <button type="button" class="link" ref={cancel} onClick={stopConfirming}>
            Cancel
          </button>
        </div>
      ) : (
        <div class="ledger__actions">
          <button
            type="button"
            class="link"
            data-export
            disabled={status.kind === 'busy'}
            onClick={() => void exportLedger()}
          >
            Export
          </button>
          <button
            type="button"
            class="link"
            data-delete
            ref={deleteButton}
            disabled={status.kind === 'busy'}
            onClick={() => setConfirming(true)}
          >
            Delete all…
          </button>
        </div>
      )}
      {status.kind === 'done' && <p role="status">{status.message}</p>}
      {status.kind === 'failed' && <p role="alert">{status.message}</p>}
    </footer>
  );
}
