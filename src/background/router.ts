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
  type CurrentResponse,
  type EngagementResponse,
  type GetCurrentRequest,
  type GetEngagementRequest,
  type GetInstancesRequest,
  type InstancesResponse,
  type NoReplyNeededRequest,
  type PublishedRequest,
  type ScoreRequest,
  type ScoreResponse,
} from '../shared/messages.ts';

/** The parts of `runtime.MessageSender` the checks and handlers read. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}
export type Failure = { ok: false; error: string };
export type Reply = ScoreResponse | AckResponse | CurrentResponse | InstancesResponse | EngagementResponse;

export interface Handlers {
  score(req: ScoreRequest, sender: Sender): Promise<ScoreResponse>;
  published(req: PublishedRequest, sender: Sender): Promise<AckResponse>;
  'get-current'(req: GetCurrentRequest, sender: Sender): Promise<CurrentResponse>;
  'get-instances'(req: GetInstancesRequest, sender: Sender): Promise<InstancesResponse>;
  'apply-instances'(req: ApplyInstancesRequest, sender: Sender): Promise<InstancesResponse>;
  'get-engagement'(req: GetEngagementRequest, sender: Sender): Promise<EngagementResponse>;
  'no-reply-needed'(req: NoReplyNeededRequest, sender: Sender): Promise<AckResponse>;
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
        case 'get-current':
          return await handlers['get-current'](req, sender);
        case 'get-instances':
          return await handlers['get-instances'](req, sender);
        case 'apply-instances':
          return await handlers['apply-instances'](req, sender);
        case 'get-engagement':
          return await handlers['get-engagement'](req, sender);
        case 'no-reply-needed':
          return await handlers['no-reply-needed'](req, sender);
      }
    } catch (error) {
      return fail(`internal error: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
