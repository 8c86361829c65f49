import { useMemo, useState } from 'preact/hooks';

import { checkPlan } from '../lib/checks/check-plan';
import { instrumentForPage } from '../lib/instruments/page-instrument';
import { INSTRUMENT_TABLE_DATE } from '../lib/instruments/table';
import type { PageQuoteView } from '../lib/messages/planner';
import { QUICK_LADDERS, quickPlanJson, type QuickPlanInput } from '../lib/plan/quick-plan';
import { formatProblem } from '../lib/plan/problems';
import { planLadder } from '../lib/sim/ladder';
import * as format from './format';
import { ChoiceField } from './plan-form/ChoiceField';
import { STOP_KINDS } from './plan-form/measures';
import { formSlotOf, problemSlots, problemsIn } from './plan-form/problem-slots';
import { TextField } from './plan-form/TextField';
import { RiskTable } from './RiskTable';

export interface QuickPlanProps {
  /** The page the trader is on: its venue, symbol and last price. */
  readonly page: PageQuoteView;
  /** The trader's account defaults ("" where not set). */
  readonly account: { readonly equity: string; readonly riskPercent: string };
  readonly isArming: boolean;
  /** Why the last arming failed, from the background. */
  readonly armError: string | null;
  /** Import and arm the plan; `account` when the trader wants the equity and risk kept as defaults. */
  readonly onArm: (
    plan: Record<string, unknown>,
    account: { readonly equity: string; readonly riskPercent: string } | null,
  ) => void;
  readonly onClose: () => void;
}

/** Where each quick field's problems come from (plan paths, grouped as the plan form groups them). */
const QUICK_SLOTS = {
  entry: ['entry', 'entry.price', 'entry.when'],
  stop: ['stop', 'volatility', 'volatility.atr'],
  equity: ['account.equity'],
  risk: ['account', 'account.riskPercent'],
  tickSize: ['instrument.tickSize'],
  lotStep: ['instrument.lotStep'],
  minQty: ['instrument.minQty'],
  minNotional: ['instrument.minNotional'],
} as const;

/** The exchange's steps, editable below the summary line: each a plan field of the instrument. */
const EXCHANGE_STEPS = [
  ['tickSize', 'Tick size'],
  ['lotStep', 'Lot step'],
  ['minQty', 'Min quantity'],
  ['minNotional', 'Min order value'],
] as const;

const SOURCE_WORDS = {
  table: `from the instrument table (${INSTRUMENT_TABLE_DATE})`,
  price: 'from the last price’s decimals: check them',
  none: 'no price yet: type them',
} as const;

/**
 * "Plan a trade here": the page's venue, symbol and last price filled in; a side, a stop,
 * the risk and a ladder make a complete plan, whose ladder and risk per tranche show
 * before it is armed. The exchange steps come from the instrument table, else from the
 * price, and stay editable.
 */
