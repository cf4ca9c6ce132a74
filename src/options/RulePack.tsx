/**
 * "Rule pack": which pack scores the drafts, where it came from, its signature and the last
 * check. The data-pack-* attributes are a contract outside checks read (product.md, "Contracts").
 * "Check now" asks the worker to fetch or re-read the organisation's pack at once.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PackResponse } from '../shared/messages.ts';
import type { OptionsConnector } from './connector.ts';

const SOURCE_TEXT = { default: 'built in', policy: 'set by your organisation', url: 'downloaded' };
const STATUS_TEXT = {
  ok: 'in use',
  expired: 'expired: still in use, ask your organisation for a newer pack',
  refused: 'the latest version was refused; an older one is in use',
};
const SIGNATURE_TEXT = {
  verified: 'signed by your organisation’s key',
  'not-required': 'not checked (your organisation lists no signing key)',
  none: 'built in',
};

export function RulePack({ connector }: { connector: OptionsConnector }) {
  const [reply, setReply] = useState<PackResponse | null>(null);
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    let alive = true;
    connector.pack().then(
      (r) => alive && setReply(r),
      (error: unknown) => alive && setReply({ ok: false, error: String(error) }),
    );
    return () => {
      alive = false;
    };
  }, [connector]);
  const checkNow = () => {
    setChecking(true);
    connector
      .pack(true)
      .then(setReply, (error: unknown) => setReply({ ok: false, error: String(error) }))
      .finally(() => setChecking(false));
  };
  const pack = reply?.ok ? reply.pack : undefined;
  return (
    <section aria-labelledby="pack-title">
      <h2 id="pack-title">Rule pack</h2>
      {reply === null ? (
        <p class="muted">Loading…</p>
      ) : !reply.ok || !pack ? (
        <p class="error">The rule pack could not be read: {reply.ok ? '' : reply.error}</p>
      ) : (
        <dl
          class="pack"
          data-pack-source={pack.source}
          data-pack-name={pack.name}
          data-pack-version={pack.version}
          data-pack-status={pack.status}
          data-pack-signature={pack.signature ?? 'none'}
          data-pack-checked={pack.lastCheck}
          data-pack-error={pack.lastError}
        >
          <dt>Name</dt>
          <dd>{pack.name}</dd>
          <dt>Version</dt>
          <dd>{pack.version}</dd>
          <dt>Source</dt>
          <dd>{SOURCE_TEXT[pack.source]}</dd>
          <dt>Status</dt>
          <dd class={pack.status === 'ok' ? undefined : 'warning'}>
            {STATUS_TEXT[pack.status]}
            {pack.expires ? ` (expires ${pack.expires})` : ''}
          </dd>
          <dt>Signature</dt>
          <dd>{SIGNATURE_TEXT[pack.signature ?? 'none']}</dd>
          <dt>Last check</dt>
          <dd>{pack.lastCheck ? new Date(pack.lastCheck).toLocaleString() : 'never'}</dd>
          {pack.lastError ? (
            <>
              <dt>Last error</dt>
              <dd class="error">{pack.lastError}</dd>
            </>
          ) : null}
        </dl>
      )}
      <button type="button" data-pack-check onClick={checkNow} disabled={checking}>
        {checking ? 'Checking…' : 'Check now'}
      </button>
    </section>
  );
}
