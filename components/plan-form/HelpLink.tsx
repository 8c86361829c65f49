/** The plan format reference, rendered into the extension from docs/plan-format.md (entrypoints/plan-format). */
export const PLAN_FORMAT_PAGE = 'plan-format.html';

/** "?": the section of the plan format reference that explains a part of the plan, in a new tab. */
export function HelpLink({ anchor, topic }: { anchor: string; topic: string }) {
  return (
    <a
      class="tr-help"
      href={`${PLAN_FORMAT_PAGE}#${anchor}`}
      target="_blank"
      rel="noopener"
      title={`What ${topic} means, in the plan format reference`}
      aria-label={`Help: ${topic}`}
    >
      ?
    </a>
  );
}
