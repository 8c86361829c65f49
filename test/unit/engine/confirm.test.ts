import { describe, expect, it } from 'vitest';

import { createEngine } from '../../../lib/engine/create';
import type { EngineEvent } from '../../../lib/engine/types';
import type { Plan } from '../../../lib/plan/schema';
import { plan, runEvents, ticks } from '../helpers';

// The engine: in the extension a triggered tranche waits for the trader's confirmation, with the
// suggested price and qty; `fill {tranche, price, qty}` confirms (defaults = the suggestions),
// `skip {tranche}` passes, `cancel` ends the plan.
// Base plan: long, entry 100, stop 95 → qty 20; two adds every 1 R (5) of 0.5 × 20 = 10.

const LADDER = {
  scaleIn: [
    { step: { r: '1' }, size: '0.5' },
    { step: { r: '1' }, size: '0.5' },
  ],
  scaleOut: [{ at: { r: '4' }, share: 'rest' }],
};

function confirm(planned: Plan, events: EngineEvent[]) {
  return runEvents(createEngine(planned, { mode: 'confirm', fill: 'level' }), events);
}

function tranche(run: ReturnType<typeof confirm>, id: string) {
  return run.state.tranches.find((candidate) => candidate.id === id);
}

describe('confirm mode', () => {
  it('triggers the entry with the suggested price and qty and waits', () => {
    const run = confirm(plan(LADDER), ticks(['99', '100.3']));
    expect(run.fills).toEqual([]);
    expect(run.alerts.map(({ kind, tranche, price, qty }) => ({ kind, tranche, price, qty }))).toEqual([
      { kind: 'trigger', tranche: 'entry', price: '100', qty: '20' },
    ]);
    expect(tranche(run, 'entry')).toMatchObject({ status: 'triggered', price: '100', qty: '20' });
    expect(run.state.phase).toBe('armed');
  });

  it('fills with the suggested values when the confirmation gives none', () => {
    const run = confirm(plan(LADDER), [
      ...ticks(['99', '100.3', '100.6']),
      { type: 'fill', tranche: 'entry', time: 4 },
    ]);
    expect(
      run.alerts.filter((alert) => alert.kind === 'trigger'),
      'no second trigger at 100.6',
    ).toHaveLength(1);
    expect(run.fills).toHaveLength(1);
    expect(run.fills[0]).toMatchObject({
      tranche: 'entry',
      price: '100',
      qty: '20',
      position: '20',
      stops: ['95'],
    });
    // add-1 = 100 + 5
    expect(tranche(run, 'add-1')?.level).toBe('105');
  });

  it('fills with the price and qty the trader edited, and steps from that price', () => {
    const run = confirm(plan(LADDER), [
      ...ticks(['99', '100.3']),
      { type: 'fill', tranche: 'entry', price: '100.5', qty: '15', time: 3 },
    ]);
    // open risk = (100.5 − 95) × 15 = 82.5; add-1 = 100.5 + 5 = 105.5
    expect(run.fills[0]).toMatchObject({
      tranche: 'entry',
      price: '100.5',
      qty: '15',
      position: '15',
      openRisk: '82.5',
    });
    expect(tranche(run, 'add-1')?.level).toBe('105.5');
  });

  it('raises a risk alert when the confirmed entry carries more risk than planned', () => {
    const run = confirm(plan(LADDER), [
      ...ticks(['99', '100.3']),
      { type: 'fill', tranche: 'entry', qty: '25', time: 3 },
    ]);
    // (100 − 95) × 25 = 125 > the planned 100
    expect(run.fills[0]).toMatchObject({ qty: '25', openRisk: '125' });
    expect(run.alerts.filter((alert) => alert.kind === 'risk').map((alert) => alert.tranche)).toEqual([
      'entry',
    ]);
  });

  it('suggests an add’s qty and fills it on confirmation', () => {
    const run = confirm(plan(LADDER), [
      ...ticks(['99', '100']),
      { type: 'fill', tranche: 'entry', time: 3 },
      ...ticks(['105.2'], 4),
      { type: 'fill', tranche: 'add-1', time: 5 },
    ]);
    expect(
      run.alerts
        .filter((alert) => alert.kind === 'trigger')
        .map(({ tranche, price, qty }) => ({ tranche, price, qty })),
    ).toEqual([
      { tranche: 'entry', price: '100', qty: '20' },
      { tranche: 'add-1', price: '105', qty: '10' },
    ]);
    expect(run.fills[1]).toMatchObject({ tranche: 'add-1', price: '105', qty: '10', position: '30' });
  });

  it('skips a triggered add and measures the next one from the skipped level', () => {
    const run = confirm(plan(LADDER), [
      ...ticks(['99', '100']),
      { type: 'fill', tranche: 'entry', time: 3 },
      ...ticks(['105.2'], 4),
      { type: 'skip', tranche: 'add-1', time: 5 },
    ]);
    expect(run.skips.map(({ tranche }) => tranche)).toEqual(['add-1']);
    expect(tranche(run, 'add-1')?.status).toBe('skipped');
    // add-2 = 105 + 5 = 110
    expect(tranche(run, 'add-2')).toMatchObject({ status: 'pending', level: '110' });
  });

  it('closes the plan when the trader skips the entry', () => {
    const run = confirm(plan(LADDER), [
      ...ticks(['99', '100.3']),
      { type: 'skip', tranche: 'entry', time: 3 },
    ]);
    expect(run.state.phase).toBe('closed');
    expect(run.state.tranches.map((each) => each.status)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });

  it('cancels every pending tranche on cancel, and later ticks do nothing', () => {
    const run = confirm(plan(LADDER), [
      ...ticks(['99']),
      { type: 'cancel', time: 2 },
      ...ticks(['100.5', '106'], 3),
    ]);
    expect(run.state.phase).toBe('closed');
    expect(run.state.tranches.every((each) => each.status === 'cancelled')).toBe(true);
    expect(run.alerts).toEqual([]);
    expect(run.fills).toEqual([]);
  });

  it('asks to confirm a stop and closes what was reached', () => {
    const run = confirm(plan(LADDER), [
      ...ticks(['99', '100']),
      { type: 'fill', tranche: 'entry', time: 3 },
      ...ticks(['94'], 4),
      { type: 'fill', tranche: 'stop', time: 5 },
    ]);
    expect(
      run.alerts.filter((alert) => alert.kind === 'stop').map(({ price, qty }) => ({ price, qty })),
    ).toEqual([{ price: '95', qty: '20' }]);
    // realized = (95 − 100) × 20 = −100
    expect(run.fills[1]).toMatchObject({
      tranche: 'stop',
      side: 'sell',
      price: '95',
      qty: '20',
      position: '0',
      realizedPnl: '-100',
    });
    expect(run.state.phase).toBe('closed');
  });

  it('confirms a short’s triggered entry with defaults', () => {
    const run = confirm(
      plan({ side: 'short', entry: { price: '100', when: 'below' }, stop: { price: '105' } }),
      [...ticks(['101', '99.7']), { type: 'fill', tranche: 'entry', time: 3 }],
    );
    expect(run.fills[0]).toMatchObject({
      tranche: 'entry',
      side: 'sell',
      price: '100',
      qty: '20',
      stops: ['105'],
    });
  });

  it('rejects a confirmation of a tranche that is not waiting', () => {
    const run = confirm(plan(LADDER), [...ticks(['99']), { type: 'fill', tranche: 'add-1', time: 2 }]);
    expect(run.fills).toEqual([]);
    expect(run.effects.map((effect) => effect.type)).toEqual(['rejected']);
  });

  it('rejects a confirmed qty that is not a multiple of the lot step', () => {
    const run = confirm(plan(LADDER), [
      ...ticks(['99', '100.3']),
      { type: 'fill', tranche: 'entry', qty: '15.5', time: 3 },
    ]);
    expect(run.fills).toEqual([]);
    expect(run.effects.filter((effect) => effect.type === 'rejected')).toHaveLength(1);
    expect(tranche(run, 'entry')?.status, 'still waiting').toBe('triggered');
  });
});
