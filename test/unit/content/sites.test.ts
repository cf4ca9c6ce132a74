// @vitest-environment happy-dom
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ADAPTERS, adapterFor, type Where } from '../../../src/content/sites/index.ts';
import { PLATFORMS } from '../../../src/engine/types.ts';

afterEach(() => document.body.replaceChildren());

function at(url: string): Where {
  const { hostname, pathname } = new URL(url);
  return { hostname, pathname };
}

interface Case {
  name: string;
  url: string;
  html: string;
  /** The editor root inside `html` (default `#ed`). */
  editor?: string;
  expected: { platform: string; kind: string; parentAuthor?: string; to?: string; excluded?: boolean };
  submit?: string;
}

const draftBox = (placeholder: string) =>
  `<div class="DraftEditor-root"><div class="public-DraftEditorPlaceholder-root"><div class="public-DraftEditorPlaceholder-inner">${placeholder}</div></div>` +
  `<div class="DraftEditor-editorContainer"><div id="ed" class="public-DraftEditor-content" contenteditable="true" role="textbox" data-testid="tweetTextarea_0"></div></div></div>`;

const CASES: Case[] = [
  {
    name: 'x: home composer is a post',
    url: 'https://x.com/home',
    html: `<div>${draftBox("What's happening?")}<div><button data-testid="tweetButtonInline" id="go">Post</button></div></div>`,
    expected: { platform: 'x', kind: 'post' },
    submit: '#go',
  },
  {
    name: 'x: the inline reply on a status page answers that status',
    url: 'https://x.com/dana/status/1234',
    html: `<div>${draftBox('Post your reply')}<button data-testid="tweetButtonInline" id="go">Reply</button></div>`,
    expected: { platform: 'x', kind: 'reply', to: '1234' },
    submit: '#go',
  },
  {
    name: 'x: reply modal names the author',
    url: 'https://x.com/compose/post',
    html:
      '<div role="dialog"><article data-testid="tweet"><div data-testid="User-Name"><span>Dana</span><span>@dana_k</span></div>Original</article>' +
      `<div>Replying to <a href="/dana_k">@dana_k</a></div>${draftBox('Post your reply')}<button data-testid="tweetButton">Reply</button></div>`,
    expected: { platform: 'x', kind: 'reply', parentAuthor: '@dana_k' },
  },
  {
    name: 'x: the reply dialog answers the status it quotes',
    url: 'https://x.com/compose/post',
    html:
      '<div role="dialog"><article data-testid="tweet"><div data-testid="User-Name"><span>@dana_k</span></div>' +
      '<a href="/dana_k/status/1790000000000000001"><time datetime="2026-11-20T09:00:00Z">2h</time></a></article>' +
      `${draftBox('Post your reply')}<button data-testid="tweetButton">Reply</button></div>`,
    expected: { platform: 'x', kind: 'reply', parentAuthor: '@dana_k', to: '1790000000000000001' },
  },
  {
    name: 'x: direct messages are excluded',
    url: 'https://x.com/messages/123',
    html: '<div id="ed" contenteditable="true" data-testid="dmComposerTextInput"></div>',
    expected: { platform: 'x', kind: 'post', excluded: true },
  },
  {
    name: 'linkedin: share modal (Quill) is a post',
    url: 'https://www.linkedin.com/feed/',
    html: '<div role="dialog" class="share-box"><div class="ql-container"><div id="ed" class="ql-editor" contenteditable="true"></div></div><button class="share-actions__primary-action" id="go">Post</button></div>',
    expected: { platform: 'linkedin', kind: 'post' },
    submit: '#go',
  },
  {
    name: 'linkedin: comment box (Quill) is a comment',
    url: 'https://www.linkedin.com/feed/',
    html: '<div class="comments-comment-box"><div class="ql-editor" id="ed" contenteditable="true"></div><button class="comments-comment-box__submit-button" id="go">Comment</button></div>',
    expected: { platform: 'linkedin', kind: 'comment' },
    submit: '#go',
  },
  {
    name: 'linkedin: new feed reply box (TipTap) under a comment is a reply',
    url: 'https://www.linkedin.com/feed/update/urn:li:activity:1/',
    html:
      '<article class="comments-comment-entity" data-id="urn:li:comment:(activity:1,2)"><span class="comments-comment-meta__description-title">Ana Ruiz</span>' +
      '<div data-view-name="comment-box"><div class="ProseMirror" id="ed" contenteditable="true"></div><button data-view-name="comment-post">Reply</button></div></article>',
    expected: {
      platform: 'linkedin',
      kind: 'reply',
      parentAuthor: 'Ana Ruiz',
      to: 'urn:li:comment:(activity:1,2)',
    },
  },
  {
    name: 'linkedin: messaging is excluded',
    url: 'https://www.linkedin.com/messaging/thread/1/',
    html: '<form class="msg-form"><div class="msg-form__contenteditable" id="ed" contenteditable="true"></div></form>',
    expected: { platform: 'linkedin', kind: 'post', excluded: true },
  },
  {
    name: 'facebook: the composer is a post',
    url: 'https://www.facebook.com/',
    html: `<div><div id="ed" role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="What's on your mind, Dana?"></div><div role="button" aria-label="Post" id="go">Post</div></div>`,
    expected: { platform: 'facebook', kind: 'post' },
    submit: '#go',
  },
  {
    name: 'facebook: a comment box',
    url: 'https://www.facebook.com/groups/1/posts/2',
    html: '<div><div id="ed" role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="Write a comment…"></div></div>',
    expected: { platform: 'facebook', kind: 'comment' },
  },
  {
    name: 'facebook: the reply placeholder outside the editable names the author',
    url: 'https://www.facebook.com/groups/1/posts/2',
    html: '<div><div aria-hidden="true">Reply to Sam Lee…</div><div id="ed" role="textbox" contenteditable="true" data-lexical-editor="true"></div></div>',
    expected: { platform: 'facebook', kind: 'reply', parentAuthor: 'Sam Lee' },
  },
  {
    name: 'facebook: a reply answers the comment its own link names (reply_comment_id first)',
    url: 'https://www.facebook.com/groups/1/posts/2',
    html:
      '<div role="article"><a href="/groups/1/posts/2?comment_id=11&amp;reply_comment_id=22">3h</a>' +
      '<div><div aria-hidden="true">Reply to Sam Lee…</div><div id="ed" role="textbox" contenteditable="true" data-lexical-editor="true"></div></div></div>',
    expected: { platform: 'facebook', kind: 'reply', parentAuthor: 'Sam Lee', to: '22' },
  },
  {
    name: 'facebook: a post that mentions comments and replies is still a post',
    url: 'https://www.facebook.com/',
    html: `<div><div id="ed" role="textbox" contenteditable="true" data-lexical-editor="true" aria-label="What's on your mind, Dana?"><p>Reply to Sam… in the comments below</p></div></div>`,
    expected: { platform: 'facebook', kind: 'post' },
  },
  {
    name: 'facebook: chat is excluded',
    url: 'https://www.facebook.com/messages/t/1',
    html: '<div id="ed" role="textbox" contenteditable="true" aria-label="Message"></div>',
    expected: { platform: 'facebook', kind: 'post', excluded: true },
  },
  {
    name: 'instagram: the comment textarea',
    url: 'https://www.instagram.com/p/abc/',
    html: '<form><textarea id="ed" aria-label="Add a comment…"></textarea><div role="button" id="go">Post</div></form>',
    expected: { platform: 'instagram', kind: 'comment' },
    submit: '#go',
  },
  {
    name: 'instagram: the caption is a post',
    url: 'https://www.instagram.com/create/',
    html: '<div><div id="ed" aria-label="Write a caption..." contenteditable="true" data-lexical-editor="true"></div><div role="button">Share</div></div>',
    expected: { platform: 'instagram', kind: 'post' },
  },
  {
    name: 'instagram: direct is excluded',
    url: 'https://www.instagram.com/direct/t/1/',
    html: '<div id="ed" aria-label="Message..." contenteditable="true"></div>',
    expected: { platform: 'instagram', kind: 'post', excluded: true },
  },
  {
    name: 'threads: a new thread is a post',
    url: 'https://www.threads.net/',
    html: '<div role="dialog"><div id="ed" role="textbox" contenteditable="true" data-lexical-editor="true"></div><div role="button" id="go">Post</div></div>',
    expected: { platform: 'threads', kind: 'post' },
    submit: '#go',
  },
  {
    name: 'threads: the reply dialog shows the original post',
    url: 'https://www.threads.com/',
    html: '<div role="dialog"><a href="/@mia">mia</a><a href="/@mia/post/C1">post</a><div id="ed" role="textbox" contenteditable="true" data-lexical-editor="true"></div><div role="button">Post</div></div>',
    expected: { platform: 'threads', kind: 'reply', parentAuthor: '@mia', to: 'C1' },
  },
  {
    name: 'bluesky: publish post',
    url: 'https://bsky.app/',
    html: '<div><div class="ProseMirror" id="ed" contenteditable="true" aria-label="Rich-Text Editor"></div><button data-testid="composerPublishBtn" aria-label="Publish post" id="go">Post</button></div>',
    expected: { platform: 'bluesky', kind: 'post' },
    submit: '#go',
  },
  {
    name: 'bluesky: publish reply',
    url: 'https://bsky.app/profile/a.bsky.social/post/1',
    html: '<div><div class="ProseMirror" id="ed" contenteditable="true"></div><button data-testid="composerPublishBtn" aria-label="Publish reply">Reply</button></div>',
    expected: { platform: 'bluesky', kind: 'reply', to: 'https://bsky.app/profile/a.bsky.social/post/1' },
  },
  {
    name: 'mastodon on any instance: a reply with the reply indicator',
    url: 'https://fosstodon.org/home',
    html:
      '<div id="mastodon"><form class="compose-form"><div class="reply-indicator"><span class="display-name__account">@lee@mastodon.social</span></div>' +
      '<textarea id="ed"></textarea><div class="compose-form__submit"><button type="submit" id="go">Publish</button></div></form></div>',
    expected: { platform: 'mastodon', kind: 'reply', parentAuthor: '@lee@mastodon.social' },
    submit: '#go',
  },
  {
    name: 'mastodon: a reply on a status page answers that status',
    url: 'https://mastodon.social/@lee/110000000000000012',
    html:
      '<div id="mastodon"><form class="compose-form"><div class="reply-indicator"><span class="display-name__account">@lee</span></div>' +
      '<textarea id="ed"></textarea></form></div>',
    expected: { platform: 'mastodon', kind: 'reply', parentAuthor: '@lee', to: '110000000000000012' },
  },
  {
    name: 'mastodon: a plain toot is a post',
    url: 'https://mastodon.social/home',
    html: '<div id="mastodon"><form class="compose-form"><textarea id="ed"></textarea></form></div>',
    expected: { platform: 'mastodon', kind: 'post' },
  },
  {
    name: 'reddit: a reply under a comment (Lexical in shreddit-composer)',
    url: 'https://www.reddit.com/r/x/comments/1/t/',
    html: '<shreddit-comment thingid="t1_a" author="kim"><shreddit-composer><div id="ed" contenteditable="true" role="textbox" data-lexical-editor="true"></div><button slot="submit-button" id="go">Comment</button></shreddit-composer></shreddit-comment>',
    expected: { platform: 'reddit', kind: 'reply', parentAuthor: 'u/kim', to: 't1_a' },
    submit: '#go',
  },
  {
    name: 'reddit: the top comment box on a post is a comment',
    url: 'https://www.reddit.com/r/x/comments/1/t/',
    html: '<shreddit-composer><div id="ed" contenteditable="true" role="textbox"></div></shreddit-composer>',
    expected: { platform: 'reddit', kind: 'comment' },
  },
  {
    name: 'reddit: the submit page body is a post',
    url: 'https://www.reddit.com/r/x/submit',
    html: '<div><textarea name="title"></textarea><textarea id="ed" name="markdown"></textarea><button id="submit-post-button">Post</button></div>',
    expected: { platform: 'reddit', kind: 'post' },
    submit: '#submit-post-button',
  },
  {
    name: 'reddit: the title field is not a draft of its own',
    url: 'https://www.reddit.com/r/x/submit',
    html: '<div><textarea id="ed" name="title"></textarea></div>',
    expected: { platform: 'reddit', kind: 'post', excluded: true },
  },
  {
    name: 'old reddit: a reply inside a comment thing',
    url: 'https://old.reddit.com/r/x/comments/1/t/',
    html:
      '<div class="thing comment" data-author="pat" data-fullname="t1_pp1"><form class="usertext"><div class="usertext-edit"><textarea id="ed" name="text"></textarea></div>' +
      '<div class="usertext-buttons"><button type="submit" class="save" id="go">save</button></div></form></div>',
    expected: { platform: 'reddit', kind: 'reply', parentAuthor: 'u/pat', to: 't1_pp1' },
    submit: '#go',
  },
  {
    name: 'old reddit: top-level comment',
    url: 'https://old.reddit.com/r/x/comments/1/t/',
    html: '<form class="usertext"><div class="usertext-edit"><textarea id="ed" name="text"></textarea></div></form>',
    expected: { platform: 'reddit', kind: 'comment' },
  },
  {
    name: 'youtube: a comment',
    url: 'https://www.youtube.com/watch?v=1',
    html: '<ytd-commentbox><div id="contenteditable-root" contenteditable="true"></div><div id="submit-button"><button id="go">Comment</button></div></ytd-commentbox>',
    editor: '#contenteditable-root',
    expected: { platform: 'youtube', kind: 'comment' },
    submit: '#go',
  },
  {
    name: 'youtube: a reply in the reply dialog',
    url: 'https://www.youtube.com/watch?v=1',
    html:
      '<ytd-comment-thread-renderer><a id="author-text"> @chris </a><a href="/watch?v=1&amp;lc=UgzX9_a-1">1 day ago</a>' +
      '<ytd-comment-reply-dialog-renderer><ytd-commentbox>' +
      '<div id="contenteditable-root" contenteditable="true"></div></ytd-commentbox></ytd-comment-reply-dialog-renderer></ytd-comment-thread-renderer>',
    editor: '#contenteditable-root',
    expected: { platform: 'youtube', kind: 'reply', parentAuthor: '@chris', to: 'UgzX9_a-1' },
  },
];

