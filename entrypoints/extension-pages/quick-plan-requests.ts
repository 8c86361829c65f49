import type { PageQuoteView } from '../../lib/messages/planner';
import { ask } from './background-client';

export interface AccountInput {
  readonly equity: string;
  readonly riskPercent: string;
}

/** The page a quick plan starts from, as the background last saw it; null where it has none. */
export async function pageToPlan(
  page: { tabId: number; origin: string } | { venue: string; symbol: string },
): Promise<PageQuoteView | null> {
  const reply = await ask<'page-quote'>({ type: 'page-quote', page });
  return reply.ok ? reply.page : null;
}

/** The trader's account defaults, "" where not set. */
export async function accountDefaults(): Promise<AccountInput> {
  const reply = await ask<'account-defaults-get'>({ type: 'account-defaults-get' });
  return reply.ok
    ? { equity: reply.equity ?? '', riskPercent: reply.riskPercent ?? '' }
    : { equity: '', riskPercent: '' };
}

/**
 * A quick plan handed to the background: imported (checked again there), armed, and its
 * equity and risk kept as the defaults when the trader asked. Null when done, else why not.
 */
export async function armQuickPlan(
  plan: Record<string, unknown>,
  account: AccountInput | null,
): Promise<string | null> {
  const imported = await ask<'plan-import'>({ type: 'plan-import', plan });
  if (!imported.ok) return [imported.error, ...(imported.problems ?? [])].join(' ');
  const armed = await ask<'plan-action'>({ type: 'plan-action', id: imported.id, action: 'arm' });
  if (!armed.ok) return `The plan was saved as a draft but not armed: ${armed.error}`;
  if (
    account !== null &&
    /^\d+(\.\d+)?$/u.test(account.equity) &&
    /^\d+(\.\d+)?$/u.test(account.riskPercent)
  ) {
    await ask<'account-defaults-set'>({ type: 'account-defaults-set', ...account });
  }
  return null;
}
