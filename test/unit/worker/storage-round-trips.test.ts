import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

import { STORAGE_VERSION_KEY } from '../../../lib/store/migrations';
import type { StorageArea } from '../../../lib/store/storage-area';
import { TICK_HISTORY_PREFIX } from '../../../lib/store/tick-history';
import {
  binanceTab,
  importAndArm,
  journaledAlerts,
  shownIds,
  tickAt,
  useBackground,
} from './background-harness';

/*
 * Each call to storage is a round trip to the browser's process, milliseconds when the
 * cores are busy: a running worker keeps what it reads on every price in memory, so a
 * price waits on its writes alone.
 */

const harness = useBackground();

/** storage.local that records each call (the tick history's, written once a second, left out). */
function countingLocal(): { area: StorageArea; calls: string[] } {
  const local = fakeBrowser.storage.local;
  const calls: string[] = [];
  const record = (call: string, keys: readonly string[]) => {
    if (!keys.every((key) => key.startsWith(TICK_HISTORY_PREFIX))) calls.push(`${call} ${keys.join(',')}`);
  };
  const area: StorageArea = {
    get: (keys) => {
      record('get', keys === null ? ['(all)'] : ([] as string[]).concat(keys));
      return local.get(keys);
    },
    set: (items) => {
      record('set', Object.keys(items));
      return local.set(items);
    },
    remove: (keys) => {
      record('remove', ([] as string[]).concat(keys));
      return local.remove(keys);
    },
    onChanged: local.onChanged,
  };
  return { area, calls };
}

describe('storage round trips of a running worker', () => {
  it('writes a quiet price’s quote and reads nothing', async () => {
    const { area, calls } = countingLocal();
    const worker = harness.startWorker(area);
    await worker.ready;
    await importAndArm(worker);
    // The entry is 60,000 and alerts from 59,850: these prices are quiet.
    await worker.handleMessage(tickAt(harness, '59000'), binanceTab);
    calls.length = 0;
    for (const price of ['59000.1', '59000.2', '59000.3']) {
      await worker.handleMessage(tickAt(harness, price), binanceTab);
    }
    expect(calls).toEqual(['set quotes', 'set quotes', 'set quotes']);
  });

  it('writes an alert’s plan, journal and outbox in one set, and shows it once', async () => {
    const { area, calls } = countingLocal();
    const worker = harness.startWorker(area);
    await worker.ready;
    const id = await importAndArm(worker);
    await worker.handleMessage(tickAt(harness, '59000'), binanceTab);
    calls.length = 0;
    await worker.handleMessage(tickAt(harness, '59900'), binanceTab);
    expect(await journaledAlerts(id)).toEqual(['approach entry']);
    expect(await shownIds()).toHaveLength(1);
    // The quote; the journal read to append to it (journals are not kept in memory); the
    // event's one write (the plan, its event log, its journal, the outbox); the outbox
    // emptied once shown.
    expect(calls).toEqual([
      'set quotes',
      `get journal/${id}`,
      `set plan/${id},events/${id},journal/${id},notifications/outbox`,
      'set notifications/outbox',
    ]);
  });

  it('starts again from storage alone: a few reads, then quiet prices read nothing', async () => {
    const id = await importAndArm(harness.worker);
    await harness.worker.handleMessage(tickAt(harness, '59000'), binanceTab);
    const { area, calls } = countingLocal();
    const restarted = harness.startWorker(area);
    await restarted.ready;
    await restarted.handleMessage(tickAt(harness, '59000.1'), binanceTab);
    await restarted.handleMessage(tickAt(harness, '59000.2'), binanceTab);
    expect(calls).toEqual([
      `get ${STORAGE_VERSION_KEY}`,
      'get plans/index,quotes,notifications/outbox,alerts/settings,watch-settings,overlay-settings,picked-sites',
      `get plan/${id}`,
      'set quotes',
      // An open-ended quiet band is stored as null (JSON has no Infinity): placed again once,
      // an event of the plan's log, which is read then and kept in memory after.
      `get events/${id}`,
      `set plan/${id},events/${id}`,
      'set quotes',
    ]);
  });
});
