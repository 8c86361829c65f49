import type { ComponentChildren } from 'preact';

import type { Problem } from '../../lib/plan/problems';
import { HelpLink } from './HelpLink';

export interface FormSectionProps {
  readonly title: string;
  /** Its section of docs/plan-format.md. */
  readonly anchor: string;
  /** Problems about the section as a whole (`scaleOut`: the shares add up to more than 100 %). */
  readonly problems: readonly Problem[];
  readonly children: ComponentChildren;
}

/** A part of the plan form with its title, its help link and what is wrong with it as a whole. */
export function FormSection({ title, anchor, problems, children }: FormSectionProps) {
  return (
    <fieldset class="tr-fieldset" data-section={anchor}>
      <legend>
        {title} <HelpLink anchor={anchor} topic={title.toLowerCase()} />
      </legend>
      {problems.length > 0 && (
        <p class="tr-error" style={{ margin: '0 0 4px' }}>
          {problems.map((problem) => problem.message).join('; ')}
        </p>
      )}
      <div class="tr-fields">{children}</div>
    </fieldset>
  );
}
