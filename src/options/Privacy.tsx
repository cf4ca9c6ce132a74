/**
 * "Privacy": what the ledger keeps and for how long (`retentionDays`), Export as JSON, and Delete
 * all behind a confirm step.
 */
import { useState } from 'preact/hooks';
import { RetentionDaysSchema, type Settings } from '../shared/settings.ts';
import type { SettingsPatch } from '../shared/settings-store.ts';
import type { OptionsConnector } from './connector.ts';
import { isLocked, ValidatedInput } from './fields.tsx';

const checkDays = (text: string) =>
  text.trim() !== '' && RetentionDaysSchema.safeParse(Number(text)).success
    ? null
    : 'Enter a whole number of days from 7 to 365.';

interface Props {
  settings: Settings;
  locked: readonly string[];
  save(patch: SettingsPatch, label: string): void;
  connector: OptionsConnector;
}

type Message = { kind: 'done' | 'error'; text: string } | null;

export function Privacy({ settings, locked, save, connector }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  async function exportAll() {
    setBusy(true);
    try {
      const reply = await connector.exportLedger();
      if (!reply.ok) return setMessage({ kind: 'error', text: `Export failed: ${reply.error}` });
      connector.download(`rapport-ledger-${new Date().toISOString().slice(0, 10)}.json`, reply.json);
      setMessage({ kind: 'done', text: 'Exported: the file is in your downloads.' });
    } catch (error) {
      setMessage({ kind: 'error', text: `Export failed: ${String(error)}` });
    } finally {
      setBusy(false);
    }
  }

  async function deleteAll() {
    setBusy(true);
    try {
      const reply = await connector.deleteLedger();
      setMessage(
        reply.ok
          ? { kind: 'done', text: 'Deleted: Rapport keeps nothing of your activity now.' }
          : { kind: 'error', text: `Nothing was deleted: ${reply.error}` },
      );
    } catch (error) {
      setMessage({ kind: 'error', text: `Nothing was deleted: ${String(error)}` });
    } finally {
      setConfirming(false);
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="privacy-title">
      <h2 id="privacy-title">Privacy</h2>
      <p>
        Your drafts are scored on this device and never stored whole. To point out comments waiting for you
        and how often you post, Rapport keeps a ledger in this browser: of each thing you publish its first
        words, whether it was promotional and a fingerprint to spot near-duplicates; of each comment you
        receive a short excerpt and its link. "Not helpful" clicks are counts per nudge. Nothing is sent
        anywhere.
      </p>
      <ValidatedInput
        name="retentionDays"
        label="Keep the ledger for (days)"
        type="number"
        min={7}
        max={365}
        value={String(settings.retentionDays)}
        locked={isLocked(locked, 'retentionDays')}
        help="From 7 to 365 days; older entries are deleted."
        check={checkDays}
        commit={(text) => save({ retentionDays: Number(text) }, `keep for ${text} days`)}
      />
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void exportAll()}>
          Export (JSON)
        </button>
        {confirming ? (
          <span class="confirm" role="group" aria-labelledby="delete-question">
            <span id="delete-question">Delete everything Rapport kept? This cannot be undone.</span>
            <button type="button" class="danger" disabled={busy} onClick={() => void deleteAll()}>
              Yes, delete all
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </span>
        ) : (
          <button type="button" class="danger" disabled={busy} onClick={() => setConfirming(true)}>
            Delete all
          </button>
        )}
      </div>
      <p class="error" role="alert">
        {message?.kind === 'error' ? message.text : ''}
      </p>
      <p class="done" role="status">
        {message?.kind === 'done' ? message.text : ''}
      </p>
    </section>
  );
}
