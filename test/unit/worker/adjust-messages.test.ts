import { describe, expect, it } from 'vitest';

import { replayEvents } from '../../../lib/engine/replay';
import type { AdjustOutcomeView } from '../../../lib/messages/adjust';
import { toStoredEngineState } from '../../../lib/store/engine-state';
import { EventLogSchema } from '../../../lib/store/event-log';
import type { JournalEntry } from '../../../lib/store/journal';
import { journalToCsv } from '../../../lib/worker/journal-csv';
import type { PlanView } from '../../../lib/worker/view';
import {
  BTC_PLAN,
  binanceTab,
  importAndArm,
  local,
  popup,
  tickAt,
  useBackground,
} from './background-harness';

/*
 * Adjusting a live trade through the background's messages, as the popup, the on-page
 * panel and the planner send them: the preview writes nothing, the apply is journaled
 * with the plan's version before and after, the guard refuses or asks for a reason, a
 * confirmed fill is corrected by replaying the plan's events, the account heat is set.
 *
 * The trade (./background-harness.ts BTC_PLAN): long BTCUSDT, entry 60,000, stop 59,400,
 * R = 600, entry qty 100 / 600 = 0.166 (lot 0.001), one add at 60,300, the target at 2R
 * = 61,200. The entry is confirmed at 60,000 and the market is at 60,200.
 */

const harness = useBackground();

type Reply = { ok: true; outcome: AdjustOutcomeView } | { ok: false; error: string };

let requests = 0;
const requestId = () => `request-${String((requests += 1)).padStart(4, '0')}`;

async function activeTrade(): Promise<string> {
  const id = await importAndArm(harness.worker);
  await harness.worker.handleMessage(tickAt(harness, '60000'), binanceTab);
  const filled = await harness.worker.handleMessage(
    { type: 'plan-fill', id, tranche: 'entry', requestId: 'fill-entry-0001' },
    popup,
  );
  expect(filled).toEqual({ ok: true });
  await harness.worker.handleMessage(tickAt(harness, '60200'), binanceTab);
  return id;
}

async function adjust(
  id: string,
  mode: 'preview' | 'apply',
  adjustment: Record<string, string | number | boolean>,
  request = requestId(),
): Promise<Reply> {
  return (await harness.worker.handleMessage(
    { type: 'plan-adjust', id, mode, adjustment, requestId: request },
    popup,
  )) as Reply;
}

function outcomeOf(reply: Reply): AdjustOutcomeView {
  if (!reply.ok) throw new Error(`the adjustment was answered with an error: ${reply.error}`);
  return reply.outcome;
}

async function journal(id: string): Promise<JournalEntry[]> {
  return ((await local())[`journal/${id}`] ?? []) as JournalEntry[];
}

async function view(id: string): Promise<PlanView> {
  const reply = (await harness.worker.handleMessage({ type: 'plans-view' }, popup)) as {
    plans: PlanView[];
  };
  const found = reply.plans.find((plan) => plan.id === id);
  if (found === undefined) throw new Error('the plan is in the view');
  return found;
}

describe('the preview of an adjustment', () => {
  it('shows the position, every lot’s stop and the open risk after it, and writes nothing', async () => {
    const id = await activeTrade();
    const stored = await local();
    const outcome = outcomeOf(await adjust(id, 'preview', { action: 'stop', price: '59700' }));
    expect(outcome.status).toBe('allowed');
    expect(outcome.before).toMatchObject({
      position: '0.166',
      averageEntry: '60000',
      lots: [{ lot: 1, qty: '0.166', fill: '60000', stop: '59400' }],
      openRisk: '99.6', // 0.166 × (60,000 − 59,400)
      openRiskPercent: '1.00', // 99.6 / 10,000 × 100
      openRiskR: '1.00',
    });
    expect(outcome.after).toMatchObject({
      position: '0.166',
      lots: [{ lot: 1, qty: '0.166', fill: '60000', stop: '59700' }],
      openRisk: '49.8', // 0.166 × (60,000 − 59,700)
      openRiskPercent: '0.50', // 49.8 / 10,000 × 100 = 0.498
      openRiskR: '0.50', // 49.8 / 99.6
    });
    expect(outcome.changes.join('\n')).toContain('59,700');
    expect(await local()).toEqual(stored);
  });

  it('shows the fill an exit now makes, at the last price', async () => {
    const id = await activeTrade();
    const outcome = outcomeOf(await adjust(id, 'preview', { action: 'exitNow', share: '0.5' }));
    // Half of 0.166 = 0.083, sold at 60,200: 0.083 × 200 = 16.6 realized.
    expect(outcome.fill).toEqual({ side: 'sell', price: '60200', qty: '0.083' });
    expect(outcome.after).toMatchObject({ position: '0.083', realizedPnl: '16.6' });
  });
});

