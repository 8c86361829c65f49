import * as z from 'zod/mini';

import { checkPageClaim, type PickedClaim } from './page-claim';
import { RequestSchema, type Request } from './requests';
import { isRequestType, SENDER_ROLES, SenderRole } from './roles';
import { checkExtensionPageSender, checkSender, RefusalReason, type SenderFields } from './sender';

/** What the background knows when a message arrives; it keeps this in memory. */
export interface AcceptContext {
  readonly extensionId: string;
  /** "chrome-extension://<id>" (or "moz-extension://<uuid>"): where the popup and planner live. */
  readonly extensionOrigin: string;
  /** Match patterns of the origins whose content scripts may send ticks: supported sites and picked origins. */
  readonly contentOrigins: readonly string[];
  /** The one tab and origin the popup started the picker on, if any. */
  readonly pendingPick: { readonly tabId: number; readonly origin: string } | null;
  /** The picked sites, by origin: their pages' ticks are named by host and the confirmed symbol. */
  readonly picked: Readonly<Record<string, PickedClaim>>;
}

/** Where an accepted message came from, from the browser's stamps. */
export type SenderInfo =
  | {
      readonly role: 'content' | 'picker';
      readonly origin: string;
      readonly tabId: number;
      readonly frameId: number;
    }
  | { readonly role: 'extension-page' };

export type Acceptance =
  | { readonly ok: true; readonly request: Request; readonly sender: SenderInfo }
  | { readonly ok: false; readonly reason: RefusalReason; readonly type: string | null };

/**
 * Decide whether the background acts on a message: first who sent it (by the role its
 * claimed type requires), then whether it is well formed, then — for a page's report of its
 * price (a tick, a stale or diverged report) — whether it is for the page that sent it. Anything refused is counted by the caller and never acted on.
 */
export function acceptMessage(raw: unknown, sender: SenderFields, context: AcceptContext): Acceptance {
  const claimedType = typeof raw === 'object' && raw !== null && 'type' in raw ? raw.type : undefined;
  if (!isRequestType(claimedType)) {
    return { ok: false, reason: RefusalReason.unknownType, type: null };
  }
  const refused = (reason: RefusalReason): Acceptance => ({ ok: false, reason, type: claimedType });

  let senderInfo: SenderInfo;
  let pageUrl: string | undefined;
  const role = SENDER_ROLES[claimedType];
  if (role === SenderRole.extensionPage) {
    const check = checkExtensionPageSender(sender, context.extensionId, context.extensionOrigin);
    if (!check.ok) return refused(check.reason);
    senderInfo = { role };
  } else if (role === SenderRole.content) {
    const check = checkSender(sender, context.extensionId, context.contentOrigins);
    if (!check.ok) return refused(check.reason);
    senderInfo = { role, origin: check.origin, tabId: check.tabId, frameId: check.frameId };
    pageUrl = check.url;
  } else {
    const pending = context.pendingPick;
    if (pending === null) return refused(RefusalReason.notPendingPicker);
    const check = checkSender(sender, context.extensionId, [`${pending.origin}/*`]);
    if (!check.ok) return refused(check.reason);
    // The picker answers only from the tab it was started in, and only from its top frame
    // (where it was injected): another frame or tab of the same origin did not ask.
    if (check.tabId !== pending.tabId || check.frameId !== 0 || check.origin !== pending.origin) {
      return refused(RefusalReason.notPendingPicker);
    }
    senderInfo = { role, origin: check.origin, tabId: check.tabId, frameId: check.frameId };
  }

  const parsed = z.safeParse(RequestSchema, raw);
  if (!parsed.success) return refused(RefusalReason.malformed);
  const request = parsed.data;
  const isPageReport = request.type === 'tick' || request.type === 'stale' || request.type === 'diverged';
  if (isPageReport && senderInfo.role === 'content') {
    const claimed = request.type === 'stale' ? { venue: request.venue } : request;
    const claim = checkPageClaim(claimed, pageUrl, context.picked[senderInfo.origin] ?? null);
    if (!claim.ok) return refused(claim.reason);
  }
  return { ok: true, request, sender: senderInfo };
}
