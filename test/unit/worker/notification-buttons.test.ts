import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import {
  alertId,
  binanceTab,
  importAndArm,
  journalEvents,
  local,
  popup,
  shownIds,
  tickAt,
  useBackground,
} from './background-harness';

const harness = useBackground();
const CONFIRM = 0;
const SKIP = 1;

/** Damage the plan's alert counter so that the record repair sets it back to 0. */
async function breakAlertCounter(id: string): Promise<void> {
  const record = (await local())[`plan/${id}`] as Record<string, unknown>;
  await fakeBrowser.storage.local.set({ [`plan/${id}`]: { ...record, alertSeq: -1 } });
}

function createOptions(id: string): { message: string; buttons?: { title: string }[] } | undefined {
  return fakeBrowser.notifications.getAllCreateOptions()[id] as
    { message: string; buttons?: { title: string }[] } | undefined;
}

describe('notification ids, unique for the life of the install', () => {
  it('gives an alert a new id after the counter was repaired to 0, so it is shown next to the one on screen', async () => {
    const id = await importAndArm(harness.worker);
    await harness.worker.handleMessage(tickAt(harness, '59880'), binanceTab);
    expect(await shownIds()).toEqual([alertId(id, 0, 'entry')]);
    await breakAlertCounter(id);

    await harness.worker.handleMessage(tickAt(harness, '60020'), binanceTab);

    const shown = await shownIds();
    expect(shown, 'the approach alert stays, the trigger is a second notification').toHaveLength(2);
    expect(shown).toContain(alertId(id, 0, 'entry'));
    const record = (await local())[`plan/${id}`] as { alertEpoch: string; alertSeq: number };
    expect(record.alertEpoch, 'a fresh epoch for the repaired counter').not.toBe('0');
    expect(record.alertSeq).toBe(1);
    expect(shown).toContain(alertId(id, 0, 'entry', record.alertEpoch));
  });

  it('applies a fill confirmed from a notification after a repair, never taking it for one processed before', async () => {
    const id = await importAndArm(harness.worker);
    await harness.worker.handleMessage(tickAt(harness, '60020'), binanceTab);
    await harness.worker.onNotificationButton(alertId(id, 0, 'entry'), CONFIRM);
    await harness.worker.handleMessage({ type: 'plan-action', id, action: 'close' }, popup);
    await harness.worker.handleMessage({ type: 'plan-action', id, action: 'arm' }, popup);
    await breakAlertCounter(id);

    // The same trade again: its entry triggers, alert 0 of the repaired counter.
    await harness.worker.handleMessage(tickAt(harness, '59000'), binanceTab);
    await harness.worker.handleMessage(tickAt(harness, '60030'), binanceTab);
    const { alertEpoch } = (await local())[`plan/${id}`] as { alertEpoch: string };
    await harness.worker.onNotificationButton(alertId(id, 0, 'entry', alertEpoch), CONFIRM);

    expect(await journalEvents(id)).toEqual([
      'import',
      'arm',
      'tick',
      'fill',
      'cancel',
      'arm',
      'tick',
      'fill',
    ]);
    expect((await local())[`plan/${id}`]).toMatchObject({ status: 'active' });
  });
});

describe('the Confirm fill and Skip buttons', () => {
  /**
   * The entry confirmed from its notification at the suggested 60,020 (a gap over 60,000:
   * alert 1 says its risk is above the plan's), then the price at the stop: alert 2, the
   * stop, waits for its confirmation.
   */
  async function stopAlert(): Promise<{ id: string; notification: string }> {
    const id = await importAndArm(harness.worker);
    await harness.worker.handleMessage(tickAt(harness, '60020'), binanceTab);
    await harness.worker.onNotificationButton(alertId(id, 0, 'entry'), CONFIRM);
    await harness.worker.handleMessage(tickAt(harness, '59390'), binanceTab);
    return { id, notification: alertId(id, 2, 'stop') };
  }

  it('offers only Confirm fill on a stop alert: a stop cannot be skipped', async () => {
    const { notification } = await stopAlert();
    expect(createOptions(notification)?.buttons).toEqual([{ title: 'Confirm fill' }]);
  });

  it('keeps a stop alert whose Skip was clicked (an older notification), saying that a stop cannot be skipped', async () => {
    const { id, notification } = await stopAlert();
    const before = await journalEvents(id);

    await harness.worker.onNotificationButton(notification, SKIP);

    expect(await shownIds()).toContain(notification);
    expect(createOptions(notification)?.message).toBe(
      'Not done: a stop cannot be skipped. Confirm the fill where your stop order filled.',
    );
    expect(await journalEvents(id), 'nothing applied').toEqual(before);
  });

  it('clears an alert once its confirmation is applied', async () => {
    const { id, notification } = await stopAlert();
    await harness.worker.onNotificationButton(notification, CONFIRM);
    expect(await shownIds()).not.toContain(notification);
    expect((await local())[`plan/${id}`]).toMatchObject({ status: 'closed' });
  });

  it('keeps an alert whose confirmation failed, with the reason in its text', async () => {
    const id = await importAndArm(harness.worker);
    await harness.worker.handleMessage(tickAt(harness, '60020'), binanceTab);
    await harness.worker.handleMessage({ type: 'plan-action', id, action: 'close' }, popup);
    const notification = alertId(id, 0, 'entry');

    await harness.worker.onNotificationButton(notification, CONFIRM);

    expect(await shownIds()).toContain(notification);
    expect(createOptions(notification)?.message).toBe(
      'Not done: entry is cancelled, not waiting for confirmation',
    );
  });
});