describe('applying an adjustment', () => {
  it('moves the stop once per request id and journals the plan’s version before and after', async () => {
    const id = await activeTrade();
    const request = requestId();
    const first = outcomeOf(await adjust(id, 'apply', { action: 'stop', price: '59700' }, request));
    const again = outcomeOf(await adjust(id, 'apply', { action: 'stop', price: '59700' }, request));
    expect([first.status, again.status]).toEqual(['applied', 'applied']);
    const adjusted = (await journal(id)).filter((entry) => entry.event === 'adjust');
    expect(adjusted).toHaveLength(1);
    expect(adjusted[0]?.revision).toEqual({ from: 0, to: 1 });
    expect(adjusted[0]?.input).toMatchObject({ action: 'stop', price: '59700' });
    expect((await view(id)).lots).toEqual([{ lot: 1, qty: '0.166', fill: '60000', stop: '59700' }]);
    expect((await view(id)).revision).toBe(1);
  });

  it('asks for a reason to widen a stop, journals the refusal, then applies it with the reason', async () => {
    const id = await activeTrade();
    await adjust(id, 'apply', { action: 'stop', price: '59700' });
    const refused = outcomeOf(await adjust(id, 'apply', { action: 'stop', price: '59500' }));
    expect(refused.status).toBe('needs-reason');
    expect(refused.refusal).toContain('against the trade');
    // What the reason would give: 0.166 × (60,000 − 59,500) = 83.
    expect(refused.after.openRisk).toBe('83');
    expect((await view(id)).lots[0]?.stop).toBe('59700');

    const reason = 'the 59,600 support is a stop hunt zone';
    const overridden = outcomeOf(
      await adjust(id, 'apply', { action: 'stop', price: '59500', override: reason }),
    );
    expect(overridden.status).toBe('applied');
    expect(overridden.overrides).toContain(reason);
    expect((await view(id)).lots[0]?.stop).toBe('59500');

    const entries = (await journal(id)).filter((entry) => entry.event === 'adjust');
    expect(entries.map((entry) => entry.revision)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 1 }, // refused: the plan did not change
      { from: 1, to: 2 },
    ]);
    expect(entries[1]?.effects.some((effect) => effect['type'] === 'refused')).toBe(true);
    expect(entries[2]?.input['override']).toBe(reason);
    const csv = journalToCsv(await journal(id));
    expect(csv).toContain('v2 → v3');
    expect(csv).toContain(reason);
  });

  it('refuses a stop at or past the last price whatever the reason', async () => {
    const id = await activeTrade();
    const outcome = outcomeOf(
      await adjust(id, 'apply', { action: 'stop', price: '60300', override: 'I know better' }),
    );
    expect(outcome.status).toBe('refused');
    expect(outcome.refusal).not.toBeNull();
    expect((await view(id)).lots[0]?.stop).toBe('59400');
  });

  it('answers a malformed adjustment with the field at fault, and writes nothing', async () => {
    const id = await activeTrade();
    const stored = await local();
    const reply = await adjust(id, 'apply', { action: 'stop', price: 'sixty thousand' });
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error).toMatch(/adjustment.*price/);
    expect(await local()).toEqual(stored);
  });
});

describe('the plan’s event log', () => {
  it('replays to the stored state, value for value, after ticks, a fill, adjustments and a refusal', async () => {
    const id = await activeTrade();
    await adjust(id, 'apply', { action: 'stop', price: '59700' });
    await adjust(id, 'apply', { action: 'stop', price: '59500' }); // refused: no reason
    await adjust(id, 'apply', { action: 'target', price: '60800', share: '0.25' });
    await adjust(id, 'apply', { action: 'exitNow', share: '0.5' });
    await harness.worker.handleMessage(tickAt(harness, '60250'), binanceTab);
    const stored = await local();
    const log = EventLogSchema.parse(stored[`events/${id}`]);
    const replayed = replayEvents(
      log.base,
      log.events.map((logged) => logged.event),
    ).state;
    const engine = (stored[`plan/${id}`] as { engine: unknown }).engine;
    expect(toStoredEngineState(replayed)).toEqual(engine);
  });
});

