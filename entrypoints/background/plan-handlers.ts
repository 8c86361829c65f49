import { formatProblem } from '../../lib/plan/problems';
import type { Stores } from '../../lib/store/stores';
import { DEFAULT_TICK_HISTORY_LIMITS } from '../../lib/store/tick-history';
import { journalToCsv } from '../../lib/worker/journal-csv';
import type { PlanService } from '../../lib/worker/plan-service';
import { quoteForPlan } from '../../lib/worker/plan-quote';
import { keptAsideViews } from '../../lib/worker/quarantine-view';
import { isTickForPlan } from '../../lib/worker/routing';
import { planView } from '../../lib/worker/view';
import type { Handlers } from './message-router';

type PlanHandlers = Pick<
  Handlers,
  'plans-view' | 'plan-import' | 'plan-action' | 'plan-export' | 'plan-fill' | 'plan-skip' | 'quiet-set'
>;

export interface PlanHandlerDeps {
  readonly plans: PlanService;
  readonly stores: Pick<Stores, 'watchSettings' | 'quotes' | 'tickHistory'>;
  readonly now: () => number;
}

/** The plan requests of the popup, planner and overlay, answered by the plan service. */
export function createPlanHandlers({ plans, stores, now }: PlanHandlerDeps): PlanHandlers {
  return {
    'plans-view': async (request) => {
      const [{ records, newer }, settings, quotes, historyBytes, alertSettings] = await Promise.all([
        request.isAll === true
          ? plans.readAll()
          : plans.records().then((found) => ({ records: found, newer: [] })),
        stores.watchSettings.read(),
        stores.quotes.read(),
        stores.tickHistory.bytes(),
        plans.settings(),
      ]);
      const at = now();
      const shown = records.filter((record) => {
        if (request.page)
          return isTickForPlan(record.plan.instrument, request.page) && record.status !== 'draft';
        return request.isAll === true || record.status === 'armed' || record.status === 'active';
      });
      const views = await Promise.all(
        shown.map(async (record) =>
          planView(
            record,
            quoteForPlan(record.plan.instrument, quotes, at, settings.staleAfterSeconds),
            await plans.journal(record.id),
            at,
          ),
        ),
      );
      // Records kept aside are listed only in the planner (isAll): finding them reads all of
      // storage, too much for the popup's and the overlay's once-a-second refresh. Listed
      // last, so that what this very answer found unreadable is in it.
      const quarantined = request.isAll === true ? await plans.quarantined() : [];
      return {
        ok: true,
        plans: views,
        quarantined: keptAsideViews(quarantined, newer),
        isQuiet: alertSettings.isQuiet,
        history: {
          bytes: historyBytes,
          maxBytes: DEFAULT_TICK_HISTORY_LIMITS.maxBytes,
        },
      };
    },
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
