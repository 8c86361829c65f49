/*
 * Who sent a message, decided only from the fields the browser stamps on
 * `runtime.MessageSender` (id, url, origin, tab, frameId). A message's own claims about
 * where it comes from are never read here.
 */

/** The part of `runtime.MessageSender` the checks read; the browser's object fits it. */
export interface SenderFields {
  readonly id?: string | undefined;
  readonly url?: string | undefined;
  /** Chrome ≥ 80 stamps the frame's security origin; Firefox leaves it out, so `url` is the fallback. */
  readonly origin?: string | undefined;
  /** The tab's address; `url` is the sending frame's own (a chart framed into an exchange page). */
  readonly tab?: { readonly id?: number | undefined; readonly url?: string | undefined } | undefined;
  readonly frameId?: number | undefined;
}

export const RefusalReason = {
  foreignExtension: 'foreign-extension',
  notInTab: 'not-in-tab',
  noWebOrigin: 'no-web-origin',
  originNotAllowed: 'origin-not-allowed',
  notExtensionPage: 'not-extension-page',
  notPendingPicker: 'not-pending-picker',
  /** A tick or stale report naming another venue than its page's address. */
  venueNotPage: 'venue-not-page',
  /** A tick or stale report naming another symbol than its page's address (or pick) names. */
  symbolNotPage: 'symbol-not-page',
  unknownType: 'unknown-type',
  malformed: 'malformed',
} as const;
export type RefusalReason = (typeof RefusalReason)[keyof typeof RefusalReason];

export type SenderCheck =
  | {
      readonly ok: true;
      readonly origin: string;
      /** The sending page's address, as the browser stamped it (`pageUrlOf`). */
      readonly url: string | undefined;
      readonly tabId: number;
      readonly frameId: number;
    }
  | { readonly ok: false; readonly reason: RefusalReason };

export type PageSenderCheck = { readonly ok: true } | { readonly ok: false; readonly reason: RefusalReason };

/**
 * Accept a content script's message: stamped with this extension's id, sent from a tab,
 * from an http(s) origin that one of `allowedOrigins` (match patterns such as
 * `*://*.binance.com/*` or `http://127.0.0.1:8123/*`) covers.
 */
export function checkSender(
  sender: SenderFields,
  extensionId: string,
  allowedOrigins: readonly string[],
): SenderCheck {
  if (sender.id !== extensionId) return refuse(RefusalReason.foreignExtension);
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number') return refuse(RefusalReason.notInTab);
  const origin = webOriginOf(sender);
  if (origin === null) return refuse(RefusalReason.noWebOrigin);
  if (!allowedOrigins.some((pattern) => originMatchesPattern(origin, pattern))) {
    return refuse(RefusalReason.originNotAllowed);
  }
  return { ok: true, origin, url: pageUrlOf(sender), tabId, frameId: sender.frameId ?? 0 };
}

/**
 * The address of the page a content script reads, as the browser stamped it: for a tab's
 * top frame the tab's (it follows in-app navigations: Chromium keeps `sender.url` at the
 * address the document loaded with, even after a `pushState` to another symbol); for a
 * frame its own (a chart framed into an exchange page), as it loaded.
 */
export function pageUrlOf(sender: SenderFields): string | undefined {
  return (sender.frameId ?? 0) === 0 ? (sender.tab?.url ?? sender.url) : sender.url;
}

/**
 * Accept a message from the popup or planner: this extension's id and a document served
 * from `extensionOrigin` ("chrome-extension://<id>", "moz-extension://<uuid>"). A popup
 * opened in a tab has `sender.tab`; that is fine, its origin is still the extension's.
 */
export function checkExtensionPageSender(
  sender: SenderFields,
  extensionId: string,
  extensionOrigin: string,
): PageSenderCheck {
  if (sender.id !== extensionId) return refuse(RefusalReason.foreignExtension);
  const expected = extensionOrigin.replace(/\/+$/, '');
  const origin = sender.origin ?? (sender.url === undefined ? undefined : schemeAndHost(sender.url));
  if (origin !== expected) return refuse(RefusalReason.notExtensionPage);
  return { ok: true };
}

/** The sender frame's http(s) origin, or null for opaque, extension and other non-web origins. */
export function webOriginOf(sender: SenderFields): string | null {
  // `origin` is the frame's real security origin (an about:blank frame inherits its
  // parent's, a sandboxed one is "null"), so it wins over the URL when present.
  const candidate = sender.origin ?? (sender.url === undefined ? undefined : schemeAndHost(sender.url));
  if (candidate === undefined || !/^https?:\/\/[^/]+$/.test(candidate)) return null;
  return candidate;
}

/**
 * Whether a match pattern (`<scheme>://<host>[:port]/<path>`) covers an origin. The path
 * is ignored because senders are judged per origin. A host `*.example.com` covers
 * example.com and its subdomains; a pattern without a port covers every port, as in
 * Chrome; scheme `*` means http or https.
 */
export function originMatchesPattern(origin: string, pattern: string): boolean {
  if (pattern === '<all_urls>') return /^https?:/.test(origin);
  const parsedPattern = /^(\*|https?):\/\/(\*|\*\.[^/:*]+|[^/:*]+)(?::(\d+|\*))?\//.exec(pattern);
  const parsedOrigin = /^(https?):\/\/([^/:]+)(?::(\d+))?$/.exec(origin);
  if (parsedPattern === null || parsedOrigin === null) return false;
  const [, patternScheme = '', patternHost = '', patternPort] = parsedPattern;
  const [, scheme = '', host = '', explicitPort] = parsedOrigin;
  if (patternScheme !== '*' && patternScheme !== scheme) return false;
  const port = explicitPort ?? (scheme === 'https' ? '443' : '80');
  if (patternPort !== undefined && patternPort !== '*' && patternPort !== port) return false;
  const lowerHost = host.toLowerCase();
  const lowerPatternHost = patternHost.toLowerCase();
  if (lowerPatternHost === '*') return true;
  if (lowerPatternHost.startsWith('*.')) {
    const base = lowerPatternHost.slice(2);
    return lowerHost === base || lowerHost.endsWith(`.${base}`);
  }
  return lowerHost === lowerPatternHost;
}

/**
 * The match pattern that asks for exactly one origin's pages ("http://127.0.0.1:8123" →
 * "http://127.0.0.1:8123/*"). Firefox's match patterns take no port, so `withPort: false`
 * drops it (the permission then covers the host's every port; senders are still checked
 * against the exact origin).
 */
export function originToMatchPattern(origin: string, options: { withPort: boolean }): string {
  const match = /^(https?):\/\/([^/:]+)(?::(\d+))?$/.exec(origin);
  if (match === null) throw new Error(`"${origin}" is not an http(s) origin`);
  const [, scheme = '', host = '', port] = match;
  return `${scheme}://${host}${options.withPort && port !== undefined ? `:${port}` : ''}/*`;
}

/**
 * "scheme://host" of any URL, for extension URLs too: Node's and some browsers' URL give
 * "null" as the origin of non-special schemes such as chrome-extension:.
 */
function schemeAndHost(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

function refuse(reason: RefusalReason): { ok: false; reason: RefusalReason } {
  return { ok: false, reason };
}
