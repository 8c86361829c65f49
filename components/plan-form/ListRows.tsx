import type { ComponentChildren } from 'preact';

import type { Problem } from '../../lib/plan/problems';

export interface ListRowsProps {
  /** How many rows the file lists. */
  readonly count: number;
  /** "Add", "Target": each row is titled with it and its number. */
  readonly noun: string;
  readonly row: (index: number) => ComponentChildren;
  readonly rowProblems: (index: number) => readonly Problem[];
  readonly onAdd: () => void;
  readonly onRemove: (index: number) => void;
  /** The button's words ("Add a target"). */
  readonly addLabel: string;
  readonly emptyText: string;
}

/** A list of the plan (adds, targets, stop rules, key levels): numbered rows, each removable, and one more. */
export function ListRows(props: ListRowsProps) {
  const rows = Array.from({ length: props.count }, (_, index) => index);
  return (
    <div class="tr-rows">
      {rows.length === 0 && <p class="tr-muted tr-rows-empty">{props.emptyText}</p>}
      {rows.map((index) => {
        const problems = props.rowProblems(index);
        return (
          <div key={index} class="tr-row" role="group" aria-label={`${props.noun} ${index + 1}`}>
            <span class="tr-row-title">
              {props.noun} {index + 1}
            </span>
            {props.row(index)}
            <button
              type="button"
              class="tr-link tr-row-remove"
              aria-label={`Remove ${props.noun.toLowerCase()} ${index + 1}`}
              onClick={() => props.onRemove(index)}
            >
              remove
            </button>
            {problems.length > 0 && (
              <span class="tr-error tr-field-error">
                {problems.map((problem) => problem.message).join('; ')}
              </span>
            )}
          </div>
        );
      })}
      <button type="button" class="tr-button" onClick={props.onAdd}>
        + {props.addLabel}
      </button>
    </div>
  );
}
