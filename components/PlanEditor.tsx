import type { Preset } from '../lib/plan/presets';
import type { TextCheck } from '../lib/checks/plan-text-check';
import { formatProblem } from '../lib/plan/problems';

/** What the last "Save as draft" gave. */
export type SaveResult =
  | { readonly kind: 'saved'; readonly name: string; readonly id: string }
  | { readonly kind: 'refused'; readonly error: string; readonly problems: readonly string[] };

export interface PlanEditorProps {
  readonly text: string;
  readonly check: TextCheck;
  readonly presets: readonly Preset[];
  readonly saveResult: SaveResult | null;
  readonly isSaving: boolean;
  readonly onText: (text: string) => void;
  readonly onPreset: (presetId: string) => void;
  /** A plan file chosen to edit: its text and name. */
  readonly onOpenFile: (text: string, fileName: string) => void;
  readonly onSaveDraft: () => void;
  readonly onExport: () => void;
  readonly onShowSaved: (planId: string) => void;
}

/**
 * The plan as JSON, checked at every keystroke: the problems listed under it field by
 * field (the same words as `tranche validate`), presets to start from, a plan file to
 * open, and the plan out again as a draft in Tranche or as a file.
 */
export function PlanEditor(props: PlanEditorProps) {
  const { check, saveResult } = props;
  const isValid = check.kind === 'valid';
  return (
    <section class="tr-section" aria-labelledby="tr-editor-title">
      <h2 id="tr-editor-title">Plan</h2>
      <div class="tr-actions" style={{ marginTop: 0, alignItems: 'center' }}>
        <label class="tr-check">
          Start from a preset:{' '}
          <select
            class="tr-select"
            value=""
            onChange={(event) => {
              const id = event.currentTarget.value;
              if (id !== '') props.onPreset(id);
            }}
          >
            <option value="">Choose…</option>
            {props.presets.map((preset) => (
              <option key={preset.id} value={preset.id} title={preset.summary}>
                {preset.label}
              </option>
            ))}
          </select>
        </label>
        <label class="tr-check">
          or open a plan file:{' '}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (file !== undefined) void file.text().then((text) => props.onOpenFile(text, file.name));
              input.value = '';
            }}
          />
        </label>
      </div>
      <label for="tr-editor-text" class="tr-visually-hidden">
        Plan JSON
      </label>
      <textarea
        id="tr-editor-text"
        class="tr-editor"
        value={props.text}
        spellcheck={false}
        aria-invalid={!isValid}
        aria-describedby="tr-editor-check"
        onInput={(event) => props.onText(event.currentTarget.value)}
      />
      <div id="tr-editor-check" aria-live="polite">
        {check.kind === 'unreadable' && <p class="tr-error">{check.error}</p>}
        {check.kind === 'invalid' && (
          <>
            <p class="tr-error" style={{ margin: '6px 0 0' }}>
              {check.problems.length === 1 ? 'One problem' : `${check.problems.length} problems`} to fix:
            </p>
            <ul class="tr-problems" aria-label="Problems">
              {check.problems.map((problem) => (
                <li key={formatProblem(problem)} data-field={problem.field}>
                  <code>{problem.field}</code>: {problem.message}
                </li>
              ))}
            </ul>
          </>
        )}
        {check.kind === 'valid' && (
          <p class="tr-ok" style={{ margin: '6px 0 0' }}>
            ✓ Valid plan{check.warnings.length > 0 ? ', with warnings:' : '.'}
          </p>
        )}
        {check.kind === 'valid' && check.warnings.length > 0 && (
          <ul class="tr-problems tr-warn" aria-label="Warnings">
            {check.warnings.map((warning) => (
              <li key={formatProblem(warning)} data-field={warning.field}>
                <code>{warning.field}</code>: {warning.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div class="tr-actions">
        <button
          type="button"
          class="tr-button tr-primary"
          disabled={!isValid || props.isSaving}
          onClick={props.onSaveDraft}
        >
          Save as draft
        </button>
        <button type="button" class="tr-button" disabled={!isValid} onClick={props.onExport}>
          Export plan file
        </button>
        {saveResult?.kind === 'saved' && (
          <span role="status">
            Saved “{saveResult.name}” as a draft.{' '}
            <button type="button" class="tr-link" onClick={() => props.onShowSaved(saveResult.id)}>
              See it in Plans
            </button>
          </span>
        )}
      </div>
      {saveResult?.kind === 'refused' && (
        <div role="alert" class="tr-error">
          {saveResult.error}
          {saveResult.problems.length > 0 && (
            <ul class="tr-problems">
              {saveResult.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
