import type { FormProps } from './form-props';
import type { FieldPath } from './plan-json';
import { fieldName, textAt } from './plan-json';
import { formSlotOf, problemsIn } from './problem-slots';
import { TextField } from './TextField';

export interface PathFieldProps {
  readonly form: FormProps;
  readonly path: FieldPath;
  readonly label: string;
  readonly hint?: string;
  readonly placeholder?: string;
  /** Words (a name, a label) rather than a number. */
  readonly isText?: boolean;
  /** A whole number (an ATR period, a rule's index), written to the file as a JSON number. */
  readonly isWhole?: boolean;
  /** Values to offer while typing (any other may still be typed). */
  readonly suggestions?: readonly string[];
}

/**
 * A text field bound to one field of the plan file: what is typed is written as typed (a
 * decimal stays the text the trader wrote), emptied is removed, and the field's problems
 * show under it.
 */
export function PathField({
  form,
  path,
  label,
  hint,
  placeholder,
  isText,
  isWhole,
  suggestions,
}: PathFieldProps) {
  const name = fieldName(path);
  return (
    <TextField
      label={label}
      name={name}
      value={textAt(form.json, path)}
      problems={problemsIn(form.slots, formSlotOf(name))}
      hint={hint}
      placeholder={placeholder}
      isNumber={isText !== true}
      isWide={isText === true}
      suggestions={suggestions}
      onValue={(text) => {
        const trimmed = text.trim();
        if (trimmed === '') form.onSet(path, undefined);
        // A whole number is a JSON number in the file; anything else is kept for the check to name.
        else if (isWhole === true && /^\d{1,15}$/u.test(trimmed)) form.onSet(path, Number(trimmed));
        else form.onSet(path, text);
      }}
    />
  );
}
