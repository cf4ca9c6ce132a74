/** LinkedIn: Quill (`.ql-editor`) and, on the newer feed, TipTap; both live at once. */
import { hostIs, labelOf, nearby, trimmed, type SiteAdapter } from './adapter.ts';

const SUBMIT = [
  'button.share-actions__primary-action',
  'button.comments-comment-box__submit-button',
  'button.comments-comment-box__submit-button--cr',
  'button[data-view-name="comment-post"]',
].join(',');
const COMMENT_BOX = '.comments-comment-box,.comments-comment-texteditor,[data-view-name="comment-box"]';
const REPLY_BOX =
  '.comments-reply-box,.comments-comment-item .comments-comment-box,[data-view-name="reply-box"]';

export const linkedin: SiteAdapter = {
  id: 'linkedin',
  platform: 'linkedin',
  matches: (where) => hostIs(where, 'linkedin.com'),
  classify(root, where) {
    if (
      where.pathname.startsWith('/messaging') ||
      root.closest('.msg-form,.msg-overlay-conversation-bubble')
    ) {
      return { platform: 'linkedin', kind: 'post', excluded: true };
    }
    const button = nearby(root, SUBMIT)[0];
    const reply = root.closest(REPLY_BOX) !== null || (button ? /^reply/i.test(labelOf(button)) : false);
    if (reply) {
      const parent = root.closest(
        '.comments-comment-item,article.comments-comment-entity,[data-view-name="comment"]',
      );
      const name = parent?.querySelector(
        '.comments-comment-meta__description-title,.comments-post-meta__name-text,[data-view-name="comment-actor-name"]',
      );
      const author = trimmed(name?.textContent);
      return {
        platform: 'linkedin',
        kind: 'reply',
        ...(author ? { parentAuthor: author } : {}),
        // The comment's URN, as notifications link it (commentUrn=).
        to: parent?.getAttribute('data-id') ?? undefined,
      };
    }
    if (root.closest(COMMENT_BOX)) return { platform: 'linkedin', kind: 'comment' };
    return { platform: 'linkedin', kind: 'post' };
  },
  submitControls: (root) => nearby(root, SUBMIT),
  enterPosts: () => false,
  modEnterPosts: true,
};
