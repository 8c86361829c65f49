import type { FieldPath, JsonObject } from './plan-json';
import type { ProblemSlots } from './problem-slots';

/** What every part of the plan form gets: the plan file, its problems by field, and the one way to change it. */
export interface FormProps {
  readonly json: JsonObject;
  readonly slots: ProblemSlots;
  /** Set a field (undefined removes it); the form's owner checks the plan again and prints the file. */
  readonly onSet: (path: FieldPath, value: unknown) => void;
}
