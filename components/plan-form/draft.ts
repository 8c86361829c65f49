import { parsePlanText } from '../../lib/plan/plan-text';
import { PLAN_FORMAT } from '../../lib/plan/schema';
import type { FieldPath, JsonObject } from './plan-json';
import { isObject, planText, withValueAt } from './plan-json';

/**
 * The plan being designed, seen two ways: the form's JSON and the advanced view's text.
 * An edit in the form prints the file again; an edit of the text that reads as a JSON
 * object fills the form; text that does not read keeps what was typed, says why, and
 * leaves the form as it was.
 */
export interface Draft {
  readonly json: JsonObject;
  readonly text: string;
  /** Why the text is not a plan object; null when the form shows exactly the text. */
  readonly error: string | null;
}

export function draftFromJson(json: JsonObject): Draft {
  return { json, text: planText(json), error: null };
}

/** The advanced view edited: the form follows when the text is a JSON object. */
export function draftWithText(draft: Draft, text: string): Draft {
  const read = parsePlanText(text, 'The plan file');
  if (!read.ok) return { ...draft, text, error: read.error };
  if (!isObject(read.json)) return { ...draft, text, error: 'The plan file is not an object { … }.' };
  return { json: read.json, text, error: null };
}

/** A stored draft's text on a reload: its form when it reads, else an empty plan beside the text. */
export function draftFromText(text: string): Draft {
  return draftWithText(draftFromJson({ format: PLAN_FORMAT }), text);
}

/** One field of the form changed. */
export function draftWithField(draft: Draft, path: FieldPath, value: unknown): Draft {
  return draftFromJson(withValueAt(draft.json, path, value));
}
