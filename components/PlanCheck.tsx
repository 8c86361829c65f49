import type { PlanCheck as Checked } from '../lib/checks/check-plan';
import { formatProblem } from '../lib/plan/problems';

/** What the last "Save as draft" gave. */
export type SaveResult =
  | { readonly kind: 'saved'; readonly name: string; readonly id: string }
  | { readonly kind: 'refused'; readonly error: string; readonly problems: readonly string[] };

export interface PlanCheckProps {
  readonly check: Checked;
  /** The advanced view's text does not read: nothing leaves until it does. */
  readonly isTextUnread: boolean;
  readonly saveResult: SaveResult | null;
  readonly isSaving: boolean;
  readonly onSaveDraft: () => void;
  readonly onExport: () => void;
  readonly onShowSaved: (planId: string) => void;
}

/**
 * The plan as `checkPlan` judges it (the same words as `tranche validate`), every problem
 * with its field, and the plan out again: a draft in Tranche or a file.
 */
export function PlanCheck({ check, isTextUnread, saveResult, ...props }: PlanCheckProps) {
  const canLeave = check.ok && !isTextUnread;
  return (
    <section class="tr-section tr-check-summary" aria-label="Check and save">
      <div aria-live="polite">
        {!check.ok && (
          <>
            <p class="tr-error" style={{ margin: 0 }}>
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
        {check.ok && (
          <p class="tr-ok" style={{ margin: 0 }}>
            ✓ Valid plan{check.warnings.length > 0 ? ', with warnings:' : '.'}
          </p>
        )}
        {check.ok && check.warnings.length > 0 && (
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
          disabled={!canLeave || props.isSaving}
          onClick={props.onSaveDraft}
        >
          Save as draft
        </button>
        <button type="button" class="tr-button" disabled={!canLeave} onClick={props.onExport}>
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
