import { Decimal } from '../decimal';
import { defaultLotStep } from '../instruments/fallback';
import type { InstrumentSpec } from '../instruments/table';
import { findInstrument, INSTRUMENT_TABLE_DATE } from '../instruments/table';
import { PLAN_FORMAT } from '../plan/schema';
import type { Plan } from '../plan/schema';
import type { Problem } from '../plan/problems';
import { checkPlan } from '../checks/check-plan';
import { highestSafeLeverage } from '../sizing/liquidation';
import type { ReadOptions, Signal } from './signal';
import { readSignal } from './signal';

export interface SignalPlanOptions extends ReadOptions {
  /** The trader's account: the plan risks `riskPercent` of `equity` (risk sizing). */
  readonly account: { readonly equity: string; readonly riskPercent: string };
}

export type SignalPlan =
  | {
      readonly ok: true;
      /** The plan file, as JSON would hold it. */
      readonly json: Record<string, unknown>;
      readonly plan: Plan;
      readonly signal: Signal;
      readonly warnings: Problem[];
    }
  | { readonly ok: false; readonly problems: Problem[] };

/**
 * A pasted trade signal as a `tranche.plan/1` plan (docs/plan-format.md#tranche-signal):
 * the entry, stop and targets at the prices written, risk sizing on the trader's account,
 * the instrument's tick and lot step from the instrument table for the venue, else from
 * the signal's decimals and a default lot step — the plan's name says which. The plan
 * passes the same validation as any imported plan; its problems are named in the signal's
 * words.
 */
export function planFromSignal(text: string, options: SignalPlanOptions): SignalPlan {
  const read = readSignal(text, options);
  if (!read.ok) return read;
  const { signal } = read;
  // The signal's highest leverage first; a lower one it allows, or none, only when the stop
  // lies beyond the liquidation estimate at the higher ones (then the plan says so).
  const leverages = [...signal.leverages, undefined];
  let refused: Problem[] | undefined;
  for (const leverage of leverages) {
    const json = planJson(signal, options.account, leverage);
    const check = checkPlan(json);
    if (!check.ok) {
      refused ??= check.problems;
      continue;
    }
    const notes = leverage === signal.leverages[0] ? [] : [leverageNote(signal, leverage)];
    return {
      ok: true,
      json,
      plan: check.plan,
      signal,
      warnings: [...notes, ...check.warnings].map(inSignalWords),
    };
  }
  return { ok: false, problems: (refused ?? []).map(inSignalWords) };
}

/** Why the plan does not use the signal's highest leverage, and what would keep the stop first. */
function leverageNote(signal: Signal, used: string | undefined): Problem {
  const highest = signal.leverages[0] ?? '';
  const safe = highestSafeLeverage(
    signal.side,
    new Decimal(signal.entry.price),
    new Decimal(signal.stop),
    new Decimal(0),
  );
  const instead =
    used === undefined ? 'the plan leaves leverage out' : `the plan uses ${used}x, which it also allows`;
  return {
    field: 'leverage',
    message: `at ${highest}x the stop ${signal.stop} lies at or beyond the liquidation estimate: ${instead}; at ${safe}x or less the stop comes first`,
  };
}

interface Instrument {
  readonly symbol: string;
  readonly spec: InstrumentSpec | undefined;
}

/** OKX lists a perpetual as its own instrument (`BTC-USDT-SWAP`, quantities in contracts). */
function instrumentOf(signal: Signal): Instrument {
  const { base, quote } = signal.pair;
  if (signal.venue === 'okx' && signal.market === 'futures') {
    const swap = `${base}-${quote}-SWAP`;
    const spec = findInstrument('okx', swap);
    if (spec !== undefined) return { symbol: swap, spec };
  }
  const symbol = `${base}${quote}`;
  return { symbol, spec: findInstrument(signal.venue, symbol) };
}

function planJson(
  signal: Signal,
  account: SignalPlanOptions['account'],
  leverage: string | undefined,
): Record<string, unknown> {
  const { symbol, spec } = instrumentOf(signal);
  const tickSize = spec?.tickSize ?? signal.writtenTick;
  const lotStep = spec?.lotStep ?? defaultLotStep(signal.entry.price);
  return {
    format: PLAN_FORMAT,
    name: planName(signal, symbol, spec, { tickSize, lotStep, leverage }),
    instrument: { venue: signal.venue, symbol, ...(spec ?? {}), tickSize, lotStep },
    side: signal.side,
    account: { equity: account.equity, riskPercent: account.riskPercent },
    entry: {
      price: signal.entry.price,
      ...(signal.entry.when === undefined ? {} : { when: signal.entry.when }),
    },
    stop: { price: signal.stop },
    sizing: { method: 'risk' },
    scaleOut: signal.targets.map((target) => ({ at: { price: target.price }, share: target.share })),
    ...(leverage === undefined ? {} : { limits: { leverage } }),
  };
}

/** Where the plan's numbers came from, in its name, so that the trader checks what was not written. */
function planName(
  signal: Signal,
  symbol: string,
  spec: InstrumentSpec | undefined,
  steps: { readonly tickSize: string; readonly lotStep: string; readonly leverage: string | undefined },
): string {
  const highest = signal.leverages[0];
  const notes = [
    ...(highest !== undefined && steps.leverage !== highest
      ? [
          `${steps.leverage === undefined ? 'no leverage' : `${steps.leverage}x`}: ${highest}x liquidates before the stop`,
        ]
      : []),
    ...(signal.isSideInferred ? [`${signal.side}: read from its stop and targets`] : []),
    ...(signal.entry.zone
      ? [`entry at ${signal.entry.price}, an edge of ${signal.entry.zone.low}–${signal.entry.zone.high}`]
      : []),
    spec === undefined
      ? `tick ${steps.tickSize} from its decimals, lot step ${steps.lotStep} by default: check both`
      : `tick and lot step from the ${signal.venue} table of ${INSTRUMENT_TABLE_DATE}`,
  ];
  return `${symbol} ${signal.side} from a signal (${notes.join('; ')})`;
}

/** `scaleOut[1].at` is "target 2" to someone who pasted a signal. */
function inSignalWords(found: Problem): Problem {
  const target = /^scaleOut\[(\d+)\]/u.exec(found.field);
  if (target) return { ...found, field: `target ${Number(target[1]) + 1}` };
  const [head = found.field] = found.field.split(/[.[]/u);
  const words: Readonly<Record<string, string>> = {
    entry: 'entry',
    stop: 'stop',
    scaleOut: 'targets',
    limits: 'leverage',
    instrument: 'pair',
    account: 'account',
  };
  return { ...found, field: words[head] ?? found.field };
}
