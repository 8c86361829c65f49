import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';

import { acceptMessage, type AcceptContext } from '../../../lib/messages/accept';
import { POSITIVE_DECIMAL_PATTERN } from '../../../lib/messages/fields';
import {
  FrameMessageSchema,
  OverlayPlacedMessageSchema,
  OverlayToggleMessageSchema,
} from '../../../lib/messages/overlay-frame';
import { checkPageClaim } from '../../../lib/messages/page-claim';
import { REPLY_SCHEMAS } from '../../../lib/messages/replies';
import { RequestSchema, type RequestOf, type RequestType } from '../../../lib/messages/requests';
import { SENDER_ROLES } from '../../../lib/messages/roles';
import { originMatchesPattern, pageUrlOf, type SenderFields } from '../../../lib/messages/sender';
import { WatchConfigReplySchema } from '../../../lib/messages/watch-config';
import { FUZZ_TIMEOUT_MILLIS, fuzzSuite } from './fuzz-runs';

const fuzz = fuzzSuite('messages');

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}`;
const PICKED = 'http://127.0.0.1:8123';
const CONTEXT: AcceptContext = {
  extensionId: EXTENSION_ID,
  extensionOrigin: `${EXTENSION_ORIGIN}/`,
  contentOrigins: ['*://*.binance.com/*', '*://*.tradingview.com/*', '*://*.kraken.com/*', `${PICKED}/*`],
  pendingPick: { tabId: 7, origin: PICKED },
  picked: { [PICKED]: { symbol: 'ACMEUSD' } },
};

/** One well-formed message of every request type: the fuzz damages each. */
const VALID = {
  tick: {
    type: 'tick',
    venue: 'binance-futures',
    symbol: 'BTCUSDT',
    price: '97123.45',
    time: 1_764_149_400_000,
    source: 'binance-futures',
  },
  stale: { type: 'stale', venue: 'binance-futures', symbol: 'BTCUSDT', since: 1_764_149_400_000 },
  diverged: {
    type: 'diverged',
    venue: 'binance-futures',
    symbol: 'BTCUSDT',
    first: { place: 'title', price: '61293.4' },
    second: { place: 'order book', price: '61020' },
    since: 1_764_149_400_000,
    time: 1_764_149_401_500,
  },
  'watch-config': { type: 'watch-config' },
  'picker-result': {
    type: 'picker-result',
    selector: '#last',
    price: '1.5',
    symbol: 'ACMEUSD',
    decimalMark: null,
  },
  'picker-cancel': { type: 'picker-cancel' },
  'picker-start': { type: 'picker-start', tabId: 7 },
  'picked-sites-list': { type: 'picked-sites-list' },
  'picked-site-remove': { type: 'picked-site-remove', origin: PICKED },
  'plans-view': { type: 'plans-view', page: { venue: 'binance-futures', symbol: 'BTCUSDT' }, isAll: true },
  'plan-import': { type: 'plan-import', plan: { format: 'tranche.plan/1' } },
  'plan-action': { type: 'plan-action', id: 'p1', action: 'arm' },
  'plan-export': { type: 'plan-export', id: 'p1' },
  'plan-fill': {
    type: 'plan-fill',
    id: 'p1',
    tranche: 'entry',
    price: '60000',
    qty: '0.1',
    requestId: 'request-0001',
  },
  'plan-skip': { type: 'plan-skip', id: 'p1', tranche: 'add-1', requestId: 'request-0002' },
  'quiet-set': { type: 'quiet-set', isQuiet: true },
  'overlay-settings-get': { type: 'overlay-settings-get', host: 'www.binance.com' },
  'overlay-settings-set': {
    type: 'overlay-settings-set',
    host: 'www.binance.com',
    position: { left: 4, top: 8 },
  },
  'plan-adjust': {
    type: 'plan-adjust',
    id: 'p1',
    mode: 'preview',
    adjustment: { action: 'stop', price: '59500', override: 'support broke' },
    requestId: 'request-0003',
  },
  'plan-correct': {
    type: 'plan-correct',
    id: 'p1',
    fill: 'request-0001',
    price: '60010',
    requestId: 'request-0004',
  },
  'heat-set': { type: 'heat-set', equity: '10000', capPercent: '6' },
  'planner-draft-get': { type: 'planner-draft-get' },
  'planner-draft-set': { type: 'planner-draft-set', text: '{"format":"tranche.plan/1"}' },
  'account-defaults-get': { type: 'account-defaults-get' },
  'account-defaults-set': { type: 'account-defaults-set', equity: '10000', riskPercent: '1' },
  'templates-list': { type: 'templates-list' },
  'template-save': { type: 'template-save', label: 'My pyramid', plan: { format: 'tranche.plan/1' } },
  'template-delete': { type: 'template-delete', id: 'template-0001' },
  'tick-history-spans': { type: 'tick-history-spans' },
  'tick-history-read': {
    type: 'tick-history-read',
    symbol: 'BTCUSDT',
    fromMillis: 1_764_149_400_000,
    toMillis: 1_764_153_000_000,
  },
  'page-quote': { type: 'page-quote', page: { tabId: 7, origin: 'https://www.binance.com' } },
} as const satisfies { readonly [T in RequestType]: RequestOf<T> };

const hostileValueArb = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.constantFrom('0', '-1', '1e3', '97,123.45', 'NaN', '', 'x'.repeat(3000), '__proto__', 'constructor'),
  fc.constantFrom(Number.NaN, Infinity, -1, 2 ** 53, 0.5),
);

