import type { Decimal } from '../decimal';
import type { Side } from '../plan/schema';
import type { Problem } from '../plan/problems';
import { directionWords } from './direction';

/** The entry as a price range (a single price is a range of one). */
export interface Zone {
  readonly low: Decimal;
  readonly high: Decimal;
}

export interface SideEvidence {
  readonly lines: readonly string[];
  /** Buy/Sell words used as price labels: they label prices, they do not say the side. */
  readonly actionLabels: readonly { readonly line: number; readonly start: number }[];
  /** The side of a `Buy`/`Sell` label that gave the entry. */
  readonly entrySide: Side | undefined;
  readonly zone: Zone;
  readonly stop: Decimal;
  readonly targets: readonly Decimal[];
}

export type SideChoice =
  | { readonly ok: true; readonly side: Side; readonly isInferred: boolean }
  | { readonly ok: false; readonly problem: Problem };

/** Only a long fits: the stop below the whole entry range, every target above it (and the reverse). */
function fits(side: Side, { zone, stop, targets }: SideEvidence): boolean {
  if (targets.length === 0) return false;
  return side === 'long'
    ? stop.lt(zone.low) && targets.every((target) => target.gt(zone.high))
    : stop.gt(zone.high) && targets.every((target) => target.lt(zone.low));
}

function writtenSides(evidence: SideEvidence): { strong: Set<Side>; actions: Set<Side> } {
  const strong = new Set<Side>();
  const actions = new Set<Side>();
  evidence.lines.forEach((line, index) => {
    for (const hit of directionWords(line)) {
      const isLabel = evidence.actionLabels.some(
        (label) => label.line === index && label.start === hit.start,
      );
      if (hit.info.strength === 'strong') strong.add(hit.info.side);
      else if (!isLabel) actions.add(hit.info.side);
    }
  });
  return { strong, actions };
}

/**
 * The side the signal trades. Written out (LONG, SHORT, лонг, 做多) it decides; BUY/SELL
 * decide when no position word does. A text that writes both sides is asked about. A text
 * that writes none is read from its prices only when they leave no doubt — the stop below
 * the whole entry range and every target above it is a long, the mirror a short — since no
 * other trade fits those prices; otherwise it is asked. A written side whose prices all fit
 * the other one is asked about too; a stop or a target merely on the wrong side is left to
 * the plan's validation, which names it.
 */
export function decideSide(evidence: SideEvidence): SideChoice {
  const { strong, actions } = writtenSides(evidence);
  if (strong.size > 1) {
    return { ok: false, problem: { field: 'side', message: 'the text says both long and short: keep one' } };
  }
  const [strongSide] = strong;
  const [actionSide] = actions;
  const written = strongSide ?? evidence.entrySide ?? (actions.size === 1 ? actionSide : undefined);
  if (written !== undefined) {
    const other: Side = written === 'long' ? 'short' : 'long';
    if (!fits(written, evidence) && fits(other, evidence)) {
      return {
        ok: false,
        problem: {
          field: 'side',
          message: `the text says ${written}, but its stop lies ${written === 'long' ? 'above' : 'below'} the entry and its targets ${written === 'long' ? 'below' : 'above'} it, as for a ${other}: which is it?`,
        },
      };
    }
    return { ok: true, side: written, isInferred: false };
  }
  for (const side of ['long', 'short'] as const) {
    if (fits(side, evidence)) return { ok: true, side, isInferred: true };
  }
  return {
    ok: false,
    problem: {
      field: 'side',
      message:
        'the text says neither long nor short, and its stop and targets do not tell: write LONG or SHORT',
    },
  };
}
