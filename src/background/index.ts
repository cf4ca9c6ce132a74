/**
 * The worker (a module service worker in Chromium, an event page in Firefox). Listeners are
 * registered synchronously at top level so a worker woken by an event finds them in place.
 */
import * as z from 'zod/mini';
import browser, { type Runtime } from 'webextension-polyfill';
import { createCurrentStore } from './current.ts';
import { createRouter } from './router.ts';
import { servePort } from './content-port.ts';
import { createScoreHandler } from './handlers/score.ts';
import { handlePublished } from './handlers/published.ts';
import { ledger, useRetentionDays } from './ledger.ts';
import { keepHistory } from './history-keeper.ts';
import { createExportLedgerHandler } from './handlers/export-ledger.ts';
import { createDeleteLedgerHandler } from './handlers/delete-ledger.ts';
import { createGetCurrentHandler } from './handlers/get-current.ts';
import { createGetInstancesHandler } from './handlers/get-instances.ts';
import { createApplyInstancesHandler } from './handlers/apply-instances.ts';
import { createGetEngagementHandler } from './handlers/get-engagement.ts';
import { createNoReplyNeededHandler } from './handlers/no-reply-needed.ts';
import { createInstanceSync } from './instances.ts';
import { browserInstanceApis } from './instance-apis.ts';
import { createLoadCardHandler } from './handlers/load-card.ts';
import { createFeedbackHandlers } from './handlers/feedback.ts';
import { CARD_SCRIPT } from '../shared/card-script.ts';
import { createCommentsSeenHandler } from './handlers/comments-seen.ts';
import { createReaderGate } from './reader-gate.ts';
import { createReaderTrigger } from './readers.ts';
import { instanceHosts } from '../shared/hosts.ts';
import { startReminder } from './reminder-worker.ts';
import { keepSettings } from './settings-keeper.ts';
import { gateBySite } from './site-gate.ts';
import { createGetPackHandler } from './handlers/get-pack.ts';
import { keepPolicy } from './policy-keeper.ts';
import type { Policy } from '../shared/policy.ts';
import { createPolicySettingsStore } from './policy-settings-store.ts';
import { createGetSettingsHandler } from './handlers/get-settings.ts';
import { createUpdateSettingsHandler } from './handlers/update-settings.ts';
import { createGetPolicyHandler } from './handlers/get-policy.ts';
import { awaitPackLoad, builtInPack, installPack } from './active-pack.ts';
import { createPackKeeper } from './pack/keeper.ts';
import { PACK_ALARM } from './pack/backoff.ts';

// MV3's content security policy forbids the `new Function` probe zod runs by default.
z.config({ jitless: true });

// The admin's managed policy (src/background/policy-keeper.ts), cached in storage.local and
// followed live. The pack sync reads it too.
const policy = keepPolicy({
  managed: browser.storage.managed,
  local: browser.storage.local,
  onChanged: browser.storage.onChanged,
});
// The person's settings under that policy: one store, kept in memory and followed through
// storage.onChanged; the policy's defaultRole and reminder are the defaults of a new install,
// its locked keys and disabled sites win over what is stored.
const settings = keepSettings(
  createPolicySettingsStore(browser.storage.local, browser.storage.onChanged, policy),
);
const sites = async () => (await settings.get()).sites;
useRetentionDays(() => settings.latest().retentionDays);

const store = createCurrentStore(browser.storage.session);
// The history summary, rebuilt from the ledger now (the worker just started) and then kept up to
// date as events are recorded: scoring never re-reads IndexedDB.
const history = keepHistory(ledger);
void history.summary().catch((error: unknown) => console.error('Rapport: history not loaded:', error));
const syncInstances = createInstanceSync(browserInstanceApis());
const feedback = createFeedbackHandlers(browser.storage.local);
const readerGate = createReaderGate(browser.storage.session);
// The daily reminder: its alarms, notification clicks and buttons (src/background/reminder/).
const reminder = startReminder(history, settings.store);

