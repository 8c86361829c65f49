import { beforeEach, describe, expect, it } from 'vitest';

import { OUTBOX_KEY } from '../../../lib/store/outbox';
import { PLAN_INDEX_KEY, planKey } from '../../../lib/store/plans';
import { createStores } from '../../../lib/store/stores';
import { journalToCsv } from '../../../lib/worker/journal-csv';
import { PlanService } from '../../../lib/worker/plan-service';
import type { NotificationSpec, Notifier } from '../../../lib/worker/ports';

import { MemoryStore } from './memory-store';

class FakeNotifier implements Notifier {
  shownIds = new Map<string, NotificationSpec>();
  history: NotificationSpec[] = [];
  failNext = false;
  async show(notification: NotificationSpec) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('worker stopped');
    }
    this.shownIds.set(notification.id, notification);
    this.history.push(notification);
  }
  async shown() {
    return [...this.shownIds.keys()];
  }
  async clear(id: string) {
    this.shownIds.delete(id);
  }
  async explain(id: string, message: string) {
    const shown = this.shownIds.get(id);
    if (shown !== undefined) this.shownIds.set(id, { ...shown, message });
  }
}

// Long DEMO: entry 100, stop 95 → R = 5; budget 10000 × 1% = 100 → qty 100 / 5 = 20.
// add-1 one R above the entry fill: 105, size 0.5 → 10. Target 2R from the entry: 110.
const PLAN = {
  format: 'tranche.plan/1',
  name: 'demo',
  instrument: { venue: 'binance-futures', symbol: 'DEMOUSDT', tickSize: '0.1', lotStep: '1' },
  side: 'long',
  account: { equity: '10000', riskPercent: '1' },
  entry: { price: '100', when: 'above' },
  stop: { price: '95' },
  sizing: { method: 'risk' },
  scaleIn: [{ step: { r: '1' }, size: '0.5' }],
  scaleOut: [{ at: { r: '2' }, share: 'rest' }],
  stopRules: [{ on: 'add', set: 'breakeven' }],
  alerts: { approachPercent: '0.5' },
};

let store: MemoryStore;
let notifier: FakeNotifier;
let now: number;
let ids: number;

function service(): PlanService {
  const newId = () => `p${(ids += 1)}`;
  const stores = createStores({
    local: store,
    session: new MemoryStore(),
    now: () => now,
    log: () => undefined,
    newId,
  });
  return new PlanService({ stores, notifier, clock: { now: () => now }, newId });
}

function tick(price: string, time: number, symbol = 'DEMOUSDT', venue = 'binance-futures') {
  return { venue, symbol, price, time, source: venue };
}

async function armedPlan(worker: PlanService): Promise<string> {
  const imported = await worker.importPlan(PLAN);
  if (!imported.ok) throw new Error('plan should import');
  expect((await worker.arm(imported.id)).ok).toBe(true);
  return imported.id;
}

beforeEach(() => {
  store = new MemoryStore();
  notifier = new FakeNotifier();
  now = 1_000;
  ids = 0;
});

