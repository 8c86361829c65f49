import { useId, useState } from 'preact/hooks';

import type { Problem } from '../../lib/plan/problems';
import type { Choice } from './ChoiceField';
import { FieldProblems } from './FieldProblems';
import { isObject } from './plan-json';

export interface MeasureFieldProps<K extends string> {
  readonly label: string;
  readonly name: string;
  /** The measure as the file holds it: `{ "r": "2" }`, or anything else the trader wrote. */
  readonly measure: unknown;
  readonly kinds: readonly Choice<K>[];
  readonly problems: readonly Problem[];
  /** The new measure, or undefined when its value was emptied. */
  readonly onMeasure: (measure: Record<string, string | number> | undefined) => void;
  readonly hint?: string;
  /** Units whose value is a whole number written as a JSON number (an ATR period). */
  readonly wholeKinds?: readonly K[];
}

/**
 * A level, distance or stop: its unit and its value. The unit the file names wins; until
 * a value is typed, the chosen unit is held here (an empty value is not written).
 */
export function MeasureField<K extends string>(props: MeasureFieldProps<K>) {
  const id = useId();
  const [first] = props.kinds;
  const [chosen, setChosen] = useState<K | undefined>(first?.value);
  const written = isObject(props.measure)
    ? props.kinds.find((kind) => props.measure !== undefined && kind.value in (props.measure as object))
    : undefined;
  const kind = written?.value ?? chosen ?? first?.value;
  const raw = written === undefined ? undefined : (props.measure as Record<string, unknown>)[written.value];
  const value = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '';
  const hasProblems = props.problems.length > 0;
  const write = (nextKind: K | undefined, text: string) => {
    if (nextKind === undefined || text.trim() === '') return props.onMeasure(undefined);
    const isWhole = props.wholeKinds?.includes(nextKind) === true && /^\d{1,15}$/u.test(text.trim());
    props.onMeasure({ [nextKind]: isWhole ? Number(text.trim()) : text });
  };
  return (
    <div class="tr-field tr-measure" data-field={props.name}>
      <label for={id}>{props.label}</label>
      <span class="tr-measure-inputs">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autocomplete="off"
          spellcheck={false}
          value={value}
          aria-invalid={hasProblems}
          aria-describedby={hasProblems ? `${id}-problems` : undefined}
          onInput={(event) => write(kind, event.currentTarget.value)}
        />
        <select
          class="tr-select"
          aria-label={`${props.label}: unit`}
          value={kind}
          onChange={(event) => {
            const next = props.kinds.find((candidate) => candidate.value === event.currentTarget.value);
            setChosen(next?.value);
            if (value !== '') write(next?.value, value);
          }}
        >
          {props.kinds.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </span>
      {props.hint !== undefined && <span class="tr-hint">{props.hint}</span>}
      <FieldProblems id={`${id}-problems`} problems={props.problems} />
    </div>
  );
}
