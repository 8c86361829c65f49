import { PlanSchema } from '../../lib/plan/schema';

/*
 * The plan file as the form edits it: plain JSON, changed one field at a time without
 * touching the rest (a field the form does not know survives every edit). The JSON is the
 * one truth: the form shows it, the advanced view prints it.
 */

export type JsonObject = Readonly<Record<string, unknown>>;
/** Where a field lives: `['scaleOut', 1, 'at', 'r']`. */
export type FieldPath = readonly (string | number)[];

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function valueAt(json: unknown, path: FieldPath): unknown {
  let value: unknown = json;
  for (const key of path) {
    if (typeof key === 'number') value = Array.isArray(value) ? value[key] : undefined;
    else value = isObject(value) ? value[key] : undefined;
  }
  return value;
}

/** A field's value as an input shows it: text as written, a number as its digits, anything else empty. */
export function textAt(json: unknown, path: FieldPath): string {
  const value = valueAt(json, path);
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/**
 * The JSON with one field set, or removed when `value` is undefined. Objects on the way
 * are created as needed. An optional section the trader emptied (`limits`, `alerts`,
 * `volatility`) leaves the file; a required one stays, so that its missing field is named.
 */
export function withValueAt(json: unknown, path: FieldPath, value: unknown): JsonObject {
  const [key, ...rest] = path;
  if (key === undefined || typeof key === 'number') return isObject(json) ? json : {};
  const plan: Record<string, unknown> = isObject(json) ? { ...json } : {};
  const next = changedAt(plan[key], rest, value);
  const isEmptied = isObject(next) && Object.keys(next).length === 0 && rest.length > 0;
  if (next === undefined || (isEmptied && OPTIONAL_SECTIONS.has(key))) delete plan[key];
  else plan[key] = next;
  return plan;
}

function changedAt(json: unknown, path: FieldPath, value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  if (typeof key === 'number') {
    const list = Array.isArray(json) ? [...(json as unknown[])] : [];
    const next = changedAt(list[key], rest, value);
    if (next === undefined) list.splice(key, 1);
    else list[key] = next;
    return list;
  }
  const object: Record<string, unknown> = isObject(json) ? { ...json } : {};
  const next = changedAt(object[key], rest, value);
  if (next === undefined) delete object[key];
  else object[key] = next;
  return object;
}

/** A field as the plan's problems name it: `scaleOut[1].at`. */
export function fieldName(path: FieldPath): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name === '' ? key : `${name}.${key}`),
    '',
  );
}

const PLAN_KEYS = Object.keys(PlanSchema.shape);
/** The plan's sections that may be left out (they have a default, or are optional). */
const OPTIONAL_SECTIONS = new Set(
  Object.entries(PlanSchema.shape)
    .filter(([, schema]) => schema.safeParse(undefined).success)
    .map(([key]) => key),
);

/** The plan's top-level fields in the order the format lists them (unknown ones after), so the file reads the same whatever was typed first. */
export function inPlanOrder(json: JsonObject): JsonObject {
  const rank = (key: string) => {
    const at = PLAN_KEYS.indexOf(key);
    return at === -1 ? PLAN_KEYS.length : at;
  };
  return Object.fromEntries(Object.entries(json).sort(([a], [b]) => rank(a) - rank(b)));
}

/** The plan file's text as the advanced view shows it and the draft stores it. */
export function planText(json: JsonObject): string {
  return `${JSON.stringify(inPlanOrder(json), null, 2)}\n`;
}