describe('plan store', () => {
  it('stores nothing for an invalid plan and says what is wrong, field by field', async () => {
    const result = await service().importPlan({ ...PLAN, stop: { price: '105' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.field).toBe('stop.price');
    expect(store.data.size).toBe(0);
  });

  it('moves a plan draft → armed → active → closed, with the time of each change', async () => {
    const worker = service();
    const imported = await worker.importPlan(PLAN);
    expect(imported.ok).toBe(true);
    const id = imported.ok ? imported.id : '';
    now = 2_000;
    await worker.arm(id);
    now = 3_000;
    await worker.onTick(tick('99', 3_000));
    await worker.onTick(tick('100.5', 3_100));
    now = 4_000;
    await worker.confirm({ id, tranche: 'entry', requestId: 'r1' });
    now = 5_000;
    await worker.close(id);
    const { records: plans } = await worker.readAll();
    expect(plans[0]?.lifecycle).toEqual([
      { status: 'draft', at: 1_000 },
      { status: 'armed', at: 2_000 },
      { status: 'active', at: 4_000 },
      { status: 'closed', at: 5_000 },
    ]);
  });

  it('quarantines a corrupt record, keeps it listed, and the other plans keep working', async () => {
    const worker = service();
    const good = await armedPlan(worker);
    const bad = await armedPlan(worker);
    await store.set({ [planKey(bad)]: { id: bad, plan: 'not a plan' } });
    const { records: plans } = await worker.readAll();
    const quarantined = await worker.quarantined();
    expect(plans.map((plan) => plan.id)).toEqual([good]);
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]?.raw).toEqual({ id: bad, plan: 'not a plan' });
    expect(quarantined[0]?.problem, 'names the unreadable field').toMatch(/version|plan/);
    await worker.onTick(tick('99', 10));
    await worker.onTick(tick('100', 20));
    expect(notifier.history.map((n) => n.title)).toContain('DEMOUSDT long · entry at 100.0');
  });

  it('repairs a corrupt flag to its default instead of losing the plan', async () => {
    const worker = service();
    const id = await armedPlan(worker);
    const stored = (await store.get([planKey(id)]))[planKey(id)] as Record<string, unknown>;
    await store.set({ [planKey(id)]: { ...stored, isMuted: 'yes', processed: 7 } });
    const { records: plans } = await worker.readAll();
    const quarantined = await worker.quarantined();
    expect(plans[0]?.isMuted).toBe(false);
    expect(plans[0]?.processed).toEqual([]);
    expect(quarantined).toEqual([]);
  });

  it('rebuilds an unreadable plan index from the plan records', async () => {
    const worker = service();
    const id = await armedPlan(worker);
    await store.set({ [PLAN_INDEX_KEY]: 'garbage' });
    const { records: plans } = await worker.readAll();
    const quarantined = await worker.quarantined();
    expect(plans.map((plan) => plan.id)).toEqual([id]);
    expect(quarantined[0]?.key).toBe(PLAN_INDEX_KEY);
  });

  it('deletes to the trash and restores with undo, journal included', async () => {
    const worker = service();
    const id = await armedPlan(worker);
    await worker.remove(id);
    expect((await worker.readAll()).records).toEqual([]);
    expect((await worker.restore(id)).ok).toBe(true);
    expect((await worker.readAll()).records.map((plan) => plan.id)).toEqual([id]);
    expect((await worker.journal(id)).map((entry) => entry.event)).toEqual(['import', 'arm']);
  });
});

describe('routing ticks to plans', () => {
  it.each([
    ['the same venue and symbol', tick('100', 20), 1],
    ['the same symbol written with a separator', tick('100', 20, 'DEMO_USDT'), 1],
    ['a TradingView chart of the symbol', tick('100', 20, 'BINANCE:DEMOUSDT', 'tradingview'), 1],
    ['another venue', tick('100', 20, 'DEMOUSDT', 'bybit'), 0],
    ['another symbol', tick('100', 20, 'ETHUSDT'), 0],
  ])('routes a tick from %s to %i plan(s)', async (_, incoming, expected) => {
    const worker = service();
    await armedPlan(worker);
    expect(await worker.onTick(incoming)).toBe(expected);
  });

  it('sends nothing to a paused plan, and to several plans on the same symbol each their own', async () => {
    const worker = service();
    const first = await armedPlan(worker);
    await armedPlan(worker);
    await worker.pause(first);
    expect(await worker.onTick(tick('99', 10))).toBe(1);
    await worker.resume(first);
    expect(await worker.onTick(tick('99.5', 20))).toBe(2);
  });
});

