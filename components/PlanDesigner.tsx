import { useEffect, useMemo, useState } from 'preact/hooks';

import { checkPlan } from '../lib/checks/check-plan';
import { Decimal, toCanonical } from '../lib/decimal';
import type { PlanTemplateView } from '../lib/messages/planner';
import { PRESETS } from '../lib/plan/presets';
import { planLadder } from '../lib/sim/ladder';
import { roundLevel } from '../lib/sizing/round';
import { ladderChartData, priceFormatter } from './chart-data';
import type { HistorySource } from './HistoryReplay';
import { LadderChart } from './LadderChart';
import { draftFromJson, draftFromText, draftWithField, draftWithText, type Draft } from './plan-form/draft';
import { withDraggedLevel } from './plan-form/drag-level';
import type { JsonObject } from './plan-form/plan-json';
import { PlanForm } from './plan-form/PlanForm';
import { PlanCheck, type SaveResult } from './PlanCheck';
import { PlanJsonView } from './PlanJsonView';
import { PlanStart, type TemplateResult } from './PlanStart';
import { RiskTable } from './RiskTable';
import { SignalPaste } from './SignalPaste';
import { SimulatorPanel } from './SimulatorPanel';

export interface PlanDesignerProps {
  /** The draft stored when the planner was last open; null: start from a preset. */
  readonly initialText: string | null;
  /** Every change of the plan file's text, for the draft to survive a reload. */
  readonly onDraftText: (text: string) => void;
  readonly saveResult: SaveResult | null;
  readonly isSaving: boolean;
  /** The plan file's text once it is a valid plan: stored by the background as a draft. */
  readonly onSaveDraft: (text: string) => void;
  /** The plan file's text, as a file named after the plan. */
  readonly onExport: (text: string, planName: string) => void;
  readonly onShowSaved: (planId: string) => void;
  readonly templates: readonly PlanTemplateView[];
  readonly templateResult: TemplateResult | null;
  readonly onSaveTemplate: (label: string, plan: JsonObject) => void;
  readonly onDeleteTemplate: (templateId: string) => void;
  /** The trader's account defaults, for a pasted signal's risk. */
  readonly account: { readonly equity: string; readonly riskPercent: string };
  readonly history: HistorySource | null;
}

const START_PLAN = (PRESETS[1] ?? PRESETS[0])?.plan ?? {};

/**
 * The planner's design tab: a plan from a preset, a template, a file or a pasted signal,
 * written in a form (the JSON beside it for those who want it), checked as it is typed,
 * its ladder drawn — drag a level to move it — with the risk per tranche, then replayed on
 * price data against a single entry.
 */
