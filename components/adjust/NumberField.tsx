import { useId } from 'preact/hooks';

/** A labelled field the trader types a number (or a short word) into, as the adjustment forms use it. */
export function NumberField({
  label,
  value,
  onValue,
  placeholder,
  isWords = false,
}: {
  label: string;
  value: string;
  onValue: (value: string) => void;
  placeholder?: string;
  /** Words, not a number: no numeric keyboard. */
  isWords?: boolean;
}) {
  const id = `tr-${useId()}`;
  return (
    <label for={id}>
      {label}
      <input
        id={id}
        inputMode={isWords ? 'text' : 'decimal'}
        autocomplete="off"
        placeholder={placeholder}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </label>
  );
}