describe('alerts exactly once', () => {
  it('notifies a triggered entry with the quantity and the stop after it, and confirms from the defaults', async () => {
    const worker = service();
    const id = await armedPlan(worker);
    await worker.onTick(tick('99', 10));
    await worker.onTick(tick('100.2', 20));
    const entry = notifier.history.find((n) => n.tranche === 'entry' && n.kind === 'trigger');
    expect(entry?.title).toBe('DEMOUSDT long · entry at 100.0');
    // qty 20 (R = 5, budget 100); the stop after the entry fill is the plan's 95.
    expect(entry?.message).toBe('Buy 20 · stop after: 95.0');
    expect(entry?.isConfirmable).toBe(true);
    expect((await worker.confirm({ id, tranche: 'entry', requestId: 'a' })).ok).toBe(true);
    const { records: plans } = await worker.readAll();
    expect(plans[0]?.status).toBe('active');
    expect(plans[0]?.engine?.lots).toEqual([
      { tranche: 'entry', fill: '100', qty: '20', stop: '95', time: 1_000 },
    ]);
  });

  it('applies a retried confirmation once', async () => {
    const worker = service();
    const id = await armedPlan(worker);
    await worker.onTick(tick('99', 10));
    await worker.onTick(tick('100', 20));
    await worker.confirm({ id, tranche: 'entry', requestId: 'same' });
    await worker.confirm({ id, tranche: 'entry', requestId: 'same' });
    const journal = await worker.journal(id);
    expect(journal.filter((entry) => entry.event === 'fill')).toHaveLength(1);
  });

  it('refuses a confirmation of a tranche that is not waiting, changing nothing', async () => {
    const worker = service();
    const id = await armedPlan(worker);
    const result = await worker.confirm({ id, tranche: 'add-1', requestId: 'x' });
    expect(result).toEqual({ ok: false, error: 'add-1 is pending, not waiting for confirmation' });
  });

  it('persists the alert before showing it: a worker stopped between the two shows it once on restart', async () => {
    const first = service();
    await armedPlan(first);
    await first.onTick(tick('99', 10));
    notifier.failNext = true;
    await first.onTick(tick('100', 20));
    expect(notifier.history).toHaveLength(0);
    const owed = (await store.get([OUTBOX_KEY]))[OUTBOX_KEY] as NotificationSpec[];
    expect(owed.map((n) => n.tranche)).toEqual(['entry']);
    // The worker restarts: it flushes what it owes, and the same tick again changes nothing.
    const restarted = service();
    await restarted.flushOutbox();
    await restarted.onTick(tick('100', 20));
    await restarted.onTick(tick('100.1', 15));
    expect(notifier.history.map((n) => n.tranche)).toEqual(['entry']);
    expect((await store.get([OUTBOX_KEY]))[OUTBOX_KEY]).toEqual([]);
  });

  it('notifies nothing in quiet mode, for every plan, and journals the alerts', async () => {
    const worker = service();
    const id = await armedPlan(worker);
    await worker.setQuiet(true);
    await worker.onTick(tick('99', 10));
    await worker.onTick(tick('100', 20));
    expect(notifier.history).toEqual([]);
    const journal = await worker.journal(id);
    expect(journal.flatMap((entry) => entry.effects).some((effect) => effect.kind === 'trigger')).toBe(true);
  });

  it('journals the muted plan’s alerts without notifying', async () => {
    const worker = service();
    const id = await armedPlan(worker);
    await worker.mute(id, true);
    // 99.7 is 0.3 below the entry: within 0.5% of 100 (0.5), so an approach alert.
    await worker.onTick(tick('99.7', 10));
    await worker.onTick(tick('100', 20));
    expect(notifier.history).toEqual([]);
    const journal = await worker.journal(id);
    const alerts = journal.flatMap((entry) => entry.effects).filter((effect) => effect.type === 'alert');
    expect(alerts.map((effect) => effect.kind)).toEqual(['approach', 'trigger']);
  });

  it('exports the journal as CSV with one row per effect', async () => {
    const worker = service();
    const id = await armedPlan(worker);
    await worker.onTick(tick('99', 10));
    await worker.onTick(tick('100', 20));
    const csv = journalToCsv(await worker.journal(id));
    const lines: string[] = csv.trim().split('\n');
    expect(lines[0]).toBe(
      'at,event,input,effect,kind,tranche,side,price,qty,position,stop,text,revision,changes',
    );
    expect(lines.some((line) => line.includes(',tick,') && line.includes(',alert,trigger,entry,'))).toBe(
      true,
    );
  });
});
