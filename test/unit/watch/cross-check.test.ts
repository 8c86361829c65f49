import { describe, expect, it } from 'vitest';

import type { SecondPrice } from '../../../lib/sites/types';
import { CrossCheck, DIVERGENCE_MOMENT_MILLIS, type PricePair } from '../../../lib/watch/cross-check';
import { IN_STEP_MILLIS } from '../../../lib/watch/in-step';

const T0 = 1_000_000;

function titleAndOrderBook(title: string, orderBook: string): PricePair {
  return {
    first: { place: 'title', price: title },
    second: { place: 'order book', price: orderBook, followsPointer: false },
  };
}

function titleAndLegend(title: string, legend: string): PricePair {
  const second: SecondPrice = { place: 'chart legend', price: legend, followsPointer: true };
  return { first: { place: 'title', price: title }, second };
}

/** Feeds reads `[millis after T0, pair]` in order; the verdict kinds, one per read. */
function judgeAll(reads: readonly (readonly [number, PricePair | null])[]): string[] {
  const check = new CrossCheck();
  return reads.map(([at, pair]) => check.judge(pair, T0 + at).kind);
}

describe('CrossCheck', () => {
  it('lets a page with one price through: there is nothing to compare', () => {
    expect(judgeAll([[0, null]])).toEqual(['agree']);
  });

  it('lets two prices within the tolerance through', () => {
    expect(judgeAll([[0, titleAndOrderBook('97123.45', '97100')]])).toEqual(['agree']);
  });

  it('holds a disagreement quietly for the moment, with a re-read when it ends', () => {
    const check = new CrossCheck();
    expect(check.judge(titleAndOrderBook('61293.4', '61020'), T0)).toEqual({
      kind: 'hold',
      recheckAt: T0 + DIVERGENCE_MOMENT_MILLIS,
    });
  });

  it('reports a disagreement that outlasts the moment, with both numbers and when it began', () => {
    const check = new CrossCheck();
    check.judge(titleAndOrderBook('61293.4', '61020'), T0);
    check.judge(titleAndOrderBook('61295', '61020'), T0 + 700);
    expect(check.judge(titleAndOrderBook('61296.1', '61020'), T0 + DIVERGENCE_MOMENT_MILLIS)).toEqual({
      kind: 'report',
      since: T0,
      first: { place: 'title', price: '61296.1' },
      second: { place: 'order book', price: '61020' },
    });
  });

  it('tells a lasting divergence once, and again only when its numbers change', () => {
    const check = new CrossCheck();
    const kinds = [
      check.judge(titleAndOrderBook('61293.4', '61020'), T0),
      check.judge(titleAndOrderBook('61293.4', '61020'), T0 + DIVERGENCE_MOMENT_MILLIS),
      check.judge(titleAndOrderBook('61293.4', '61020'), T0 + DIVERGENCE_MOMENT_MILLIS + 500),
      check.judge(titleAndOrderBook('61301', '61020'), T0 + DIVERGENCE_MOMENT_MILLIS + 900),
    ].map((verdict) => verdict.kind);
    expect(kinds).toEqual(['hold', 'report', 'hold', 'report']);
  });

  it.each([
    {
      why: 'a render of lag in a fast market: the order book catches up within the moment',
      reads: [
        [0, titleAndOrderBook('61293.4', '61020')],
        [60, titleAndOrderBook('61293.4', '61290')],
        [DIVERGENCE_MOMENT_MILLIS + 60, titleAndOrderBook('61300', '61300.5')],
      ],
      kinds: ['hold', 'agree', 'agree'],
    },
    {
      why: 'the title loses its price (a background tab): the one price left is read',
      reads: [
        [0, titleAndOrderBook('61293.4', '61020')],
        [500, null],
        [DIVERGENCE_MOMENT_MILLIS, titleAndOrderBook('61293.4', '61020')],
      ],
      kinds: ['hold', 'agree', 'hold'],
    },
    {
      why: 'a divergence ends as soon as the two agree again, and a new one waits its own moment',
      reads: [
        [0, titleAndOrderBook('61293.4', '61020')],
        [DIVERGENCE_MOMENT_MILLIS, titleAndOrderBook('61293.4', '61020')],
        [DIVERGENCE_MOMENT_MILLIS + 100, titleAndOrderBook('61030', '61020')],
        [DIVERGENCE_MOMENT_MILLIS + 200, titleAndOrderBook('61293.4', '61020')],
      ],
      kinds: ['hold', 'report', 'agree', 'hold'],
    },
    {
      why: 'an order book that stays put while the title moves is still a divergence (a frozen place)',
      reads: [
        [0, titleAndOrderBook('61293.4', '61020')],
        [400, titleAndOrderBook('61295', '61020')],
        [800, titleAndOrderBook('61297', '61020')],
        [DIVERGENCE_MOMENT_MILLIS, titleAndOrderBook('61299', '61020')],
      ],
      kinds: ['hold', 'hold', 'hold', 'report'],
    },
  ] as const)('$why', ({ reads, kinds }) => {
    expect(judgeAll(reads)).toEqual(kinds);
  });

  describe('a chart legend, which shows the bar under the mouse while the trader hovers the chart', () => {
    it.each([
      {
        why: 'hovering a past bar: the legend stays put while the title moves, so the title is read',
        reads: [
          [0, titleAndLegend('97123.45', '97123.45')],
          // The mouse rests on a bar of last week: only the legend changes.
          [1000, titleAndLegend('97123.45', '95010')],
          // A trade right after: it could be the legend's own move, rendered late.
          [1100, titleAndLegend('97125', '95010')],
          // The price moves on, and the legend does not follow it.
          [1400, titleAndLegend('97126.5', '95010')],
          [1400 + IN_STEP_MILLIS + 1, titleAndLegend('97128', '95010')],
          [1000 + DIVERGENCE_MOMENT_MILLIS, titleAndLegend('97128', '95010')],
        ],
        kinds: ['agree', 'hold', 'hold', 'hold', 'agree', 'agree'],
      },
      {
        why: 'hovering a past bar on a quiet market: the legend moved alone, the re-read sets it aside',
        reads: [
          [0, titleAndLegend('97123.45', '97123.45')],
          [1000, titleAndLegend('97123.45', '95010')],
          [1000 + IN_STEP_MILLIS + 1, titleAndLegend('97123.45', '95010')],
        ],
        kinds: ['agree', 'hold', 'agree'],
      },
      {
        why: 'sweeping the mouse across bars: the legend moves while the title stays',
        reads: [
          [0, titleAndLegend('97123.45', '97123.45')],
          [100, titleAndLegend('97123.45', '95010')],
          [200, titleAndLegend('97123.45', '94800')],
          [300, titleAndLegend('97123.45', '94650.5')],
          [400, titleAndLegend('97123.45', '95200')],
          [DIVERGENCE_MOMENT_MILLIS + 100, titleAndLegend('97123.45', '95300')],
        ],
        kinds: ['agree', 'hold', 'hold', 'hold', 'agree', 'agree'],
      },
      {
        why: 'a legend that moves with the title (the last bar) but a thousand times apart: a divergence',
        reads: [
          [0, titleAndLegend('97123.45', '97.123')],
          [300, titleAndLegend('97125', '97.125')],
          // The legend renders the next trade a coalescing window after the title.
          [900, titleAndLegend('97126.5', '97.125')],
          [950, titleAndLegend('97126.5', '97.126')],
          [DIVERGENCE_MOMENT_MILLIS, titleAndLegend('97126.5', '97.126')],
        ],
        kinds: ['hold', 'hold', 'hold', 'hold', 'report'],
      },
      {
        why: 'the mouse leaves the chart: the legend shows the last bar again and agrees',
        reads: [
          [0, titleAndLegend('97123.45', '95010')],
          [300, titleAndLegend('97125', '95010')],
          [600, titleAndLegend('97126.5', '95010')],
          [900, titleAndLegend('97126.5', '97126.5')],
          [1000, titleAndLegend('97127', '97127')],
        ],
        kinds: ['hold', 'hold', 'agree', 'agree', 'agree'],
      },
    ] as const)('$why', ({ reads, kinds }) => {
      expect(judgeAll(reads)).toEqual(kinds);
    });

    it('asks for a re-read when a lone move of the legend will have gone unmatched', () => {
      const check = new CrossCheck();
      check.judge(titleAndLegend('97123.45', '97123.45'), T0);
      expect(check.judge(titleAndLegend('97123.45', '95010'), T0 + 1000)).toEqual({
        kind: 'hold',
        recheckAt: T0 + 1000 + IN_STEP_MILLIS + 1,
      });
    });
  });
});
