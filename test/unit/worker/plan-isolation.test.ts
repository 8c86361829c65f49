import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import {
  alertId,
  binanceTab,
  BTC_PLAN,
  importAndArm,
  journaledAlerts,
  journalEvents,
  local,
  plannerList,
  popup,
  shownIds,
  tickAt,
  useBackground,
} from './background-harness';

const harness = useBackground();

/** A stored record that its schema accepts but the engine cannot step: its entry tranche is gone. */
async function dropEntryTranche(id: string): Promise<unknown> {
  const record = (await local())[`plan/${id}`] as { engine: { tranches: { id: string }[] } };
  const broken = {
    ...record,
    engine: {
      ...record.engine,
      tranches: record.engine.tranches.filter((tranche) => tranche.id !== 'entry'),
    },
  };
  await fakeBrowser.storage.local.set({ [`plan/${id}`]: broken });
  return broken;
}

describe('one plan that cannot be stepped', () => {
  it('is set aside with its error, shown in the planner, and the other plan on its symbol still alerts', async () => {
    const broken = await importAndArm(harness.worker);
    const healthy = await importAndArm(harness.worker, { ...BTC_PLAN, name: 'BTC second' });
    const stored = await dropEntryTranche(broken);

    // 59,880 is within 0.25 % of the entry at 60,000: both plans would alert.
    expect(await harness.worker.handleMessage(tickAt(harness, '59880'), binanceTab)).toEqual({ ok: true });

    expect(await journaledAlerts(healthy), 'the healthy plan alerted').toEqual(['approach entry']);
    expect(await shownIds()).toEqual([alertId(healthy, 0, 'entry')]);
    const list = await plannerList(harness.worker);
    expect(list.plans.map((plan) => plan.id)).toEqual([healthy]);
    expect(
      list.quarantined.map(({ raw, ...entry }) => ({ ...entry, raw: JSON.parse(raw) as unknown })),
    ).toEqual([
      {
        key: `plan/${broken}`,
        label: 'Plan “BTC breakout” · BTCUSDT long',
        problem: 'stopped: stepping it on the price 59880 (binance-futures) failed: unknown tranche "entry"',
        effect: 'This plan is not running. Its journal is kept; export the record to keep its plan file.',
        raw: stored,
        at: harness.now,
      },
    ]);
    expect((await local())['plans/index'], 'no longer run').toEqual([healthy]);
    expect(await journalEvents(broken), 'its journal says why').toEqual(['import', 'arm', 'quarantined']);

    // Later ticks reach the healthy plan and no longer touch the one set aside.
    await harness.worker.handleMessage(tickAt(harness, '60020'), binanceTab);
    expect(await journaledAlerts(healthy)).toEqual(['approach entry', 'trigger entry']);
    expect((await plannerList(harness.worker)).quarantined, 'set aside once').toHaveLength(1);
  });

  it('answers a confirmation for such a plan with the reason and sets it aside', async () => {
    const id = await importAndArm(harness.worker);
    await harness.worker.handleMessage(tickAt(harness, '60020'), binanceTab);
    await dropEntryTranche(id);

    const reply = (await harness.worker.handleMessage(
      { type: 'plan-fill', id, tranche: 'entry', requestId: 'popup-fill-0001' },
      popup,
    )) as { ok: boolean; error?: string };
    expect(reply).toEqual({
      ok: false,
      error: 'the plan could not be run and was set aside (see the planner): unknown tranche "entry"',
    });
    expect((await plannerList(harness.worker)).quarantined.map((entry) => entry.key)).toEqual([`plan/${id}`]);
  });
});
