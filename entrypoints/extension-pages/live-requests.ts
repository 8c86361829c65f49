import type { LiveActions } from '../../components/adjust/LiveTrades';
import { ask } from './background-client';
import { adjustRequest, correctRequest, type Ack } from './plan-requests';

/** The planner's live trades: the adjustments the popup and the panel send too, and the account heat setting. */
export function liveRequests(settle: (reply: Promise<Ack>) => Promise<void>): LiveActions {
  return {
    onAdjust: adjustRequest(settle),
    onHeat: (equity, capPercent) => settle(ask<'heat-set'>({ type: 'heat-set', equity, capPercent })),
    onCorrect: correctRequest(settle),
  };
}
