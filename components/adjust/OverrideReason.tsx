import { useId, useState } from 'preact/hooks';

/** The guard can be overridden only with the trader's reason, in words. */
export function OverrideReason({
  isSending,
  onOverride,
}: {
  isSending: boolean;
  onOverride: (reason: string) => void;
}) {
  const id = `tr-${useId()}`;
  const [reason, setReason] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    if (reason.trim() !== '') onOverride(reason.trim());
  };
  return (
    <form class="tr-form" aria-label="Override the plan" onSubmit={submit}>
      <label for={`${id}-reason`} style={{ flexBasis: '100%' }}>
        Why go against the plan? (kept in the journal)
        <textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={500}
          value={reason}
          onInput={(event) => setReason(event.currentTarget.value)}
        />
      </label>
      <button type="submit" class="tr-button tr-danger" disabled={isSending || reason.trim() === ''}>
        Override and apply
      </button>
    </form>
  );
}
