import { readAdjustment } from '../../lib/plan/adjustment';
import { formatProblem } from '../../lib/plan/problems';
import type { PlanService } from '../../lib/worker/plan-service';
import type { Handlers } from './message-router';

type AdjustHandlers = Pick<Handlers, 'plan-adjust' | 'plan-correct' | 'heat-set'>;

/**
 * Adjusting a live trade: the preview and the adjustment (read by the plan format's own
 * schema), the correction of a confirmed fill, and the account heat setting.
 */
export function createAdjustHandlers(plans: PlanService): AdjustHandlers {
  return {
    'plan-adjust': async (request) => {
      const read = readAdjustment(request.adjustment);
      if (!read.ok) {
        return {
          ok: false,
          error: `The adjustment is not valid: ${read.problems.map(formatProblem).join('; ')}`,
        };
      }
      return request.mode === 'preview'
        ? plans.previewAdjustment(request.id, read.adjustment)
        : plans.adjust({ id: request.id, adjustment: read.adjustment, requestId: request.requestId });
    },
    'plan-correct': (request) =>
      plans.correct({
        id: request.id,
        fill: request.fill,
        requestId: request.requestId,
        ...(request.price === undefined ? {} : { price: request.price }),
        ...(request.qty === undefined ? {} : { qty: request.qty }),
      }),
    'heat-set': async (request) => {
      await plans.setHeat(request.equity, request.capPercent);
      return { ok: true };
    },
  };
}
