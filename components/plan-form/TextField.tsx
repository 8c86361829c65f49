import { useId } from 'preact/hooks';

import type { Problem } from '../../lib/plan/problems';
import { FieldProblems } from './FieldProblems';

export interface TextFieldProps {
  readonly label: string;
  /** The plan path it edits, as problems name it (`entry.price`): for tests and screen readers' context. */
  readonly name: string;
  readonly value: string;
  readonly problems: readonly Problem[];
  readonly onValue: (text: string) => void;
  readonly hint?: string;
  readonly placeholder?: string;
  /** A number (decimal keyboard on touch screens) or words. */
  readonly isNumber?: boolean;
  readonly isWide?: boolean;
  /** Values offered while typing (a datalist); any other may still be typed. */
  readonly suggestions?: readonly string[];
}

/** One labelled input, its problems under it as the trader types. */
export function TextField(props: TextFieldProps) {
  const id = useId();
  const hasProblems = props.problems.length > 0;
  return (
    <div class={`tr-field${props.isWide === true ? ' tr-field-wide' : ''}`} data-field={props.name}>
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode={props.isNumber === true ? 'decimal' : 'text'}
        autocomplete="off"
        spellcheck={false}
        value={props.value}
        placeholder={props.placeholder}
        list={props.suggestions === undefined ? undefined : `${id}-suggestions`}
        aria-invalid={hasProblems}
        aria-describedby={hasProblems ? `${id}-problems` : undefined}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
      {props.suggestions !== undefined && (
        <datalist id={`${id}-suggestions`}>
          {props.suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
      {props.hint !== undefined && <span class="tr-hint">{props.hint}</span>}
      <FieldProblems id={`${id}-problems`} problems={props.problems} />
    </div>
  );
}
