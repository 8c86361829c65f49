import { PRESETS } from './presets';
import { PLAN_FORMAT } from './schema';
import type { Side } from './side';

/*
 * The quick plan made on a page ("Plan a trade here"): the page's instrument and price, a
 * side, a stop, the risk, and one of a few ladders measured in R — enough for a complete
 * plan file, checked by `checkPlan` like any other.
 */

/** The ladder part of a plan: everything after the entry and its stop, measured in R or shares. */
type LadderParts = Readonly<Record<string, unknown>>;

export interface QuickLadder {
  readonly id: string;
  readonly label: string;
  readonly parts: LadderParts;
}

/** The adds, targets and stop rules of a built-in preset, without its prices and account. */
function presetLadder(id: string): LadderParts {
  const plan = PRESETS.find((preset) => preset.id === id)?.plan ?? {};
  const { scaleIn, scaleOut, stopRules } = plan as Record<string, unknown>;
  return { scaleIn, scaleOut, stopRules };
}

export const QUICK_LADDERS: readonly QuickLadder[] = [
  {
    id: 'single',
    label: 'Single entry, out at 2R',
    parts: { scaleOut: [{ at: { r: '2' }, share: 'rest' }] },
  },
  { id: 'pyramid', label: 'Pyramid 50/30/20', parts: presetLadder('pyramid') },
  { id: 'thirds', label: 'Thirds out at 1R, 2R, 3R', parts: presetLadder('thirds') },
];

export type QuickStopKind = 'price' | 'percent' | 'atr';
export type QuickEntryWhen = 'above' | 'below' | 'touch';

/** What the quick form holds, as the trader typed it (empty: not given). */
export interface QuickPlanInput {
  readonly venue: string;
  readonly symbol: string;
  readonly side: Side;
  readonly entryPrice: string;
  readonly entryWhen: QuickEntryWhen;
  readonly stopKind: QuickStopKind;
  readonly stopValue: string;
  /** Needed for an ATR stop. */
  readonly atr: string;
  readonly equity: string;
  readonly riskPercent: string;
  readonly ladderId: string;
  readonly tickSize: string;
  readonly lotStep: string;
  readonly minQty: string;
  readonly minNotional: string;
  readonly pointValue: string;
}

/** A field the trader left empty is left out, so that `checkPlan` says what is missing, on its field. */
function given(entries: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value.trim() !== ''));
}

/** The plan file the quick form describes (docs/plan-format.md#a-whole-plan), risk-sized. */
export function quickPlanJson(input: QuickPlanInput): Record<string, unknown> {
  const ladder = QUICK_LADDERS.find((candidate) => candidate.id === input.ladderId) ?? QUICK_LADDERS[0];
  const parts = Object.fromEntries(
    Object.entries(ladder?.parts ?? {}).filter(([, value]) => value !== undefined),
  );
  return {
    format: PLAN_FORMAT,
    name: `${input.symbol} ${input.side} · ${ladder?.label ?? ''}`,
    instrument: {
      venue: input.venue,
      symbol: input.symbol,
      ...given({
        tickSize: input.tickSize,
        lotStep: input.lotStep,
        minQty: input.minQty,
        minNotional: input.minNotional,
        pointValue: input.pointValue,
      }),
    },
    side: input.side,
    account: given({ equity: input.equity, riskPercent: input.riskPercent }),
    ...(input.stopKind === 'atr' && input.atr.trim() !== '' ? { volatility: { atr: input.atr } } : {}),
    entry: {
      ...given({ price: input.entryPrice }),
      ...(input.entryWhen === 'touch' ? {} : { when: input.entryWhen }),
    },
    ...(input.stopValue.trim() === '' ? {} : { stop: { [input.stopKind]: input.stopValue } }),
    sizing: { method: 'risk' },
    ...parts,
  };
}
