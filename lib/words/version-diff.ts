import { Decimal } from '../decimal';
import { averageEntry, openRisk, positionOf } from '../engine/position';
import type { EngineState, TrancheState } from '../engine/types';
import { formatAtStep, formatUpTo } from '../format';
import type { Plan } from '../plan/schema';

/**
 * What an adjustment or a correction changed in the live trade, line by line, in a trader's
 * words — the journal's diff between the plan's version before and after it:
 * `plan v1 → v2`, `stop of lot 1 (20 @ 100.00): 101.88 → 103.00`, `target 2: 125.00 → 120.00`,
 * `position 32 → 24`. Nothing changed is nothing said.
 */
export function versionChanges(before: EngineState, after: EngineState): string[] {
  const plan = after.plan;
  const price = (value: string) => formatAtStep(value, plan.instrument.tickSize);
  const qty = (value: string) => formatAtStep(value, plan.instrument.lotStep);
  const lines: string[] = [];
  if (before.revision !== after.revision) lines.push(`plan v${before.revision + 1} → v${after.revision + 1}`);
  lines.push(...ladderChanges('add', before, after, price), ...ladderChanges('target', before, after, price));
  after.lots.forEach((lot, place) => {
    const earlier = before.lots.find((candidate) => candidate.tranche === lot.tranche);
    const name = `stop of lot ${place + 1} (${qty(lot.qty)} @ ${price(lot.fill)})`;
    if (earlier === undefined) lines.push(`${name}: new at ${price(lot.stop)}`);
    else if (earlier.stop !== lot.stop) lines.push(`${name}: ${price(earlier.stop)} → ${price(lot.stop)}`);
  });
  for (const [what, from, to] of positionFigures(before, after)) {
    if (from !== to) lines.push(`${what} ${from} → ${to}`);
  }
  lines.push(...keyLevelChanges(before.plan, plan, price));
  return lines;
}

type Price = (value: string) => string;

/** The adds or targets whose level or status changed; a ladder of another length is listed whole. */
function ladderChanges(
  kind: 'add' | 'target',
  before: EngineState,
  after: EngineState,
  price: Price,
): string[] {
  const was = before.tranches.filter((tranche) => tranche.kind === kind);
  const now = after.tranches.filter((tranche) => tranche.kind === kind);
  const describe = (tranche: TrancheState, plan: Plan) =>
    `${tranche.level === null ? 'not placed yet' : price(tranche.level)}${shareOf(tranche, plan)}${tranche.status === 'pending' ? '' : `, ${tranche.status}`}`;
  if (was.length !== now.length) {
    const list = (tranches: readonly TrancheState[], plan: Plan) =>
      tranches.length === 0 ? 'none' : tranches.map((tranche) => describe(tranche, plan)).join('; ');
    return [`${kind}s: ${list(was, before.plan)} → ${list(now, after.plan)}`];
  }
  const lines: string[] = [];
  now.forEach((tranche, place) => {
    const old = was[place];
    if (old === undefined) return;
    const from = describe(old, before.plan);
    const to = describe(tranche, after.plan);
    if (from !== to) lines.push(`${kind} ${place + 1}: ${from} → ${to}`);
  });
  return lines;
}

/** A target's share of the peak position, as the plan gives it. */
function shareOf(tranche: TrancheState, plan: Plan): string {
  if (tranche.kind !== 'target') return '';
  const share = plan.scaleOut[tranche.index - 1]?.share;
  if (share === undefined) return '';
  return share === 'rest' ? ' (the rest)' : ` (${formatUpTo(new Decimal(share).mul(100).toFixed(), 2)}%)`;
}

function positionFigures(before: EngineState, after: EngineState): [string, string, string][] {
  const { side, instrument } = after.plan;
  const average = (state: EngineState) => {
    const value = averageEntry(state.lots);
    return value === null ? '–' : formatUpTo(value.toFixed(), 10);
  };
  const risk = (state: EngineState) =>
    formatUpTo(openRisk(state.lots, side, instrument.pointValue).toFixed(), 2);
  return [
    ['position', positionOf(before.lots).toFixed(), positionOf(after.lots).toFixed()],
    ['average entry', average(before), average(after)],
    ['open risk', risk(before), risk(after)],
    ['realized P&L', formatUpTo(before.realizedPnl, 2), formatUpTo(after.realizedPnl, 2)],
  ];
}

function keyLevelChanges(before: Plan, after: Plan, price: Price): string[] {
  const key = (level: Plan['levels'][number]) => `${level.label} ${price(level.price)}`;
  const was = before.levels.map(key);
  const now = after.levels.map(key);
  return [
    ...now.filter((level) => !was.includes(level)).map((level) => `key level ${level}: added`),
    ...was.filter((level) => !now.includes(level)).map((level) => `key level ${level}: removed`),
  ];
}
