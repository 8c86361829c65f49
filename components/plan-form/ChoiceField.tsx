import { useId } from 'preact/hooks';

import type { Problem } from '../../lib/plan/problems';
import { FieldProblems } from './FieldProblems';

export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
}

export interface ChoiceFieldProps<T extends string> {
  readonly label: string;
  readonly name: string;
  readonly value: T;
  readonly choices: readonly Choice<T>[];
  readonly problems: readonly Problem[];
  readonly onChoice: (value: T) => void;
  readonly hint?: string;
}

/** A labelled choice among a few, in trader words. */
export function ChoiceField<T extends string>(props: ChoiceFieldProps<T>) {
  const id = useId();
  const hasProblems = props.problems.length > 0;
  return (
    <div class="tr-field" data-field={props.name}>
      <label for={id}>{props.label}</label>
      <select
        id={id}
        class="tr-select"
        value={props.value}
        aria-invalid={hasProblems}
        aria-describedby={hasProblems ? `${id}-problems` : undefined}
        onChange={(event) => {
          const chosen = props.choices.find((choice) => choice.value === event.currentTarget.value);
          if (chosen !== undefined) props.onChoice(chosen.value);
        }}
      >
        {props.choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {props.hint !== undefined && <span class="tr-hint">{props.hint}</span>}
      <FieldProblems id={`${id}-problems`} problems={props.problems} />
    </div>
  );
}
