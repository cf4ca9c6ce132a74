/**
 * "Other Mastodon instances": Rapport coaches on mastodon.social out of the box and on any other
 * instance the person adds here, one host at a time, each behind the browser's own permission.
 */
import { useEffect, useState } from 'preact/hooks';
import { checkInstanceHost } from '../shared/hosts.ts';
import type { InstancesResponse } from '../shared/messages.ts';
import type { InstancesConnector } from './instances-connector.ts';

type Message = { kind: 'error' | 'done'; text: string } | null;

export function Instances({ connector }: { connector: InstancesConnector }) {
  const [instances, setInstances] = useState<string[] | null>(null);
  const [value, setValue] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  const show = (reply: InstancesResponse): boolean => {
    if (!reply.ok) {
      setMessage({ kind: 'error', text: `Something went wrong with the instances: ${reply.error}` });
      return false;
    }
    setInstances(reply.instances);
    return true;
  };

  useEffect(() => {
    let alive = true;
    connector.list().then(
      (reply) => alive && show(reply),
      (error: unknown) => alive && show({ ok: false, error: String(error) }),
    );
    return () => {
      alive = false;
    };
  }, [connector]);

  function onSubmit(event: SubmitEvent) {
    event.preventDefault();
    // Read the field itself: a render may not have caught up with the last keystroke or autofill.
    const field = (event.currentTarget as HTMLFormElement).elements.namedItem('host');
    const checked = checkInstanceHost(field instanceof HTMLInputElement ? field.value : value);
    if (!checked.ok) return setMessage({ kind: 'error', text: checked.error });
    const { host } = checked;
    if (instances?.includes(host))
      return setMessage({ kind: 'error', text: `${host} is already in the list.` });
    setBusy(true);
    // Nothing may be awaited before this call: browsers prompt only during the user's gesture.
    connector
      .add(host)
      .then(({ granted, reply }) => {
        if (!show(reply)) return;
        if (!granted) {
          setMessage({ kind: 'error', text: `Rapport was not allowed on ${host}, so it was not added.` });
          return;
        }
        setValue('');
        setMessage({ kind: 'done', text: `Rapport now coaches on ${host}.` });
      })
      .catch((error: unknown) =>
        setMessage({ kind: 'error', text: `Could not add ${host}: ${String(error)}` }),
      )
      .finally(() => setBusy(false));
  }

  function onRemove(host: string) {
    setBusy(true);
    connector
      .remove(host)
      .then(
        (reply) => show(reply) && setMessage({ kind: 'done', text: `Rapport no longer coaches on ${host}.` }),
      )
      .catch((error: unknown) =>
        setMessage({ kind: 'error', text: `Could not remove ${host}: ${String(error)}` }),
      )
      .finally(() => setBusy(false));
  }

  const invalid = message?.kind === 'error';
  return (
    <section class="instances" aria-labelledby="instances-title">
      <h3 id="instances-title">Other Mastodon instances</h3>
      <p id="instance-help">
        Rapport coaches on mastodon.social out of the box. If you post from another instance, add its host
        name, like fosstodon.org; your browser asks whether Rapport may read that site.
      </p>
      <form class="instances__form" onSubmit={onSubmit} noValidate>
        <label for="instance-host">Instance host name</label>
        <input
          id="instance-host"
          name="host"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="fosstodon.org"
          value={value}
          onInput={(event) => setValue(event.currentTarget.value)}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'instance-help instance-error' : 'instance-help'}
        />
        <button type="submit" disabled={busy}>
          Add instance
        </button>
      </form>
      <p id="instance-error" class="instances__error" role="alert">
        {invalid ? message.text : ''}
      </p>
      <p class="instances__done" role="status">
        {message?.kind === 'done' ? message.text : ''}
      </p>
      {instances === null ? (
        <p class="muted">Loading…</p>
      ) : instances.length === 0 ? (
        <p class="muted">No other instances yet.</p>
      ) : (
        <ul class="instances__list" aria-label="Instances Rapport coaches on">
          {instances.map((host) => (
            <li key={host} data-instance={host}>
              <span class="instances__host">{host}</span>
              <button
                type="button"
                disabled={busy}
                aria-label={`Remove ${host}`}
                onClick={() => onRemove(host)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
