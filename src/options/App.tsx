/**
 * The options page: You, Networks, Reminder, Privacy, Rule pack and the "not helpful" counts.
 * Every control carries `name` = its settings key and saves on change; a key the organisation set
 * is read-only.
 */
import type { OptionsConnector } from './connector.ts';
import type { InstancesConnector } from './instances-connector.ts';
import { Networks } from './Networks.tsx';
import { PolicyProblems } from './PolicyProblems.tsx';
import { NotHelpful } from './NotHelpful.tsx';
import { Privacy } from './Privacy.tsx';
import { Reminder } from './Reminder.tsx';
import { RulePack } from './RulePack.tsx';
import { useSettings } from './use-settings.ts';
import { You } from './You.tsx';

export function App({
  connector,
  instances,
}: {
  connector: OptionsConnector;
  instances: InstancesConnector;
}) {
  const state = useSettings(connector);
  const { settings, locked, repaired, status } = state;
  const save = (patch: Parameters<typeof state.save>[0], label: string) => void state.save(patch, label);
  return (
    <main class="options">
      <h1>Rapport</h1>
      <p>
        Rapport coaches you while you write on social networks, so that posting stays a conversation and not a
        loudspeaker. Your drafts are scored on this device; nothing you type leaves your browser, and Rapport
        never changes the text in the editor. Changes here are saved as you make them.
      </p>
      <p class="status" aria-live="polite" aria-atomic="true" data-save-status={status?.kind}>
        {status?.text ?? ''}
      </p>
      {repaired.length > 0 && (
        <p class="notice" data-repaired={repaired.map((r) => r.key).join(' ')}>
          Some saved settings were not valid and are back to their defaults:{' '}
          {repaired.map((r) => r.key || 'all').join(', ')}.
        </p>
      )}
      <PolicyProblems connector={connector} />
      {settings === null ? (
        <p class="muted">Loading…</p>
      ) : (
        // Not a <form>: the Mastodon instances section has its own, and forms do not nest.
        <div class="settings">
          <You settings={settings} locked={locked} save={save} />
          <Networks settings={settings} locked={locked} save={save} instances={instances} />
          <Reminder settings={settings} locked={locked} save={save} connector={connector} />
          <Privacy settings={settings} locked={locked} save={save} connector={connector} />
        </div>
      )}
      <RulePack connector={connector} />
      <NotHelpful connector={connector} />
    </main>
  );
}
