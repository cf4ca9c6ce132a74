/**
 * "Rule pack": which pack scores the drafts. The data-pack-* attributes are a contract outside
 * checks read (product.md, "Contracts"); the admin issue adds policy and URL packs.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PackResponse } from '../shared/messages.ts';
import type { OptionsConnector } from './connector.ts';

const SOURCE_TEXT = { default: 'built in', policy: 'set by your organisation', url: 'downloaded' };
const STATUS_TEXT = {
  ok: 'in use',
  expired: 'expired',
  refused: 'the latest version was refused; an older one is in use',
};

export function RulePack({ connector }: { connector: OptionsConnector }) {
  const [reply, setReply] = useState<PackResponse | null>(null);
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
  return (
    <section aria-labelledby="pack-title">
      <h2 id="pack-title">Rule pack</h2>
      {reply === null ? (
        <p class="muted">Loading…</p>
      ) : !reply.ok ? (
        <p class="error">The rule pack could not be read: {reply.error}</p>
      ) : (
        <dl
          class="pack"
          data-pack-source={reply.pack.source}
          data-pack-name={reply.pack.name}
          data-pack-version={reply.pack.version}
          data-pack-status={reply.pack.status}
        >
          <dt>Name</dt>
          <dd>{reply.pack.name}</dd>
          <dt>Version</dt>
          <dd>{reply.pack.version}</dd>
          <dt>Source</dt>
          <dd>{SOURCE_TEXT[reply.pack.source]}</dd>
          <dt>Status</dt>
          <dd>{STATUS_TEXT[reply.pack.status]}</dd>
        </dl>
      )}
    </section>
  );
}
