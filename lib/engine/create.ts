import { Decimal, toCanonical } from '../decimal';
import type { Plan } from '../plan/schema';
import { roundLevel } from '../sizing/round';
import { derive, needsCandleAtr } from './derive';
import { initialTranches } from './tranches';
import type { EngineOptions, EngineState } from './types';

const DEFAULT_OPTIONS: EngineOptions = { mode: 'confirm', fill: 'level' };

/** A plan armed and waiting for its entry; with `atrPeriod` its levels wait for the entry's candle. */
export function createEngine(plan: Plan, options: Partial<EngineOptions> = {}): EngineState {
  const derived = needsCandleAtr(plan) ? null : derive(plan, plan.volatility?.atr ?? null);
  const entryLevel = toCanonical(
    roundLevel(new Decimal(plan.entry.price), new Decimal(plan.instrument.tickSize)),
  );
  const tranches = initialTranches(plan, entryLevel);
  if (derived !== null) {
    for (const tranche of tranches) {
      if (tranche.kind === 'target') tranche.level = derived.targets[tranche.index - 1] ?? null;
    }
  }
  return {
    version: 2,
    plan,
    revision: 0,
    options: { ...DEFAULT_OPTIONS, ...options },
    phase: 'armed',
    derived,
    entryDirection: null,
    tranches,
    lots: [],
    stepFrom: null,
    lastEntryFill: null,
    peak: '0',
    realizedPnl: '0',
    maxOpenRisk: '0',
    fills: 0,
    tickRules: plan.stopRules.map(() => ({ active: false, best: null })),
    approached: [],
    stopTrigger: null,
    isStale: false,
    lastPrice: null,
    lastTime: null,
    upBound: Number.NaN,
    downBound: Number.NaN,
  };
}
