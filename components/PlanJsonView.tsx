export interface PlanJsonViewProps {
  readonly text: string;
  /** Why the text is not a plan object (the form keeps the last one that was). */
  readonly error: string | null;
  readonly onText: (text: string) => void;
}

/**
 * The plan file itself, for those who write JSON: the form prints every change here, and
 * text typed here fills the form as soon as it reads as a JSON object.
 */
export function PlanJsonView({ text, error, onText }: PlanJsonViewProps) {
  return (
    <details class="tr-advanced">
      <summary>Advanced: the plan file (JSON)</summary>
      <label for="tr-editor-text" class="tr-visually-hidden">
        Plan JSON
      </label>
      <textarea
        id="tr-editor-text"
        class="tr-editor"
        value={text}
        spellcheck={false}
        aria-invalid={error !== null}
        aria-describedby={error === null ? undefined : 'tr-editor-error'}
        onInput={(event) => onText(event.currentTarget.value)}
      />
      {error !== null && (
        <p id="tr-editor-error" class="tr-error" role="alert">
          {error} The form keeps the last plan that read.
        </p>
      )}
    </details>
  );
}
