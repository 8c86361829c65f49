import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { createSender } from '../../../entrypoints/content/background-link';
import type { WatchMessage } from '../../../lib/watch/page-watch';

const tick = (price: string): WatchMessage => ({
  type: 'tick',
  venue: 'binance-futures',
  symbol: 'BTCUSDT',
  price,
  time: 1_000,
  source: 'binance-futures',
});

describe('sending ticks to the background', () => {
  let timers: (() => void)[];
  let sent: unknown[];

  beforeEach(() => {
    fakeBrowser.reset();
    timers = [];
    sent = [];
  });

  function failFirst(count: number) {
    let failures = count;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      sent.push(message);
      if (failures > 0) {
        failures -= 1;
        throw new Error('The message port closed before a response was received.');
      }
      return { ok: true };
    });
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('sends the latest price once more when the worker stopped while handling it', async () => {
    failFirst(1);
    const send = createSender((run) => timers.push(run));
    send(tick('97000'));
    await settle();
    expect(timers, 'one resend is scheduled').toHaveLength(1);
    timers[0]?.();
    await settle();
    expect(sent).toEqual([tick('97000'), tick('97000')]);
  });

  it('does not resend a price that a newer one has superseded', async () => {
    failFirst(1);
    const send = createSender((run) => timers.push(run));
    send(tick('97000'));
    await settle();
    send(tick('97001'));
    timers[0]?.();
    await settle();
    expect(sent).toEqual([tick('97000'), tick('97001')]);
  });

  it('gives up after one resend (an extension reloaded under the page)', async () => {
    failFirst(5);
    const send = createSender((run) => timers.push(run));
    send(tick('97000'));
    await settle();
    timers[0]?.();
    await settle();
    expect(sent).toHaveLength(2);
    expect(timers).toHaveLength(1);
  });
});
