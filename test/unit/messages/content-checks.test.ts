import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';

import {
  isOverlayToggle,
  readFrameMessage,
  readWatchConfigReply,
} from '../../../lib/messages/content-checks';
import { FrameMessageSchema, OverlayToggleMessageSchema } from '../../../lib/messages/overlay-frame';
import { WatchConfigReplySchema } from '../../../lib/messages/watch-config';

/*
 * The content script checks its messages without zod (lib/messages/content-checks.ts);
 * the zod schemas stay the contract. Each check must accept exactly what its schema
 * accepts and give back the same value: generated messages, valid ones and ones broken
 * in one place (a field dropped, added, or given a value at or past a limit), go through
 * both.
 */

/** Values at and past every limit the schemas set, and of every other type a message could carry. */
const EDGES: readonly unknown[] = [
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  64,
  65,
  1000,
  1000.5,
  86_400,
  86_401,
  100_000,
  100_001,
  -100_000,
  -100_001,
  1e-9,
  Number.MAX_SAFE_INTEGER + 1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  '',
  'x',
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(2000),
  'x'.repeat(2001),
  '.',
  ',',
  ';',
  '30',
  true,
  false,
  null,
  undefined,
  [],
  {},
  'start',
  'move',
  'end',
  'layout',
  'drag',
  'placed',
  'overlay-toggle',
  'tranche-overlay',
];

type Json = Record<string, unknown>;

/** Every place in a message a value sits, as a path of keys. */
function pathsOf(value: unknown, prefix: readonly string[] = []): string[][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    [...prefix, key],
    ...pathsOf(inner, [...prefix, key]),
  ]);
}

type Break =
  { kind: 'keep' } | { kind: 'drop' } | { kind: 'add'; value: unknown } | { kind: 'set'; value: unknown };

/** A copy of `message` with one break applied at the `pick`-th place (or at its top for an added field). */
function broken(message: Json, pick: number, change: Break): unknown {
  const copy = structuredClone(message);
  const paths = pathsOf(copy);
  const path = paths[pick % Math.max(paths.length, 1)] ?? [];
  const parent = path.slice(0, -1).reduce<Json>((node, key) => node[key] as Json, copy);
  const key = path.at(-1);
  if (change.kind === 'drop' && key !== undefined) delete parent[key];
  if (change.kind === 'set' && key !== undefined) parent[key] = change.value;
  if (change.kind === 'add') parent['extra'] = change.value;
  return copy;
}

const edgeOrAny = fc.oneof(fc.constantFrom(...EDGES), fc.jsonValue());
const breakArbitrary: fc.Arbitrary<Break> = fc.oneof(
  fc.constant<Break>({ kind: 'keep' }),
  fc.constant<Break>({ kind: 'drop' }),
  edgeOrAny.map((value): Break => ({ kind: 'add', value })),
  edgeOrAny.map((value): Break => ({ kind: 'set', value })),
  edgeOrAny.map((value): Break => ({ kind: 'set', value })),
);

/** Messages shaped like `valid`, each broken in at most one place. */
function nearly(valid: fc.Arbitrary<Json>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), breakArbitrary)
    .map(([message, pick, change]) => broken(message, pick, change));
}

const watchConfigReply = fc.record({
  ok: fc.constant(true),
  config: fc.record({
    staleAfterSeconds: fc.integer({ min: 1, max: 86_400 }),
    jumpHoldPercent: fc.double({ min: Number.MIN_VALUE, max: 1000, noNaN: true }),
    picked: fc.option(
      fc.record({
        selector: fc.string({ minLength: 1, maxLength: 2000 }),
        symbol: fc.option(fc.string({ minLength: 1, maxLength: 64 }), { nil: null }),
        decimalMark: fc.option(fc.constantFrom('.', ','), { nil: null }),
      }),
      { nil: null },
    ),
  }),
});
const refusal = fc.record({ ok: fc.constant(false), error: fc.string({ maxLength: 500 }) });

const position = fc.record({
  left: fc.integer({ min: 0, max: 100_000 }),
  top: fc.integer({ min: 0, max: 100_000 }),
});
const layout = fc.record({
  channel: fc.constant('tranche-overlay'),
  type: fc.constant('layout'),
  isWanted: fc.boolean(),
  isCollapsed: fc.boolean(),
  width: fc.integer({ min: 0, max: 100_000 }),
  height: fc.integer({ min: 0, max: 100_000 }),
  position: fc.option(position, { nil: null }),
});
const drag = fc.record({
  channel: fc.constant('tranche-overlay'),
  type: fc.constant('drag'),
  phase: fc.constantFrom('start', 'move', 'end'),
  screenX: fc.integer({ min: -100_000, max: 100_000 }),
  screenY: fc.integer({ min: -100_000, max: 100_000 }),
});

