import type { Handlers } from './message-router';
import type { KeyValueArea, StoredRecord } from './storage';
import { QUOTES_KEY, parseQuotesRecord } from '../../lib/store/quotes';
import {
  DEFAULT_TICK_HISTORY_LIMITS,
  TICK_HISTORY_INDEX_KEY,
  TickHistoryIndexSchema,
  historyBytes,
} from '../../lib/store/tick-history';
import type { WatchSettings } from '../../lib/store/watch-settings';
import { formatProblem } from '../../lib/plan/problems';
import { journalToCsv } from '../../lib/worker/journal';
import type { PlanService } from '../../lib/worker/plan-service';
import { quoteForPlan } from '../../lib/worker/plan-quote';
import { isTickForPlan } from '../../lib/worker/routing';
import { planView } from '../../lib/worker/view';

type PlanHandlers = Pick<
  Handlers,
  'plans-view' | 'plan-import' | 'plan-action' | 'plan-export' | 'plan-fill' | 'plan-skip' | 'quiet-set'
>;

export interface PlanHandlerDeps {
  readonly plans: PlanService;
  readonly local: KeyValueArea;
  readonly watchSettings: StoredRecord<WatchSettings>;
  readonly now: () => number;
}

/** The plan requests of the popup, planner and overlay, answered by the plan service. */
export function createPlanHandlers({ plans, local, watchSettings, now }: PlanHandlerDeps): PlanHandlers {
  return {
    'plans-view': async (request) => {
      // Quarantined records are listed only in the planner (isAll): finding them reads all
      // of storage, too much for the popup's and the overlay's once-a-second refresh.
      const [{ plans: records, quarantined }, settings, stored, alertSettings] = await Promise.all([
        request.isAll === true
          ? plans.list()
          : plans.records().then((found) => ({ plans: found, quarantined: [] })),
        watchSettings.read(),
        local.get([QUOTES_KEY, TICK_HISTORY_INDEX_KEY]),
        plans.settings(),
      ]);
      const quotes = parseQuotesRecord(stored[QUOTES_KEY]);
      const index = TickHistoryIndexSchema.safeParse(stored[TICK_HISTORY_INDEX_KEY]);
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
      return {
        ok: true,
        plans: views,
        quarantined: quarantined.map((entry) => ({
          key: entry.key,
          problem: entry.problem,
          raw: JSON.stringify(entry.raw) ?? 'undefined',
          at: entry.at,
        })),
        isQuiet: alertSettings.isQuiet,
        history: {
          bytes: index.success ? historyBytes(index.data) : 0,
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
