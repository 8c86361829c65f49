import type { FormProps } from './form-props';
import { valueAt } from './plan-json';

/** How many rows a list of the plan holds (0 when it is not a list). */
export function listLength(form: FormProps, key: string): number {
  const list = valueAt(form.json, [key]);
  return Array.isArray(list) ? list.length : 0;
}

/** One more row at the end of a list, with `row` as its start. */
export function appendRow(form: FormProps, key: string, row: unknown): void {
  form.onSet([key, listLength(form, key)], row);
}

/** A row taken out; the list goes when it is left empty (an empty list is the default). */
export function removeRow(form: FormProps, key: string, index: number): void {
  form.onSet([key, index], undefined);
  if (listLength(form, key) <= 1) form.onSet([key], undefined);
}
