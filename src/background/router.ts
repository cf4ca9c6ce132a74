/**
 * Checks every incoming message before any handler sees it: the sender must be this extension,
 * extension-page-only requests are refused from content scripts, and the payload must parse.
 * Kept free of browser APIs so it can be tested with plain objects.
 */
import * as z from 'zod/mini';
import {
  CONTENT_REQUESTS,
  Request,
  type AckResponse,
  type ApplyInstancesRequest,
  type CommentsSeenRequest,
  type CurrentResponse,
  type DeleteLedgerRequest,
  type ExportLedgerRequest,
  type ExportLedgerResponse,
  type EngagementResponse,
  type FeedbackRequest,
  type FeedbackResponse,
  type GetCurrentRequest,
  type GetEngagementRequest,
  type GetFeedbackRequest,
  type GetReminderRequest,
  type ReminderOpenRequest,
  type ReminderSnoozeRequest,
  type GetInstancesRequest,
  type GetPackRequest,
  type PackResponse,
  type GetSettingsRequest,
  type UpdateSettingsRequest,
  type SettingsResponse,
  type GetPolicyRequest,
  type PolicyResponse,
  type InstancesResponse,
  type LoadCardRequest,
  type NoReplyNeededRequest,
  type PublishedRequest,
  type ScoreRequest,
  type ScoreResponse,
} from '../shared/messages.ts';
import type { ReminderResponse } from '../shared/reminder-task.ts';

/** The parts of `runtime.MessageSender` the checks and handlers read. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  /** The frame of a content script's message (0: the top frame). */
  frameId?: number;
}
export type Failure = { ok: false; error: string };
export type Reply =
  | ScoreResponse
  | AckResponse
  | CurrentResponse
  | InstancesResponse
  | EngagementResponse
  | FeedbackResponse
  | ExportLedgerResponse
  | ReminderResponse
  | PackResponse
  | SettingsResponse
  | PolicyResponse;

export interface Handlers {
  score(req: ScoreRequest, sender: Sender): Promise<ScoreResponse>;
  published(req: PublishedRequest, sender: Sender): Promise<AckResponse>;
  'comments-seen'(req: CommentsSeenRequest, sender: Sender): Promise<AckResponse>;
  'get-current'(req: GetCurrentRequest, sender: Sender): Promise<CurrentResponse>;
  'get-instances'(req: GetInstancesRequest, sender: Sender): Promise<InstancesResponse>;
  'apply-instances'(req: ApplyInstancesRequest, sender: Sender): Promise<InstancesResponse>;
  'export-ledger'(req: ExportLedgerRequest, sender: Sender): Promise<ExportLedgerResponse>;
  'delete-ledger'(req: DeleteLedgerRequest, sender: Sender): Promise<AckResponse>;
  'get-engagement'(req: GetEngagementRequest, sender: Sender): Promise<EngagementResponse>;
  'no-reply-needed'(req: NoReplyNeededRequest, sender: Sender): Promise<AckResponse>;
  'load-card'(req: LoadCardRequest, sender: Sender): Promise<AckResponse>;
  feedback(req: FeedbackRequest, sender: Sender): Promise<AckResponse>;
  'get-feedback'(req: GetFeedbackRequest, sender: Sender): Promise<FeedbackResponse>;
  'get-reminder'(req: GetReminderRequest, sender: Sender): Promise<ReminderResponse>;
  'reminder-snooze'(req: ReminderSnoozeRequest, sender: Sender): Promise<ReminderResponse>;
  'reminder-open'(req: ReminderOpenRequest, sender: Sender): Promise<ReminderResponse>;
  'get-pack'(req: GetPackRequest, sender: Sender): Promise<PackResponse>;
  'get-settings'(req: GetSettingsRequest, sender: Sender): Promise<SettingsResponse>;
  'update-settings'(req: UpdateSettingsRequest, sender: Sender): Promise<SettingsResponse>;
  'get-policy'(req: GetPolicyRequest, sender: Sender): Promise<PolicyResponse>;
}

export interface RouterOptions {
  /** `runtime.id`: messages from any other extension are refused. */
  ownId: string;
  /** `runtime.getURL('')`: senders whose URL starts with it are extension pages. */
  extensionOrigin: string;
  handlers: Handlers;
}

const fail = (error: string): Failure => ({ ok: false, error });

export function createRouter({ ownId, extensionOrigin, handlers }: RouterOptions) {
  return async function route(message: unknown, sender: Sender): Promise<Reply> {
    if (sender.id !== ownId) return fail('refused: sender is not this extension');
    if (typeof message !== 'object' || message === null || !('type' in message)) {
      return fail('invalid message: no type');
    }
    const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
    const type = message.type;
    if (!fromExtensionPage && !CONTENT_REQUESTS.has(type as Request['type'])) {
      return fail(`refused: "${String(type).slice(0, 40)}" is not accepted from a web page`);
    }
    const parsed = Request.safeParse(message);
    if (!parsed.success) return fail(`invalid message: ${z.prettifyError(parsed.error)}`);
    const req = parsed.data;
    try {
      switch (req.type) {
        case 'score':
          return await handlers.score(req, sender);
        case 'published':
          return await handlers.published(req, sender);
        case 'comments-seen':
          return await handlers['comments-seen'](req, sender);
        case 'get-current':
          return await handlers['get-current'](req, sender);
        case 'get-instances':
          return await handlers['get-instances'](req, sender);
        case 'apply-instances':
          return await handlers['apply-instances'](req, sender);
        case 'export-ledger':
          return await handlers['export-ledger'](req, sender);
        case 'delete-ledger':
          return await handlers['delete-ledger'](req, sender);
        case 'get-engagement':
          return await handlers['get-engagement'](req, sender);
        case 'no-reply-needed':
          return await handlers['no-reply-needed'](req, sender);
        case 'load-card':
          return await handlers['load-card'](req, sender);
        case 'feedback':
          return await handlers.feedback(req, sender);
        case 'get-feedback':
          return await handlers['get-feedback'](req, sender);
        case 'get-reminder':
          return await handlers['get-reminder'](req, sender);
        case 'reminder-snooze':
          return await handlers['reminder-snooze'](req, sender);
        case 'reminder-open':
          return await handlers['reminder-open'](req, sender);
        case 'get-pack':
          return await handlers['get-pack'](req, sender);
        case 'get-settings':
          return await handlers['get-settings'](req, sender);
        case 'update-settings':
          return await handlers['update-settings'](req, sender);
        case 'get-policy':
          return await handlers['get-policy'](req, sender);
      }
    } catch (error) {
      return fail(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