describe.each(CASES)('$name', (c) => {
  test('classifies and finds its submit control', () => {
    const host = document.createElement('div');
    host.innerHTML = c.html;
    document.body.append(host);
    const where = at(c.url);
    const adapter = adapterFor(where, document);
    expect(adapter?.platform).toBe(c.expected.platform);
    const root = host.querySelector(c.editor ?? '#ed')!;
    const got = adapter!.classify(root, where);
    expect({ excluded: false, ...got }).toEqual({ excluded: false, ...c.expected });
    if (c.submit) expect(adapter!.submitControls(root)).toContain(host.querySelector(c.submit));
  });
});

test('old reddit is told apart from the new site, also on www with the old layout', () => {
  expect(adapterFor(at('https://old.reddit.com/'), document)?.id).toBe('reddit-old');
  expect(adapterFor(at('https://www.reddit.com/'), document)?.id).toBe('reddit');
  document.body.innerHTML = '<div id="header-bottom-left"></div>';
  expect(adapterFor(at('https://www.reddit.com/'), document)?.id).toBe('reddit-old');
});

test('an unknown site gets no adapter (no coaching)', () => {
  expect(adapterFor(at('https://example.com/'), document)).toBeNull();
});

test('Enter publishes where the network posts on Enter, and nowhere else', () => {
  document.body.innerHTML =
    '<div id="fb" role="textbox" contenteditable="true" aria-label="Write a comment…"></div>' +
    '<div id="fbpost" role="textbox" contenteditable="true" aria-label="What\'s on your mind?"></div><textarea id="ig"></textarea>';
  const q = (s: string) => document.querySelector(s)!;
  const fb = adapterFor(at('https://www.facebook.com/'), document)!;
  expect(fb.enterPosts(q('#fb'), at('https://www.facebook.com/'))).toBe(true);
  expect(fb.enterPosts(q('#fbpost'), at('https://www.facebook.com/'))).toBe(false);
  expect(
    adapterFor(at('https://www.instagram.com/'), document)!.enterPosts(
      q('#ig'),
      at('https://www.instagram.com/'),
    ),
  ).toBe(true);
  expect(adapterFor(at('https://x.com/'), document)!.enterPosts(q('#fb'), at('https://x.com/'))).toBe(false);
});

test('every adapter file is registered under its file name, and every platform has one', () => {
  const dir = resolve(process.cwd(), 'src/content/sites');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'adapter.ts')
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  expect(ADAPTERS.map((a) => a.id).sort()).toEqual(files);
  expect(new Set(ADAPTERS.map((a) => a.platform))).toEqual(new Set(PLATFORMS));
});