export function QuickPlan({ page, account, isArming, armError, onArm, onClose }: QuickPlanProps) {
  const steps = useMemo(() => instrumentForPage(page.venue, page.symbol, page.price), [page]);
  const [input, setInput] = useState<QuickPlanInput>(() => ({
    venue: page.venue,
    symbol: page.symbol,
    side: 'long',
    entryPrice: page.price ?? '',
    entryWhen: 'touch',
    stopKind: 'price',
    stopValue: '',
    atr: '',
    equity: account.equity,
    riskPercent: account.riskPercent,
    ladderId: QUICK_LADDERS[0]?.id ?? 'single',
    tickSize: steps.spec?.tickSize ?? '',
    lotStep: steps.spec?.lotStep ?? '',
    minQty: steps.spec?.minQty ?? '',
    minNotional: steps.spec?.minNotional ?? '',
    pointValue: steps.spec?.pointValue ?? '',
  }));
  const [isRemembered, setIsRemembered] = useState(account.equity === '' || account.riskPercent === '');
  const set = (change: Partial<QuickPlanInput>) => setInput((current) => ({ ...current, ...change }));
  const json = useMemo(() => quickPlanJson(input), [input]);
  const check = useMemo(() => checkPlan(json), [json]);
  const ladder = useMemo(() => (check.ok ? planLadder(check.plan) : null), [check]);
  const problems = check.ok ? [] : check.problems;
  const slots = useMemo(() => problemSlots(problems), [problems]);
  const at = (slot: keyof typeof QUICK_SLOTS) => QUICK_SLOTS[slot].flatMap((name) => problemsIn(slots, name));
  const shownSlots = new Set<string>(Object.values(QUICK_SLOTS).flat());
  const others = problems.filter((problem) => !shownSlots.has(formSlotOf(problem.field)));
  const instrumentProblems = [...at('tickSize'), ...at('lotStep'), ...at('minQty'), ...at('minNotional')];
  return (
    <section class="tr-quick" aria-label={`Plan a trade on ${page.symbol}`}>
      <div class="tr-header">
        <h1>Plan a trade · {page.symbol}</h1>
        <button type="button" class="tr-button" aria-label="Close the quick plan" onClick={onClose}>
          ×
        </button>
      </div>
      <div class="tr-quick-body">
        <p class="tr-muted" style={{ margin: 0 }}>
          {page.venue} · last{' '}
          <strong class="tr-quick-price">
            {page.price === null ? '—' : format.price(page.price, input.tickSize || '0.00000001')}
          </strong>
          {page.ageSeconds !== null && ` · ${format.age(page.ageSeconds)}`}
          {page.isStale && <span class="tr-stale"> · stale</span>}
        </p>
        <div class="tr-segmented" role="radiogroup" aria-label="Side">
          {(['long', 'short'] as const).map((side) => (
            <label key={side} class={`tr-segment tr-${side}${input.side === side ? ' tr-segment-on' : ''}`}>
              <input
                type="radio"
                name="tr-quick-side"
                value={side}
                checked={input.side === side}
                onChange={() => set({ side })}
              />
              {side === 'long' ? 'Long' : 'Short'}
            </label>
          ))}
        </div>
        <div class="tr-fields">
          <TextField
            label="Entry"
            name="entry.price"
            value={input.entryPrice}
            isNumber
            problems={at('entry')}
            onValue={(entryPrice) => set({ entryPrice })}
          />
          <ChoiceField
            label="Fills when the price"
            name="entry.when"
            value={input.entryWhen}
            choices={[
              { value: 'touch', label: 'touches it' },
              { value: 'above', label: 'breaks above' },
              { value: 'below', label: 'dips below' },
            ]}
            problems={[]}
            onChoice={(entryWhen) => set({ entryWhen })}
          />
          <TextField
            label="Stop"
            name="stop"
            value={input.stopValue}
            isNumber
            problems={at('stop')}
            onValue={(stopValue) => set({ stopValue })}
          />
          <ChoiceField
            label="Stop in"
            name="stop.kind"
            value={input.stopKind}
            choices={STOP_KINDS}
            problems={[]}
            onChoice={(stopKind) => set({ stopKind })}
          />
          {input.stopKind === 'atr' && (
            <TextField
              label="ATR"
              name="volatility.atr"
              value={input.atr}
              isNumber
              hint="as the chart shows it"
              problems={[]}
              onValue={(atr) => set({ atr })}
            />
          )}
          <TextField
            label="Equity"
            name="account.equity"
            value={input.equity}
            isNumber
            problems={at('equity')}
            onValue={(equity) => set({ equity })}
          />
          <TextField
            label="Risk %"
            name="account.riskPercent"
            value={input.riskPercent}
            isNumber
            problems={at('risk')}
            onValue={(riskPercent) => set({ riskPercent })}
          />
          <ChoiceField
            label="Ladder"
            name="ladder"
            value={input.ladderId}
            choices={QUICK_LADDERS.map((ladderChoice) => ({
              value: ladderChoice.id,
              label: ladderChoice.label,
            }))}
            problems={[]}
            onChoice={(ladderId) => set({ ladderId })}
          />
        </div>
        <details class="tr-quick-steps" open={instrumentProblems.length > 0 || steps.source === 'none'}>
          <summary>
            Tick {input.tickSize || '?'} · lot {input.lotStep || '?'}
            {input.minQty !== '' && ` · min ${input.minQty}`}
            {input.minNotional !== '' && ` · min value ${input.minNotional}`}{' '}
            <span class="tr-muted">{SOURCE_WORDS[steps.source]}</span>
          </summary>
          <div class="tr-fields">
            {EXCHANGE_STEPS.map(([key, label]) => (
              <TextField
                key={key}
                label={label}
                name={`instrument.${key}`}
                value={input[key]}
                isNumber
                problems={at(key)}
                onValue={(value) => set({ [key]: value })}
              />
            ))}
          </div>
        </details>
        {others.length > 0 && (
          <ul class="tr-problems" aria-label="Problems">
            {others.map((problem) => (
              <li key={formatProblem(problem)}>{formatProblem(problem)}</li>
            ))}
          </ul>
        )}
        {check.ok && ladder?.ok === true && <RiskTable plan={check.plan} ladder={ladder} isCompact />}
        {check.ok && check.warnings.length > 0 && (
          <ul class="tr-problems tr-warn" aria-label="Warnings">
            {check.warnings.map((warning) => (
              <li key={formatProblem(warning)}>{warning.message}</li>
            ))}
          </ul>
        )}
        {armError !== null && (
          <p class="tr-error" role="alert">
            {armError}
          </p>
        )}
        <div class="tr-actions" style={{ alignItems: 'center' }}>
          <label class="tr-check tr-muted" style={{ flex: 1 }}>
            <input
              type="checkbox"
              checked={isRemembered}
              onChange={(event) => setIsRemembered(event.currentTarget.checked)}
            />
            Keep equity and risk as my defaults
          </label>
          <button
            type="button"
            class="tr-button tr-primary"
            disabled={!check.ok || isArming}
            onClick={() =>
              onArm(
                json,
                isRemembered ? { equity: input.equity.trim(), riskPercent: input.riskPercent.trim() } : null,
              )
            }
          >
            Arm this plan
          </button>
        </div>
      </div>
    </section>
  );
}
