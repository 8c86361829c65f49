import * as z from 'zod/mini';

import { acceptMessage, type AcceptContext, type SenderInfo } from '../../lib/messages/accept';
import { REPLY_SCHEMAS, type ReplyOf } from '../../lib/messages/replies';
import type { Request, RequestOf, RequestType } from '../../lib/messages/requests';
import type { SENDER_ROLES } from '../../lib/messages/roles';
import type { RefusalReason, SenderFields } from '../../lib/messages/sender';
import { countRefusal } from '../../lib/store/security';
import type { Stores } from '../../lib/store/stores';
import type { SerialQueue } from '../../lib/worker/serial-queue';

/** Sender fields of a request only content scripts and the picker may send. */
export type WebSender = Extract<SenderInfo, { origin: string }>;

/** One handler per request type; the router has already checked the sender and the shape. */
export type Handlers = {
  readonly [T in RequestType]: (
    request: RequestOf<T>,
    sender: (typeof SENDER_ROLES)[T] extends 'extension-page' ? SenderInfo : WebSender,
  ) => Promise<ReplyOf<T>>;
};

export interface RouterDeps {
  readonly stores: Pick<Stores, 'security'>;
  readonly queue: SerialQueue;
  readonly now: () => number;
  /** What the sender check needs, current as of this message (picked origins, pending picker). */
  readonly acceptContext: () => Promise<AcceptContext>;
  readonly handlers: Handlers;
}

type AnyReply = { ok: true } | { ok: false; error: string };

/**
 * Every message the background receives goes through here: the sender is checked from
 * the browser's stamps, the message is parsed with its schema, anything refused is counted
 * (`security`) and answered `{ ok: false, error }` without being acted on, and every reply
 * is validated against its schema before it leaves.
 */
export function createMessageRouter(
  deps: RouterDeps,
): (raw: unknown, sender: SenderFields) => Promise<unknown> {
  const route = async (raw: unknown, sender: SenderFields): Promise<unknown> => {
    const accepted = acceptMessage(raw, sender, await deps.acceptContext());
    if (!accepted.ok) {
      await recordRefusal(deps, { reason: accepted.reason, type: accepted.type });
      return { ok: false, error: `refused: ${accepted.reason}` } satisfies AnyReply;
    }
    const { request } = accepted;
    let reply: unknown;
    try {
      reply = await dispatch(deps.handlers, request, accepted.sender);
    } catch (error) {
      console.error(`Tranche: handling ${request.type} failed`, error);
      return {
        ok: false,
        error: `${request.type} failed: ${describeError(error)}`,
      };
    }
    if (!z.safeParse(REPLY_SCHEMAS[request.type], reply).success) {
      console.error(`Tranche: the ${request.type} reply does not match its schema`, reply);
      return { ok: false, error: `${request.type} failed: the reply was malformed` } satisfies AnyReply;
    }
    return reply;
  };

  // Storage can fail under the router too (quota, a worker shutting down): the sender
  // still gets an answer it can show.
  return (raw, sender) =>
    route(raw, sender).catch((error: unknown) => {
      console.error('Tranche: a message could not be handled', error);
      return { ok: false, error: `failed: ${describeError(error)}` };
    });
}

/** Count a refused message or port in `security`, by reason and claimed type. */
export function recordRefusal(
  deps: Pick<RouterDeps, 'stores' | 'queue' | 'now'>,
  refusal: { readonly reason: RefusalReason; readonly type: string | null },
): Promise<void> {
  const { security } = deps.stores;
  return deps.queue(async () => security.write(countRefusal(await security.read(), refusal, deps.now())));
}

function dispatch(handlers: Handlers, request: Request, sender: SenderInfo): Promise<unknown> {
  switch (request.type) {
    case 'tick':
      return handlers.tick(request, webSender(sender));
    case 'stale':
      return handlers.stale(request, webSender(sender));
    case 'diverged':
      return handlers.diverged(request, webSender(sender));
    case 'watch-config':
      return handlers['watch-config'](request, webSender(sender));
    case 'picker-result':
      return handlers['picker-result'](request, webSender(sender));
    case 'picker-cancel':
      return handlers['picker-cancel'](request, webSender(sender));
    case 'picker-start':
      return handlers['picker-start'](request, sender);
    case 'picked-sites-list':
      return handlers['picked-sites-list'](request, sender);
    case 'picked-site-remove':
      return handlers['picked-site-remove'](request, sender);
    case 'plans-view':
      return handlers['plans-view'](request, sender);
    case 'plan-import':
      return handlers['plan-import'](request, sender);
    case 'plan-action':
      return handlers['plan-action'](request, sender);
    case 'plan-export':
      return handlers['plan-export'](request, sender);
    case 'plan-fill':
      return handlers['plan-fill'](request, sender);
    case 'plan-skip':
      return handlers['plan-skip'](request, sender);
    case 'quiet-set':
      return handlers['quiet-set'](request, sender);
    case 'overlay-settings-get':
      return handlers['overlay-settings-get'](request, sender);
    case 'overlay-settings-set':
      return handlers['overlay-settings-set'](request, sender);
    case 'plan-adjust':
      return handlers['plan-adjust'](request, sender);
    case 'plan-correct':
      return handlers['plan-correct'](request, sender);
    case 'heat-set':
      return handlers['heat-set'](request, sender);
    case 'planner-draft-get':
      return handlers['planner-draft-get'](request, sender);
    case 'planner-draft-set':
      return handlers['planner-draft-set'](request, sender);
    case 'account-defaults-get':
      return handlers['account-defaults-get'](request, sender);
    case 'account-defaults-set':
      return handlers['account-defaults-set'](request, sender);
    case 'templates-list':
      return handlers['templates-list'](request, sender);
    case 'template-save':
      return handlers['template-save'](request, sender);
    case 'template-delete':
      return handlers['template-delete'](request, sender);
    case 'tick-history-spans':
      return handlers['tick-history-spans'](request, sender);
    case 'tick-history-read':
      return handlers['tick-history-read'](request, sender);
    case 'page-quote':
      return handlers['page-quote'](request, sender);
  }
}

/** lib/messages/roles gives these types a web sender; this only tells the compiler. */
function webSender(sender: SenderInfo): WebSender {
  if (sender.role === 'extension-page') throw new Error('a content request arrived from an extension page');
  return sender;
}

/** An error as one short line: replies carry at most 500 characters (lib/messages ErrorTextSchema). */
function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
