import type { RequestType } from './requests';

/**
 * Who may send each request, decided from the fields the browser stamps on `sender`
 * (./sender.ts), never from the message:
 * - `content`: this extension's content script in a tab, on a supported or picked origin;
 * - `picker`: the element picker, in the one tab and origin the popup started it on;
 * - `extension-page`: the popup or planner, served from this extension's own origin.
 */
export const SenderRole = {
  content: 'content',
  picker: 'picker',
  extensionPage: 'extension-page',
} as const;
export type SenderRole = (typeof SenderRole)[keyof typeof SenderRole];

export const SENDER_ROLES = {
  tick: SenderRole.content,
  stale: SenderRole.content,
  diverged: SenderRole.content,
  'watch-config': SenderRole.content,
  'picker-result': SenderRole.picker,
  'picker-cancel': SenderRole.picker,
  'picker-start': SenderRole.extensionPage,
  'picked-sites-list': SenderRole.extensionPage,
  'picked-site-remove': SenderRole.extensionPage,
  // Plan changes and confirmations: only the popup, the planner and the framed overlay page.
  'plans-view': SenderRole.extensionPage,
  'plan-import': SenderRole.extensionPage,
  'plan-action': SenderRole.extensionPage,
  'plan-export': SenderRole.extensionPage,
  'plan-fill': SenderRole.extensionPage,
  'plan-skip': SenderRole.extensionPage,
  'quiet-set': SenderRole.extensionPage,
  // Adjusting a live trade, correcting a fill, the account heat: like every plan change.
  'plan-adjust': SenderRole.extensionPage,
  'plan-correct': SenderRole.extensionPage,
  'heat-set': SenderRole.extensionPage,
  // The panel's place and fold per site, from its frame; the global switch from the planner.
  'overlay-settings-get': SenderRole.extensionPage,
  'overlay-settings-set': SenderRole.extensionPage,
  // The designer's draft, the account defaults, templates, the tick history and the page a
  // quick plan starts from: the planner, the popup and the panel's frame.
  'planner-draft-get': SenderRole.extensionPage,
  'planner-draft-set': SenderRole.extensionPage,
  'account-defaults-get': SenderRole.extensionPage,
  'account-defaults-set': SenderRole.extensionPage,
  'templates-list': SenderRole.extensionPage,
  'template-save': SenderRole.extensionPage,
  'template-delete': SenderRole.extensionPage,
  'tick-history-spans': SenderRole.extensionPage,
  'tick-history-read': SenderRole.extensionPage,
  'page-quote': SenderRole.extensionPage,
} as const satisfies Record<RequestType, SenderRole>;

export function isRequestType(value: unknown): value is RequestType {
  return typeof value === 'string' && Object.hasOwn(SENDER_ROLES, value);
}