describe('correcting a confirmed fill', () => {
  it('recomputes the trade from its events at the corrected price and journals the correction', async () => {
    const id = await activeTrade();
    await adjust(id, 'apply', { action: 'exitNow', share: '0.5' });
    const corrected = await harness.worker.handleMessage(
      { type: 'plan-correct', id, fill: 'fill-entry-0001', price: '59990', requestId: requestId() },
      popup,
    );
    expect(corrected).toEqual({ ok: true });
    const after = await view(id);
    expect(after.averageEntry).toBe('59990');
    // The half sold at 60,200 now made 0.083 × (60,200 − 59,990) = 17.43.
    expect(after.realizedPnl).toBe('17.43');
    expect(after.confirmedFills[0]).toMatchObject({ fill: 'fill-entry-0001', price: '59990', qty: '0.166' });
    const correction = (await journal(id)).find((entry) => entry.event === 'correct');
    expect(correction?.input).toMatchObject({ price: '60000', correctedPrice: '59990', qty: '0.166' });
  });
  it('lists every confirmed fill as the recomputed trade holds it, a later one recomputed too', async () => {
    // No add; the target at 2R = 61,200 sells half the peak position.
    const id = await importAndArm(harness.worker, {
      ...BTC_PLAN,
      scaleIn: [],
      scaleOut: [{ at: { r: '2' }, share: '0.5' }],
    });
    await harness.worker.handleMessage(tickAt(harness, '60000'), binanceTab);
    await harness.worker.handleMessage(
      { type: 'plan-fill', id, tranche: 'entry', requestId: 'fill-entry-0001' },
      popup,
    );
    await harness.worker.handleMessage(tickAt(harness, '61200'), binanceTab);
    // Confirmed as suggested: half of 0.166 = 0.083.
    await harness.worker.handleMessage(
      { type: 'plan-fill', id, tranche: 'target-1', requestId: 'fill-target-0001' },
      popup,
    );
    const corrected = await harness.worker.handleMessage(
      {
        type: 'plan-correct',
        id,
        fill: 'fill-entry-0001',
        price: '60000',
        qty: '0.2',
        requestId: requestId(),
      },
      popup,
    );
    expect(corrected).toEqual({ ok: true });
    const after = await view(id);
    // The target recomputed from the corrected entry: half of 0.2 = 0.1; 0.2 − 0.1 = 0.1 held.
    expect(after.position).toBe('0.1');
    expect(after.confirmedFills.map(({ fill, price, qty }) => `${fill} ${qty} @ ${price}`)).toEqual([
      'fill-target-0001 0.1 @ 61200',
      'fill-entry-0001 0.2 @ 60000',
    ]);
  });
});

describe('the account heat', () => {
  it('is set as an equity and a cap, and shown against the open risk of every live plan', async () => {
    await activeTrade();
    expect(
      await harness.worker.handleMessage({ type: 'heat-set', equity: '10000', capPercent: '2' }, popup),
    ).toEqual({ ok: true });
    const reply = (await harness.worker.handleMessage({ type: 'plans-view' }, popup)) as { heat: unknown };
    // Cap 2 % of 10,000 = 200; open risk 99.6 is 49.8 % of it.
    expect(reply.heat).toEqual({
      openRisk: '99.6',
      cap: '200',
      capPercent: '2',
      equity: '10000',
      usedPercent: '49.80',
    });
  });

  it('refuses a setting with the equity but no cap', async () => {
    const reply = (await harness.worker.handleMessage(
      { type: 'heat-set', equity: '10000', capPercent: null },
      popup,
    )) as { ok: boolean };
    expect(reply.ok).toBe(false);
  });
});

describe('the account heat on a planned add', () => {
  it.each([
    // No cap: the planned 0.5 × 0.166 = 0.083.
    ['without a cap', null, '0.083'],
    // Cap 1.5 % of 10,000 = 150; the entry holds 99.6; the add risks 60,300 − 59,400 = 900 a
    // unit: (150 − 99.6) / 900 = 0.056 (down to the lot step).
    ['cut to the room under the cap', '1.5', '0.056'],
  ])('is %s', async (_title, capPercent, qty) => {
    const id = await activeTrade();
    if (capPercent !== null) {
      await harness.worker.handleMessage({ type: 'heat-set', equity: '10000', capPercent }, popup);
    }
    await harness.worker.handleMessage(tickAt(harness, '60300'), binanceTab);
    expect((await view(id)).waiting).toMatchObject([{ tranche: 'add-1', qty }]);
  });
});
