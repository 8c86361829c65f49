import type { CDPSession, Page } from 'playwright-core';

import { Decimal, toCanonical } from '../../lib/decimal';

/**
 * Ticks sent from inside the content script's own world on an exchange page (its isolated
 * execution context, found through the DevTools protocol), so they reach the background
 * exactly as the content script's do, sender checks included, without waiting for the
 * page's DOM and the content script's coalescing. For figures about the background, not the
 * page: the worker's memory after 10,000 ticks, and plans brought to their state quickly.
 */
export interface ContentWorld {
  /**
   * Send each price as a tick (in canonical form, as the content script sends it), one after
   * the other, each after the previous one's answer.
   */
  sendTicks(
    tick: { venue: string; symbol: string },
    prices: readonly string[],
  ): Promise<{ sent: number; millis: number }>;
  detach(): Promise<void>;
}

interface ExecutionContext {
  readonly uniqueId: string;
  readonly origin: string;
  readonly auxData?: { readonly type?: string };
}

export async function contentWorld(page: Page, extensionId: string): Promise<ContentWorld> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as ExecutionContext));
  // Enabling reports every context that exists already.
  await cdp.send('Runtime.enable');
  const origin = `chrome-extension://${extensionId}`;
  const deadline = Date.now() + 10_000;
  let world = contexts.find((context) => context.origin === origin && context.auxData?.type === 'isolated');
  while (world === undefined) {
    if (Date.now() > deadline) throw new Error(`no content script of ${origin} runs on ${page.url()}`);
    await new Promise((done) => setTimeout(done, 50));
    world = contexts.find((context) => context.origin === origin && context.auxData?.type === 'isolated');
  }
  const uniqueContextId = world.uniqueId;
  return {
    sendTicks: async (tick, prices) => {
      const expression = `(async () => {
        const prices = ${JSON.stringify(prices.map((price) => toCanonical(new Decimal(price))))};
        const started = performance.now();
        let time = Date.now();
        for (const price of prices) {
          time = Math.max(Date.now(), time + 1);
          const message = { type: 'tick', venue: ${JSON.stringify(tick.venue)},
            symbol: ${JSON.stringify(tick.symbol)}, price, time, source: 'title' };
          const reply = await chrome.runtime.sendMessage(message);
          if (reply?.ok !== true) throw new Error('tick ' + price + ' refused: ' + JSON.stringify(reply));
        }
        return { sent: prices.length, millis: performance.now() - started };
      })()`;
      const reply = (await cdp.send('Runtime.evaluate', {
        expression,
        uniqueContextId,
        awaitPromise: true,
        returnByValue: true,
      })) as {
        result: { value?: { sent: number; millis: number } };
        exceptionDetails?: { exception?: { description?: string }; text: string };
      };
      if (reply.exceptionDetails) {
        throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
      }
      if (reply.result.value === undefined) throw new Error('the content world returned nothing');
      return reply.result.value;
    },
    detach: () => cdp.detach(),
  };
}
