import type { Problem } from '../../lib/plan/problems';

/** A field's problems under it, in the words `tranche validate` uses; `id` is what the input is described by. */
export function FieldProblems({ id, problems }: { id: string; problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <span id={id} class="tr-error tr-field-error">
      {problems.map((problem) => problem.message).join('; ')}
    </span>
  );
}
