/**
 * Comments waiting for an answer: the total (`data-unanswered`), then one row each
 * (`data-unanswered-item`) with the network, the author, an excerpt, how long it has waited, a link
 * that opens it in a new tab and "No reply needed". Text only: nothing from a page is parsed as HTML.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { platformName } from '../engine/history/time.ts';
import type { Engagement, WaitingItem } from '../shared/messages.ts';
import { NOTIFICATION_PAGES } from './notification-pages.ts';
import { waited } from './waited.ts';

interface Props {
  engagement: Engagement;
  now: number;
  onClose(item: WaitingItem): void;
  actionError: string | null;
}

export function Waiting({ engagement, now, onClose, actionError }: Props) {
  const { waiting, total } = engagement;
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);
  /** After a row goes, keyboard focus moves to the row that took its place (or the heading). */
  const [focusRow, setFocusRow] = useState<number | null>(null);

  useEffect(() => {
    if (focusRow === null) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button[data-close]');
    const next = buttons?.[Math.min(focusRow, buttons.length - 1)];
    (next ?? heading.current)?.focus();
    setFocusRow(null);
  }, [focusRow, waiting]);

  const approximate = waiting.some((w) => !w.exact);
  const more = total - waiting.length;
  return (
    <section class="waiting" aria-labelledby="waiting-title" data-unanswered={total}>
      <h2 id="waiting-title" tabIndex={-1} ref={heading}>
        {total === 0
          ? 'Nothing waiting for an answer'
          : `${approximate ? 'About ' : ''}${total} comment${total === 1 ? '' : 's'} waiting for an answer`}
      </h2>
      {total === 0 && (
        <p class="muted">Comments on your posts show up here when you open a network's notifications.</p>
      )}
      {waiting.length > 0 && (
        <ul class="waiting__list" ref={list}>
          {waiting.map((item, index) => (
            <Row
              key={`${item.platform}:${item.id}`}
              item={item}
              now={now}
              onClose={() => {
                setFocusRow(index);
                onClose(item);
              }}
            />
          ))}
        </ul>
      )}
      {more > 0 && <p class="muted">…and {more} more, older.</p>}
      {actionError && <p role="alert">Could not mark it as needing no reply: {actionError}</p>}
    </section>
  );
}

function Row({ item, now, onClose }: { item: WaitingItem; now: number; onClose(): void }) {
  const network = platformName(item.platform);
  const who = item.from ?? 'someone';
  const own = item.url?.startsWith('https://') ? item.url : undefined;
  const link = own ?? NOTIFICATION_PAGES[item.platform];
  return (
    <li
      class="waiting__item"
      data-unanswered-item
      data-platform={item.platform}
      data-id={item.id}
      data-exact={String(item.exact)}
    >
      <p class="waiting__meta">
        <span class="waiting__network">{network}</span>
        {item.from && <span class="waiting__from">{item.from}</span>}
        {item.question && <span class="tag">question</span>}
        {!item.exact && (
          <span class="tag tag--about" title="Read from the notifications page: it may have missed something">
            about
          </span>
        )}
        <span class="waiting__age">
          waiting <time dateTime={item.at}>{waited(item.at, now)}</time>
        </span>
      </p>
      {item.excerpt && <p class="waiting__excerpt">{item.excerpt}</p>}
      <p class="waiting__actions">
        {link && (
          <a href={link} target="_blank" rel="noopener noreferrer" data-own-link={String(own !== undefined)}>
            {own ? (
              <>
                Open
                <span class="sr-only">
                  {' '}
                  {who}'s comment on {network}
                </span>
              </>
            ) : (
              `Open ${network} notifications`
            )}
          </a>
        )}
        <button type="button" class="link" data-close onClick={onClose}>
          No reply needed<span class="sr-only"> for {who}'s comment</span>
        </button>
      </p>
    </li>
  );
}
