import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';

import type { HistorySource } from '../../components/HistoryReplay';
import type { TemplateResult } from '../../components/PlanStart';
import type { JsonObject } from '../../components/plan-form/plan-json';
import type { HistorySpanView, PlanTemplateView } from '../../lib/messages/planner';
import { ask } from '../extension-pages/background-client';

/** A draft is written this long after the last keystroke: one storage write per pause, not per key. */
const DRAFT_SAVE_DELAY_MILLIS = 400;

export interface AccountDefaultsView {
  readonly equity: string;
  readonly riskPercent: string;
}

/**
 * What the planner keeps in the background besides plans: the designer's draft, the
 * trader's templates and account defaults, and the recorded prices for a replay. One-off
 * requests; the draft is written after a pause in typing.
 */
export function useLibrary(onError: (error: string) => void) {
  const [draftText, setDraftText] = useState<string | null | undefined>(undefined);
  const [templates, setTemplates] = useState<readonly PlanTemplateView[]>([]);
  const [templateResult, setTemplateResult] = useState<TemplateResult | null>(null);
  const [account, setAccount] = useState<AccountDefaultsView>({ equity: '', riskPercent: '' });
  const [spans, setSpans] = useState<readonly HistorySpanView[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const loadTemplates = useCallback(async () => {
    const reply = await ask<'templates-list'>({ type: 'templates-list' });
    if (reply.ok) setTemplates(reply.templates);
    else onError(reply.error);
  }, [onError]);

  const loadSpans = useCallback(async () => {
    const reply = await ask<'tick-history-spans'>({ type: 'tick-history-spans' });
    if (reply.ok) setSpans(reply.spans);
  }, []);

  useEffect(() => {
    void ask<'planner-draft-get'>({ type: 'planner-draft-get' }).then((reply) =>
      setDraftText(reply.ok ? reply.text : null),
    );
    void ask<'account-defaults-get'>({ type: 'account-defaults-get' }).then((reply) => {
      if (reply.ok) setAccount({ equity: reply.equity ?? '', riskPercent: reply.riskPercent ?? '' });
    });
    void loadTemplates();
    void loadSpans();
  }, [loadTemplates, loadSpans]);

  const onDraftText = useCallback(
    (text: string) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        void ask<'planner-draft-set'>({ type: 'planner-draft-set', text }).then((reply) => {
          if (!reply.ok) onError(`The draft was not kept: ${reply.error}`);
        });
      }, DRAFT_SAVE_DELAY_MILLIS);
    },
    [onError],
  );

  const saveTemplate = async (label: string, plan: JsonObject) => {
    const reply = await ask<'template-save'>({ type: 'template-save', label, plan });
    setTemplateResult(
      reply.ok
        ? { kind: 'saved', label }
        : { kind: 'refused', error: [reply.error, ...(reply.problems ?? [])].join(' ') },
    );
    await loadTemplates();
  };

  const deleteTemplate = async (id: string) => {
    const reply = await ask<'template-delete'>({ type: 'template-delete', id });
    if (!reply.ok) onError(reply.error);
    await loadTemplates();
  };

  const saveAccount = async (next: AccountDefaultsView): Promise<string | null> => {
    const reply = await ask<'account-defaults-set'>({
      type: 'account-defaults-set',
      equity: next.equity === '' ? null : next.equity,
      riskPercent: next.riskPercent === '' ? null : next.riskPercent,
    });
    if (reply.ok) setAccount(next);
    return reply.ok ? null : reply.error;
  };

  const history = useMemo(
    (): HistorySource => ({
      spans,
      read: async (symbol, fromMillis, toMillis) => {
        const reply = await ask<'tick-history-read'>({
          type: 'tick-history-read',
          symbol,
          fromMillis,
          toMillis,
        });
        return reply.ok ? { ok: true, rows: reply.rows } : reply;
      },
    }),
    [spans],
  );

  return {
    draftText,
    onDraftText,
    templates,
    templateResult,
    saveTemplate,
    deleteTemplate,
    account,
    saveAccount,
    history,
    refreshHistory: loadSpans,
  };
}
