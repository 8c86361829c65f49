import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import {
  binanceTab,
  BTC_PLAN,
  ETH_PLAN,
  importAndArm,
  journaledAlerts,
  local,
  plannerList,
  popup,
  tickAt,
  useBackground,
} from './background-harness';

const harness = useBackground();

describe('plan records of another version', () => {
  it('leaves a record written by a newer Tranche as it is, listed in the planner, and runs the others', async () => {
    const newer = await importAndArm(harness.worker);
    const other = await importAndArm(harness.worker, { ...BTC_PLAN, name: 'BTC second' });
    const record = (await local())[`plan/${newer}`] as Record<string, unknown>;
    const fromTheFuture = { ...record, version: 2, newField: 'unknown here' };
    await fakeBrowser.storage.local.set({ [`plan/${newer}`]: fromTheFuture });

    await harness.worker.handleMessage(tickAt(harness, '59880'), binanceTab);
    const list = await plannerList(harness.worker);

    const stored = await local();
    expect(stored[`plan/${newer}`], 'untouched').toEqual(fromTheFuture);
    expect(stored['plans/index'], 'still listed').toEqual([newer, other]);
    expect(list.plans.map((plan) => plan.id)).toEqual([other]);
    expect(list.quarantined).toEqual([
      {
        key: `plan/${newer}`,
        label: 'Plan “BTC breakout” · BTCUSDT long',
        problem: 'written by a newer Tranche (record version 2): left as it is until Tranche is updated',
        effect: 'Not running here: a newer Tranche wrote it, so it is left as it is.',
        raw: JSON.stringify(fromTheFuture),
        at: 0,
      },
    ]);
    expect(
      Object.keys(stored).filter((key) => key.startsWith('quarantine/')),
      'not quarantined',
    ).toEqual([]);
    expect(await journaledAlerts(other), 'the other plan ran').toEqual(['approach entry']);
  });

  it('sets aside a record of version 0 (no Tranche wrote one), listed with the reason', async () => {
    const id = await importAndArm(harness.worker);
    const record = (await local())[`plan/${id}`] as Record<string, unknown>;
    await fakeBrowser.storage.local.set({ [`plan/${id}`]: { ...record, version: 0 } });

    const list = await plannerList(harness.worker);

    expect(list.plans).toEqual([]);
    expect(list.quarantined.map((entry) => [entry.key, entry.problem])).toEqual([
      [`plan/${id}`, 'record version 0 is not one this Tranche reads (it reads version 1)'],
    ]);
  });
});

describe('the trash (undo of deletions)', () => {
  it('keeps the readable deleted plans when one trash entry is corrupt, and sets the corrupt one aside', async () => {
    const first = await importAndArm(harness.worker);
    const second = await importAndArm(harness.worker, ETH_PLAN);
    await harness.worker.handleMessage({ type: 'plan-action', id: first, action: 'delete' }, popup);
    const trash = (await local())['plans/trash'] as unknown[];
    const corrupt = { record: { id: 'lost' }, deletedAt: 'yesterday' };
    await fakeBrowser.storage.local.set({ 'plans/trash': [corrupt, ...trash] });

    await harness.worker.handleMessage({ type: 'plan-action', id: second, action: 'delete' }, popup);

    expect(
      await harness.worker.handleMessage({ type: 'plan-action', id: first, action: 'restore' }, popup),
    ).toEqual({
      ok: true,
    });
    expect(
      await harness.worker.handleMessage({ type: 'plan-action', id: second, action: 'restore' }, popup),
    ).toEqual({
      ok: true,
    });
    const list = await plannerList(harness.worker);
    expect(list.plans.map((plan) => plan.id)).toEqual([first, second]);
    expect(list.quarantined.map((entry) => [entry.key, JSON.parse(entry.raw)])).toEqual([
      ['plans/trash', [corrupt]],
    ]);
  });
});
