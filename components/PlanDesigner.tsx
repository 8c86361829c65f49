import { useMemo, useState } from 'preact/hooks';

import { presetText, PRESETS } from '../lib/plan/presets';
import { checkPlanText } from '../lib/checks/plan-text-check';
import { planLadder } from '../lib/sim/ladder';
import { ladderChartData, priceFormatter } from './chart-data';
import { LadderChart } from './LadderChart';
import { PlanEditor, type SaveResult } from './PlanEditor';
import { RiskTable } from './RiskTable';
import { SimulatorPanel } from './SimulatorPanel';

export interface PlanDesignerProps {
  readonly saveResult: SaveResult | null;
  readonly isSaving: boolean;
  /** The editor's text once it is a valid plan: stored by the background as a draft. */
  readonly onSaveDraft: (text: string) => void;
  /** The editor's text, as a file named after the plan. */
  readonly onExport: (text: string, planName: string) => void;
  readonly onShowSaved: (planId: string) => void;
}

const START_TEXT = presetText(PRESETS[1] ?? PRESETS[0]!);

/**
 * The planner's design tab (SPEC §5): write or pick a plan, see it checked as you type,
 * its ladder drawn and its risk per tranche, then replay it on price data against a
 * single entry.
 */
export function PlanDesigner(props: PlanDesignerProps) {
  const [text, setText] = useState(START_TEXT);
  const check = useMemo(() => checkPlanText(text, 'The plan'), [text]);
  const plan = check.kind === 'valid' ? check.plan : null;
  const ladder = useMemo(() => (plan === null ? null : planLadder(plan)), [plan]);
  const chart = useMemo(() => (ladder?.ok === true ? ladderChartData(ladder) : null), [ladder]);
  const formatValue = useMemo(() => (plan === null ? null : priceFormatter(plan)), [plan]);
  const stepNames = chart?.stepNames;
  const formatStep = useMemo(() => (time: number) => stepNames?.[time - 1] ?? '', [stepNames]);
  return (
    <div class="tr-designer">
      <PlanEditor
        text={text}
        check={check}
        presets={PRESETS}
        saveResult={props.saveResult}
        isSaving={props.isSaving}
        onText={setText}
        onPreset={(id) => {
          const preset = PRESETS.find((candidate) => candidate.id === id);
          if (preset !== undefined) setText(presetText(preset));
        }}
        onOpenFile={(opened) => setText(opened)}
        onSaveDraft={() => props.onSaveDraft(text)}
        onExport={() => props.onExport(text, plan?.name ?? '')}
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
            />
            <RiskTable plan={plan} ladder={ladder} />
          </div>
        )}
      </section>
      <SimulatorPanel plan={plan} />
    </div>
  );
}
