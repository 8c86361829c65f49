import type { PlansView } from '../../lib/messages/plans';
import { scopeOfRequest, type ViewScope } from '../../lib/messages/view-port';
import { formatProblem } from '../../lib/plan/problems';
import { journalToCsv } from '../../lib/worker/journal-csv';
import type { PlanService } from '../../lib/worker/plan-service';
import type { Handlers } from './message-router';

type PlanHandlers = Pick<
  Handlers,
  'plans-view' | 'plan-import' | 'plan-action' | 'plan-export' | 'plan-fill' | 'plan-skip' | 'quiet-set'
>;

export interface PlanHandlerDeps {
  readonly plans: PlanService;
  /** The view of a scope, as the surfaces' ports get it (lib/worker/plans-view.ts). */
  readonly view: (scope: ViewScope) => Promise<PlansView>;
}

/** The plan requests of the popup, planner and overlay, answered by the plan service. */
export function createPlanHandlers({ plans, view }: PlanHandlerDeps): PlanHandlers {
  return {
    // One view on request (the demo, tests); the surfaces get theirs pushed to their port.
    'plans-view': async (request) => ({ ok: true, ...(await view(scopeOfRequest(request))) }),
    'plan-import': async (request) => {
      const result = await plans.importPlan(request.plan);
      if (!result.ok) {
        return {
          ok: false,
          error: 'The plan is not valid: nothing was stored.',
          problems: result.problems.map(formatProblem),
        };
      }
      return { ok: true, id: result.id, warnings: result.warnings.map(formatProblem) };
    },
    'plan-action': async ({ id, action }) => {
      switch (action) {
        case 'arm':
          return plans.arm(id);
        case 'pause':
          return plans.pause(id);
        case 'resume':
          return plans.resume(id);
        case 'close':
          return plans.close(id);
        case 'delete':
          return plans.remove(id);
        case 'restore':
          return plans.restore(id);
        case 'mute':
          return plans.mute(id, true);
        case 'unmute':
          return plans.mute(id, false);
      }
    },
    'plan-export': async ({ id }) => {
      const records = await plans.records();
      const record = records.find((candidate) => candidate.id === id);
      if (!record) return { ok: false, error: `no plan "${id}"` };
      const journal = await plans.journal(id);
      return { ok: true, plan: record.plan, journal, journalCsv: journalToCsv(journal) };
    },
    'plan-fill': (request) =>
      plans.confirm({
        id: request.id,
        tranche: request.tranche,
        requestId: request.requestId,
        ...(request.price === undefined ? {} : { price: request.price }),
        ...(request.qty === undefined ? {} : { qty: request.qty }),
      }),
    'plan-skip': (request) => plans.skip(request),
    'quiet-set': async ({ isQuiet }) => {
      await plans.setQuiet(isQuiet);
      return { ok: true };
    },
  };
}
