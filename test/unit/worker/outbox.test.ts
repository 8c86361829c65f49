import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import {
  alertId,
  binanceTab,
  BTC_PLAN,
  importAndArm,
  journaledAlerts,
  local,
  plannerList,
  popup,
  settle,
  shownIds,
  tickAt,
  useBackground,
} from './background-harness';

const harness = useBackground();
const OUTBOX_KEY = 'notifications/outbox';

/** The plan's entry filled at 60,000, then the price falls to its stop at 59,400 while Chrome stops the worker in notifications.create. */
async function owedStopAlert(): Promise<{ id: string; owed: unknown[] }> {
  const id = await importAndArm(harness.worker);
  await harness.worker.handleMessage(tickAt(harness, '60020'), binanceTab);
  const fill = { type: 'plan-fill', id, tranche: 'entry', price: '60000', requestId: 'fill-entry-0001' };
  expect(await harness.worker.handleMessage(fill, popup)).toEqual({ ok: true });
  harness.isCreateHanging = true;
  void harness.worker.handleMessage(tickAt(harness, '59390'), binanceTab);
  await settle();
  harness.isCreateHanging = false;
  const owed = (await local())[OUTBOX_KEY] as { id: string; kind: string }[];
  expect(
    owed.map((notification) => [notification.id, notification.kind]),
    'the stop alert is owed',
  ).toEqual([[alertId(id, 1, 'stop'), 'stop']]);
  return { id, owed };
}

describe('the outbox, entry by entry', () => {
  it('shows an owed stop alert when another outbox entry is malformed, and keeps the malformed one aside', async () => {
    const { id, owed } = await owedStopAlert();
    const malformed = { id: 42, title: null };
    await fakeBrowser.storage.local.set({ [OUTBOX_KEY]: [malformed, ...owed] });

    const restarted = harness.startWorker();
    await restarted.ready;

    expect(harness.created, 'the stop alert is shown').toContain(alertId(id, 1, 'stop'));
    expect((await local())[OUTBOX_KEY], 'nothing is owed any more').toEqual([]);
    const aside = (await plannerList(restarted)).quarantined;
    expect(aside.map((entry) => [entry.key, JSON.parse(entry.raw)])).toEqual([[OUTBOX_KEY, [malformed]]]);
    expect(aside[0]?.problem).toBe(
      '1 of 2 owed notifications unreadable (entry 1: id: expected string, received number)',
    );
  });

  it('keeps an unreadable outbox aside instead of letting the next alert overwrite it', async () => {
    const id = await importAndArm(harness.worker);
    await fakeBrowser.storage.local.set({ [OUTBOX_KEY]: 'not a list' });

    await harness.worker.handleMessage(tickAt(harness, '59880'), binanceTab);

    expect(await shownIds()).toEqual([alertId(id, 0, 'entry')]);
    const aside = (await plannerList(harness.worker)).quarantined;
    expect(aside.map((entry) => [entry.key, entry.raw])).toEqual([[OUTBOX_KEY, '"not a list"']]);
  });
});

describe('a notification the browser refuses', () => {
  it('does not hold back later notifications of any plan, is retried three times, then dropped with a journal entry', async () => {
    const refused = await importAndArm(harness.worker);
    const other = await importAndArm(harness.worker, { ...BTC_PLAN, name: 'BTC second' });
    harness.refusedId = (notificationId) => notificationId.startsWith(`${refused}/`);

    // One tick, two alerts: the refused plan's is first in the outbox.
    await harness.worker.handleMessage(tickAt(harness, '59880'), binanceTab);
    expect(await shownIds(), 'the other plan’s alert is shown at once').toEqual([alertId(other, 0, 'entry')]);
    expect((await local())[OUTBOX_KEY], 'the refused one is owed, tried once').toMatchObject([
      { id: alertId(refused, 0, 'entry'), attempts: 1 },
    ]);

    // The next flushes (each event, and the stale-check alarm) try it again.
    await harness.worker.checkStale();
    await harness.worker.handleMessage(tickAt(harness, '59890'), binanceTab);
    expect((await local())[OUTBOX_KEY], 'three tries: given up').toEqual([]);
    expect(await journaledAlerts(refused), 'the alert itself stays in the journal').toEqual([
      'approach entry',
    ]);
    const journal = (await local())[`journal/${refused}`] as { event: string; input: object }[];
    expect(journal.at(-1)).toMatchObject({
      event: 'notification-dropped',
      input: {
        notification: alertId(refused, 0, 'entry'),
        attempts: 3,
        error: `the browser refused ${alertId(refused, 0, 'entry')}`,
      },
    });

    // The browser takes notifications again: the next alert is shown.
    harness.refusedId = null;
    await harness.worker.handleMessage(tickAt(harness, '60020'), binanceTab);
    expect(await shownIds()).toEqual(
      [alertId(other, 0, 'entry'), alertId(other, 1, 'entry'), alertId(refused, 1, 'entry')].sort(),
    );
  });
});