// The admin's shared pack (src/background/pack/): the stored one is put back before drafts score,
// then the policy's pack is checked when due, on its alarm and whenever the policy changes.
const packKeeper = createPackKeeper({
  storage: browser.storage.local,
  // Each check reads the managed area afresh (Chromium hands an extension its policy a moment after
  // start, with no change event); the keeper keeps the last good policy if that read is empty.
  policy: async () => {
    await policy.get();
    await policy.refresh().catch(() => false);
    return policy.latest().policy;
  },
  fetch: (url, init) => fetch(url, init),
  now: () => new Date(),
  schedule: (when) => void browser.alarms.create(PACK_ALARM, { when }),
  base: builtInPack,
  install: installPack,
});
const logPackError = (error: unknown) => console.error('Rapport: rule pack not checked:', error);
awaitPackLoad(packKeeper.load());
// The pack's own policy keys, as last synced: only a change to them checks the pack again at once
// (the keeper's watch also reports the cached policy arriving at every worker start).
const packPolicyKey = (p: Policy) =>
  JSON.stringify([p.rulePackUrl, p.rulePack, p.rulePackSignature, p.rulePackPublicKeys]);
let syncedPackPolicy: string | undefined;
void policy
  .get()
  .then((state) => {
    syncedPackPolicy ??= packPolicyKey(state.policy);
    return packKeeper.sync();
  })
  .catch(logPackError);
// The policy keeper reports a change once (Chromium may send one edit twice), and not for an
// empty or broken managed area, which never takes the pack away.
policy.watch((state) => {
  const key = packPolicyKey(state.policy);
  // Before the start-up check has read the policy, it is the one to act on what this reports.
  if (syncedPackPolicy === undefined || key === syncedPackPolicy) {
    syncedPackPolicy = key;
    return;
  }
  syncedPackPolicy = key;
  void packKeeper.sync({ force: true }).catch(logPackError);
});
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === PACK_ALARM) void packKeeper.sync().catch(logPackError);
});

const route = createRouter({
  ownId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  handlers: {
    // A network the person turned off is neither coached nor recorded (src/background/site-gate.ts).
    score: gateBySite(
      createScoreHandler(
        store,
        () => new Date(),
        history,
        () => settings.latest().goals,
      ),
      sites,
    ),
    published: gateBySite(handlePublished, sites),
    'comments-seen': gateBySite(createCommentsSeenHandler(ledger, readerGate), sites),
    'get-current': createGetCurrentHandler(store),
    'get-instances': createGetInstancesHandler(() => browser.permissions.getAll()),
    'apply-instances': createApplyInstancesHandler(syncInstances),
    'export-ledger': createExportLedgerHandler(
      ledger,
      () => new Date(),
      () => settings.latest().retentionDays,
    ),
    'delete-ledger': createDeleteLedgerHandler(ledger),
    'get-engagement': createGetEngagementHandler(ledger),
    'no-reply-needed': createNoReplyNeededHandler(ledger),
    'load-card': createLoadCardHandler((tabId, frameId) =>
      browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        files: [CARD_SCRIPT],
        injectImmediately: true,
      }),
    ),
    feedback: feedback.feedback,
    'get-feedback': feedback.getFeedback,
    ...reminder,
    'get-pack': createGetPackHandler(packKeeper),
    'get-settings': createGetSettingsHandler(settings.store),
    'update-settings': createUpdateSettingsHandler(settings.store),
    'get-policy': createGetPolicyHandler(policy),
  },
});

// Content scripts keep one port open while they coach (see src/shared/port.ts).
browser.runtime.onConnect.addListener((port) => servePort(port, route));

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender),
);

browser.tabs.onRemoved.addListener((tabId) => {
  void store.remove(tabId);
});

// Mastodon instances the person added: keep their content script in line with the grants, on
// every start (the built file names change with each update) and whenever a grant changes.
const logSyncError = (error: unknown) => console.error('Rapport: instances not applied:', error);
browser.permissions.onAdded.addListener(() => void syncInstances().catch(logSyncError));
browser.permissions.onRemoved.addListener(() => void syncInstances().catch(logSyncError));
void syncInstances().catch(logSyncError);

// Comments waiting for an answer: a network's reader runs when the person opens that network's
// page (src/background/readers.ts), never in the background.
const readers = createReaderTrigger({
  instances: async () => instanceHosts((await browser.permissions.getAll()).origins ?? []),
  inject: async (tabId, file) => {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [file] });
  },
  gate: readerGate,
  enabled: async (id) => (await sites())[id],
  tab: (tabId) => browser.tabs.get(tabId),
});
const logReaderError = (error: unknown) => console.error('Rapport: comments not read:', error);
browser.tabs.onUpdated.addListener(
  (tabId, change, tab) => void readers.onUpdated(tabId, change, tab).catch(logReaderError),
);
browser.tabs.onRemoved.addListener((tabId) => readers.onRemoved(tabId));
