import { describe, expect, it } from 'vitest';

import { firstStaleAt } from '../../../lib/worker/plans-view';

describe('firstStaleAt: when a shown price turns stale by time alone', () => {
  it.each([
    { why: 'no price shown: nothing turns stale', quotes: [], expected: null },
    {
      why: 'a price that arrived at 5,000 with a 30 s setting is stale from 35,001 (more than 30 s old)',
      quotes: [{ receivedAt: 5_000, isStale: false }],
      expected: 5_000 + 30 * 1000 + 1,
    },
    {
      why: 'the oldest fresh price turns stale first',
      quotes: [
        { receivedAt: 9_000, isStale: false },
        { receivedAt: 2_000, isStale: false },
      ],
      expected: 2_000 + 30 * 1000 + 1,
    },
    {
      why: 'a price already stale has no moment left',
      quotes: [
        { receivedAt: 1_000, isStale: true },
        { receivedAt: 4_000, isStale: false },
      ],
      expected: 4_000 + 30 * 1000 + 1,
    },
  ])('$why', ({ quotes, expected }) => {
    expect(firstStaleAt(quotes, 30)).toBe(expected);
  });
});
