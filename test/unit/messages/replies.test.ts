import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';

import { CANONICAL_DECIMAL_PATTERN } from '../../../lib/messages/fields';
import { REPLY_SCHEMAS } from '../../../lib/messages/replies';
import { WatchConfigReplySchema } from '../../../lib/messages/watch-config';

describe('CANONICAL_DECIMAL_PATTERN', () => {
  // The forms lib/decimal's toCanonical prints, and forms it never prints.
  it.each([
    ['0', true],
    ['97123.45', true],
    ['0.00001234', true],
    ['-0.5', true],
    ['100', true],
    ['-0', false],
    ['97123.40', false],
    ['097', false],
    ['1e-8', false],
    ['+1', false],
    ['97,123.45', false],
    ['.5', false],
    ['5.', false],
    ['', false],
  ])('%j is canonical: %s', (text, expected) => {
    expect(CANONICAL_DECIMAL_PATTERN.test(text)).toBe(expected);
  });
});

describe('reply schemas', () => {
  it('accept an error reply for every request type', () => {
    for (const [type, schema] of Object.entries(REPLY_SCHEMAS)) {
      expect(z.safeParse(schema, { ok: false, error: 'refused' }).success, type).toBe(true);
    }
  });

  it('refuse a reply that is neither ok nor an error', () => {
    for (const [type, schema] of Object.entries(REPLY_SCHEMAS)) {
      expect(z.safeParse(schema, { ok: 'yes' }).success, type).toBe(false);
      expect(z.safeParse(schema, undefined).success, `${type}: no reply at all`).toBe(false);
    }
  });

  it('check the shape of a successful reply', () => {
    expect(
      z.safeParse(REPLY_SCHEMAS['picker-start'], { ok: true, origin: 'http://127.0.0.1:8123' }).success,
    ).toBe(true);
    expect(z.safeParse(REPLY_SCHEMAS['picker-start'], { ok: true }).success, 'origin missing').toBe(false);
    expect(
      z.safeParse(REPLY_SCHEMAS['picked-sites-list'], {
        ok: true,
        sites: [
          { origin: 'http://127.0.0.1:8123', selector: '#p', symbol: null, decimalMark: null, pickedAt: 1 },
        ],
      }).success,
    ).toBe(true);
  });

  it('validate the watch configuration a content script receives', () => {
    const config = { staleAfterSeconds: 30, jumpHoldPercent: 20, picked: null };
    expect(z.safeParse(WatchConfigReplySchema, { ok: true, config }).success).toBe(true);
    expect(
      z.safeParse(WatchConfigReplySchema, { ok: true, config: { ...config, staleAfterSeconds: 0 } }).success,
      'a zero stale period would report every price stale',
    ).toBe(false);
  });
});