export function PlanDesigner(props: PlanDesignerProps) {
  const [draft, setDraft] = useState<Draft>(() =>
    props.initialText === null ? draftFromJson(START_PLAN) : draftFromText(props.initialText),
  );
  const [signalAccount, setSignalAccount] = useState(props.account);
  useEffect(() => setSignalAccount(props.account), [props.account.equity, props.account.riskPercent]);
  const { onDraftText } = props;
  useEffect(() => onDraftText(draft.text), [draft.text, onDraftText]);

  const check = useMemo(() => checkPlan(draft.json), [draft.json]);
  const plan = check.ok ? check.plan : null;
  const ladder = useMemo(() => (plan === null ? null : planLadder(plan)), [plan]);
  const chart = useMemo(
    () => (ladder?.ok === true ? ladderChartData(ladder, plan?.levels) : null),
    [ladder, plan],
  );
  const formatValue = useMemo(() => (plan === null ? null : priceFormatter(plan)), [plan]);
  const stepNames = chart?.stepNames;
  const formatStep = useMemo(() => (time: number) => stepNames?.[time - 1] ?? '', [stepNames]);
  const tick = plan?.instrument.tickSize ?? null;
  const snapPrice = useMemo(
    () =>
      tick === null
        ? undefined
        : (price: number) => Number(roundLevel(new Decimal(price), new Decimal(tick))),
    [tick],
  );
  const load = (json: JsonObject) => setDraft(draftFromJson(json));
  const onDragLevel = (key: string, price: number) => {
    if (plan === null || ladder?.ok !== true || tick === null) return;
    const snapped = toCanonical(roundLevel(new Decimal(price), new Decimal(tick)));
    const moved = withDraggedLevel(draft.json, plan, ladder, key, snapped);
    if (moved !== null) load(moved);
  };
  return (
    <div class="tr-designer">
      <section class="tr-section" aria-labelledby="tr-editor-title">
        <h2 id="tr-editor-title">Plan</h2>
        <PlanStart
          presets={PRESETS}
          templates={props.templates}
          templateResult={props.templateResult}
          canSaveTemplate={check.ok && draft.error === null}
          onPreset={(id) => {
            const preset = PRESETS.find((candidate) => candidate.id === id);
            if (preset !== undefined) load(preset.plan);
          }}
          onTemplate={(id) => {
            const template = props.templates.find((candidate) => candidate.id === id);
            if (template !== undefined) load(template.plan);
          }}
          onOpenFile={(text) => setDraft((current) => draftWithText(current, text))}
          onSaveTemplate={(label) => props.onSaveTemplate(label, draft.json)}
          onDeleteTemplate={props.onDeleteTemplate}
        />
        <details class="tr-signal-box">
          <summary>Paste a signal</summary>
          <SignalPaste
            equity={signalAccount.equity}
            riskPercent={signalAccount.riskPercent}
            onAccount={(equity, riskPercent) => setSignalAccount({ equity, riskPercent })}
            onPlan={load}
          />
        </details>
      </section>
      <div class="tr-designer-grid">
        <div class="tr-designer-form">
          <PlanForm
            json={draft.json}
            problems={check.ok ? [] : check.problems}
            onSet={(path, value) => setDraft((current) => draftWithField(current, path, value))}
          />
          <PlanJsonView
            text={draft.text}
            error={draft.error}
            onText={(text) => setDraft((current) => draftWithText(current, text))}
          />
        </div>
        <div class="tr-designer-side">
          <PlanCheck
            check={check}
            isTextUnread={draft.error !== null}
            saveResult={props.saveResult}
            isSaving={props.isSaving}
            onSaveDraft={() => props.onSaveDraft(draft.text)}
            onExport={() => props.onExport(draft.text, plan?.name ?? '')}
            onShowSaved={props.onShowSaved}
          />
          <section class="tr-section" aria-labelledby="tr-ladder-title">
            <h2 id="tr-ladder-title">
              Ladder{plan === null ? '' : ` · ${plan.instrument.symbol} ${plan.side}`}
              <span class="tr-muted" style={{ fontWeight: 400 }}>
                {' '}
                — every level filling where planned
              </span>
            </h2>
            {plan === null && <p class="tr-muted">The ladder appears when the plan is valid.</p>}
            {ladder?.ok === false && <p class="tr-muted">No ladder: {ladder.reason}.</p>}
            {plan !== null && ladder?.ok === true && chart !== null && formatValue !== null && (
              <div class="tr-ladder">
                <LadderChart
                  label={`The planned ladder of ${plan.name || plan.instrument.symbol}: ${chart.levels.map((level) => level.title).join(', ')}`}
                  series={chart.series}
                  levels={chart.levels}
                  height={300}
                  formatValue={formatValue}
                  formatTime={formatStep}
                  onDragLevel={onDragLevel}
                  snapPrice={snapPrice}
                />
                <p class="tr-hint">
                  Drag the entry, the stop, an add or a target up or down: the form follows.
                </p>
                <RiskTable plan={plan} ladder={ladder} />
              </div>
            )}
          </section>
        </div>
      </div>
      <SimulatorPanel plan={plan} history={props.history} />
    </div>
  );
}
