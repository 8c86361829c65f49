import { checkPlan } from '../../lib/checks/check-plan';
import { formatProblem } from '../../lib/plan/problems';
import { AccountDefaultsSchema } from '../../lib/store/account-defaults';
import { withoutTemplate, withTemplate } from '../../lib/store/plan-templates';
import { quoteKey } from '../../lib/store/quotes';
import { StoredRecord } from '../../lib/store/stored-record';
import type { Stores } from '../../lib/store/stores';
import { BucketSchema, TICK_HISTORY_INDEX, type Bucket } from '../../lib/store/tick-history';
import { historyBucketsFor, historyRows, historySpans } from '../../lib/store/tick-history-read';
import type { SerialQueue } from '../../lib/worker/serial-queue';
import type { Handlers } from './message-router';
import type { TabPagesRecorder } from './tab-pages';

type PlannerHandlers = Pick<
  Handlers,
  | 'planner-draft-get'
  | 'planner-draft-set'
  | 'account-defaults-get'
  | 'account-defaults-set'
  | 'templates-list'
  | 'template-save'
  | 'template-delete'
  | 'tick-history-spans'
  | 'tick-history-read'
  | 'page-quote'
>;

export interface PlannerHandlerDeps {
  readonly stores: Stores;
  readonly queue: SerialQueue;
  readonly now: () => number;
  readonly newId: () => string;
  readonly tabPages: TabPagesRecorder;
}

/** The planner's draft, account defaults and templates, the tick history, and the page a quick plan starts from. */
export function createPlannerHandlers(deps: PlannerHandlerDeps): PlannerHandlers {
  const { stores, queue, now } = deps;
  const { local, plannerDraft: draft, accountDefaults: account, planTemplates: templates } = stores;
  const historyIndex = new StoredRecord(local, TICK_HISTORY_INDEX, stores.quarantine);
  return {
    'planner-draft-get': async () => ({ ok: true, text: (await draft.read())?.text ?? null }),
    'planner-draft-set': async ({ text }) => {
      await queue(() => draft.write({ version: 1, text, savedAt: now() }));
      return { ok: true };
    },
    'account-defaults-get': async () => {
      const { equity, riskPercent } = await account.read();
      return { ok: true, equity, riskPercent };
    },
    'account-defaults-set': async (request) => {
      const stored = AccountDefaultsSchema.parse({ version: 1, ...pick(request) });
      if (stored.equity !== request.equity || stored.riskPercent !== request.riskPercent) {
        return {
          ok: false,
          error: 'The equity and the risk must be numbers above 0, within Tranche’s limits.',
        };
      }
      await queue(() => account.write(stored));
      return { ok: true };
    },
    'templates-list': async () => ({ ok: true, templates: (await templates.read()).templates }),
    'template-save': async ({ label, plan }) => {
      const checked = checkPlan(plan);
      if (!checked.ok) {
        return {
          ok: false,
          error: 'The plan is not valid: it was not kept as a template.',
          problems: checked.problems.map(formatProblem),
        };
      }
      const id = deps.newId();
      const json = plan as Record<string, unknown>;
      await queue(async () =>
        templates.write(withTemplate(await templates.read(), { id, label, plan: json, savedAt: now() })),
      );
      return { ok: true, id };
    },
    'template-delete': async ({ id }) => {
      await queue(async () => templates.write(withoutTemplate(await templates.read(), id)));
      return { ok: true };
    },
    'tick-history-spans': async () => ({ ok: true, spans: historySpans(await historyIndex.read()) }),
    'tick-history-read': async ({ symbol, fromMillis, toMillis }) => {
      const { tier, keys } = historyBucketsFor(await historyIndex.read(), symbol, fromMillis, toMillis);
      const stored = keys.length === 0 ? {} : await local.get(keys);
      // A bucket that cannot be read is skipped here; the tick intake quarantines it on its next write.
      const buckets = keys.flatMap((key): Bucket[] => {
        const read = BucketSchema.safeParse(stored[key]);
        return read.success ? [read.data] : [];
      });
      return { ok: true, rows: historyRows(tier, buckets, fromMillis, toMillis) };
    },
    'page-quote': async ({ page }) => {
      const found = 'tabId' in page ? await deps.tabPages.pageOf(page.tabId, page.origin) : page;
      if (found === null) return { ok: true, page: null };
      const [quotes, settings] = await Promise.all([stores.quotes.read(), stores.watchSettings.read()]);
      const quote = quotes.quotes[quoteKey(found.venue, found.symbol)];
      const at = now();
      return {
        ok: true,
        page: {
          venue: found.venue,
          symbol: found.symbol,
          price: quote?.price ?? null,
          ageSeconds: quote === undefined ? null : Math.max(0, Math.round((at - quote.receivedAt) / 1000)),
          isStale:
            quote !== undefined &&
            (quote.staleSince !== null || at - quote.receivedAt > settings.staleAfterSeconds * 1000),
        },
      };
    },
  };
}

function pick({ equity, riskPercent }: { equity: string | null; riskPercent: string | null }) {
  return { equity, riskPercent };
}