const RUNS = { numRuns: 3000 };

describe('the content script’s checks accept exactly what the message schemas accept', () => {
  it('reads a watch-config reply as WatchConfigReplySchema does: the config of an ok reply, else null', () => {
    fc.assert(
      fc.property(fc.oneof(nearly(watchConfigReply), nearly(refusal), edgeOrAny), (raw) => {
        const parsed = z.safeParse(WatchConfigReplySchema, raw);
        const expected = parsed.success && parsed.data.ok ? parsed.data.config : null;
        expect(readWatchConfigReply(raw)).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('reads a frame message as FrameMessageSchema does', () => {
    fc.assert(
      fc.property(fc.oneof(nearly(layout), nearly(drag), edgeOrAny), (raw) => {
        const parsed = z.safeParse(FrameMessageSchema, raw);
        expect(readFrameMessage(raw)).toEqual(parsed.success ? parsed.data : null);
      }),
      RUNS,
    );
  });

  it('knows the shortcut message as OverlayToggleMessageSchema does', () => {
    fc.assert(
      fc.property(fc.oneof(nearly(fc.constant({ type: 'overlay-toggle' })), edgeOrAny), (raw) => {
        expect(isOverlayToggle(raw)).toBe(z.safeParse(OverlayToggleMessageSchema, raw).success);
      }),
      RUNS,
    );
  });

  it('agrees with the schemas at every field of sample messages, for every edge value', () => {
    const samples: [Json, (raw: unknown) => unknown, (raw: unknown) => unknown][] = [
      [
        { ok: true, config: { staleAfterSeconds: 30, jumpHoldPercent: 20, picked: null } },
        readWatchConfigReply,
        (raw) => {
          const parsed = z.safeParse(WatchConfigReplySchema, raw);
          return parsed.success && parsed.data.ok ? parsed.data.config : null;
        },
      ],
      [
        {
          ok: true,
          config: {
            staleAfterSeconds: 86_400,
            jumpHoldPercent: 1000,
            picked: { selector: '#last', symbol: 'BTCUSDT', decimalMark: ',' },
          },
        },
        readWatchConfigReply,
        (raw) => {
          const parsed = z.safeParse(WatchConfigReplySchema, raw);
          return parsed.success && parsed.data.ok ? parsed.data.config : null;
        },
      ],
      [{ ...sampleLayout(), position: { left: 0, top: 100_000 } }, readFrameMessage, frameBySchema],
      [sampleLayout(), readFrameMessage, frameBySchema],
      [
        { channel: 'tranche-overlay', type: 'drag', phase: 'end', screenX: -100_000, screenY: 100_000 },
        readFrameMessage,
        frameBySchema,
      ],
    ];
    let compared = 0;
    for (const [sample, check, bySchema] of samples) {
      pathsOf(sample).forEach((_path, pick) => {
        for (const value of EDGES) {
          for (const change of [{ kind: 'set', value }, { kind: 'drop' }] as const) {
            const raw = broken(sample, pick, change);
            expect(check(raw), JSON.stringify(raw)).toEqual(bySchema(raw));
            compared += 1;
          }
        }
      });
    }
    expect(compared, 'every field of every sample was tried').toBeGreaterThan(1000);
  });

  it.each([
    ['a layout whose width is not whole', { ...sampleLayout(), width: 300.5 }],
    ['a layout with a position past the page', { ...sampleLayout(), position: { left: 100_001, top: 0 } }],
    [
      'a drag in an unknown phase',
      { channel: 'tranche-overlay', type: 'drag', phase: 'hover', screenX: 1, screenY: 1 },
    ],
    ['a message on another channel', { ...sampleLayout(), channel: 'other' }],
    ['a layout with an extra field', { ...sampleLayout(), script: 'alert(1)' }],
  ])('refuses %s', (_why, raw) => {
    expect(z.safeParse(FrameMessageSchema, raw).success, 'the schema refuses it too').toBe(false);
    expect(readFrameMessage(raw)).toBeNull();
  });
});

function frameBySchema(raw: unknown): unknown {
  const parsed = z.safeParse(FrameMessageSchema, raw);
  return parsed.success ? parsed.data : null;
}

function sampleLayout(): Json {
  return {
    channel: 'tranche-overlay',
    type: 'layout',
    isWanted: true,
    isCollapsed: false,
    width: 300,
    height: 160,
    position: null,
  };
}