/** A valid message with one field changed, one added (own `__proto__` too), or removed. */
const damagedArb = fc
  .tuple(fc.constantFrom(...Object.values(VALID)), fc.string({ maxLength: 12 }), hostileValueArb, fc.nat(3))
  .map(([message, key, value, how]) => {
    const fields = Object.keys(message);
    const field = fields[key.length % fields.length] ?? 'type';
    if (how === 0) return { ...message, [field]: value };
    if (how === 1)
      return { ...message, ...(JSON.parse(`{${JSON.stringify(key)}:1,"__proto__":{"x":1}}`) as object) };
    if (how === 2) return Object.fromEntries(Object.entries(message).filter(([name]) => name !== field));
    return message;
  });

const pageUrlArb = fc.oneof(
  fc.constantFrom(
    'https://www.binance.com/en/futures/BTCUSDT',
    'https://www.binance.com/en/price/bitcoin',
    'https://pro.kraken.com/app/trade/btc-usd',
    'https://www.tradingview.com/chart/aBcD1234/?symbol=BINANCE%3ABTCUSDT',
    `${PICKED}/quote`,
    `${EXTENSION_ORIGIN}/popup.html`,
    'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/popup.html',
    'about:blank',
    'not a url',
  ),
  fc.webUrl(),
);

const senderArb: fc.Arbitrary<SenderFields> = fc.record(
  {
    id: fc.constantFrom(EXTENSION_ID, 'z'.repeat(32), undefined),
    url: fc.option(pageUrlArb, { nil: undefined }),
    origin: fc.option(
      fc.oneof(
        pageUrlArb.map((url) => url.split('/').slice(0, 3).join('/')),
        fc.constant('null'),
      ),
      {
        nil: undefined,
      },
    ),
    tab: fc.option(
      fc.record({
        id: fc.option(fc.nat(20), { nil: undefined }),
        url: fc.option(pageUrlArb, { nil: undefined }),
      }),
      {
        nil: undefined,
      },
    ),
    frameId: fc.option(fc.nat(4), { nil: undefined }),
  },
  { requiredKeys: [] },
);

/** The sender each role's messages come from when nothing is forged. */
const RIGHT_SENDER: Record<(typeof SENDER_ROLES)[RequestType], SenderFields> = {
  content: {
    id: EXTENSION_ID,
    url: 'https://www.binance.com/en/futures/BTCUSDT',
    origin: 'https://www.binance.com',
    tab: { id: 5, url: 'https://www.binance.com/en/futures/BTCUSDT' },
    frameId: 0,
  },
  picker: { id: EXTENSION_ID, url: `${PICKED}/quote`, origin: PICKED, tab: { id: 7 }, frameId: 0 },
  'extension-page': { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}/popup.html`, origin: EXTENSION_ORIGIN },
};

/** A message (maybe damaged) with the sender its type expects, or with any sender at all. */
const caseArb = fc.oneof(
  fc
    .tuple(fc.constantFrom(...(Object.keys(VALID) as RequestType[])), fc.boolean(), damagedArb)
    .map(([type, isIntact, damaged]) => ({
      raw: isIntact ? VALID[type] : { ...damaged, type },
      sender: RIGHT_SENDER[SENDER_ROLES[type]],
    })),
  fc.record({ raw: fc.oneof(damagedArb, fc.anything()), sender: senderArb }),
);

describe('fuzz: every message schema and the sender check', () => {
  it(
    'acts only on a well-formed message from a sender its type allows, and never throws',
    () => {
      const acted = new Set<string>();
      fuzz(
        fc.property(caseArb, ({ raw, sender }) => {
          const accepted = acceptMessage(raw, sender, CONTEXT);
          if (!accepted.ok) return typeof accepted.reason === 'string';
          const { request } = accepted;
          acted.add(request.type);
          if (!z.safeParse(RequestSchema, request).success) return false;
          const role = SENDER_ROLES[request.type];
          if (sender.id !== EXTENSION_ID) return false;
          if (role === 'extension-page') return accepted.sender.role === 'extension-page';
          if (accepted.sender.role === 'extension-page') return false;
          const origin = accepted.sender.origin;
          if (!CONTEXT.contentOrigins.some((pattern) => originMatchesPattern(origin, pattern))) return false;
          if (request.type === 'diverged') {
            return checkPageClaim(request, pageUrlOf(sender), CONTEXT.picked[origin] ?? null).ok;
          }
          if (request.type !== 'tick') return true;
          return (
            POSITIVE_DECIMAL_PATTERN.test(request.price) &&
            checkPageClaim(request, pageUrlOf(sender), CONTEXT.picked[origin] ?? null).ok
          );
        }),
      );
      expect(
        acted.size,
        'the fuzz reached accepted messages of most types, not only refusals',
      ).toBeGreaterThan(Object.keys(VALID).length / 2);
    },
    FUZZ_TIMEOUT_MILLIS,
  );

  it(
    'every reply and frame schema reads anything without throwing, and what it accepts reads again the same',
    () => {
      const schemas: z.ZodMiniType[] = [
        ...Object.values(REPLY_SCHEMAS),
        WatchConfigReplySchema,
        FrameMessageSchema,
        OverlayPlacedMessageSchema,
        OverlayToggleMessageSchema,
      ];
      fuzz(
        fc.property(fc.constantFrom(...schemas), fc.oneof(fc.anything(), damagedArb), (schema, raw) => {
          const parsed = z.safeParse(schema, raw);
          return !parsed.success || z.safeParse(schema, parsed.data).success;
        }),
      );
    },
    FUZZ_TIMEOUT_MILLIS,
  );
});
