/**
 * A plan file as the trader hands it over (a chosen or dropped file, pasted text), read
 * into JSON for `checkPlan`; what cannot be read is said in a sentence that names where
 * it came from.
 */
export type PlanText =
  { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly error: string };

/** Far above any real plan (a few kB): a bigger file is not a plan. */
export const MAX_PLAN_TEXT_CHARS = 256 * 1024;

/** A UTF-8 byte-order mark at the start of a file is ignored (plan format, "Numbers and limits"). */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parsePlanText(text: string, source: string): PlanText {
  const trimmed = withoutByteOrderMark(text).trim();
  if (trimmed === '') return { ok: false, error: `${source} is empty: a plan file is JSON.` };
  if (trimmed.length > MAX_PLAN_TEXT_CHARS) {
    return {
      ok: false,
      error: `${source} is ${trimmed.length} characters long: a plan file is a few thousand.`,
    };
  }
  try {
    return { ok: true, json: JSON.parse(trimmed) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${source} is not JSON (${reason}).` };
  }
}

/** The `name` a plan file gives itself, if any (for messages before the plan is checked). */
export function planNameOf(json: unknown): string | null {
  if (typeof json !== 'object' || json === null || !('name' in json)) return null;
  return typeof json.name === 'string' && json.name.trim() !== '' ? json.name : null;
}

export type ExportKind = 'plan' | 'journal-json' | 'journal-csv';

const SUFFIXES: Record<ExportKind, string> = {
  plan: '.plan.json',
  'journal-json': '.journal.json',
  'journal-csv': '.journal.csv',
};

/** "btc-breakout.plan.json": the plan's name made safe for a file name, else its id. */
export function exportFileName(name: string, id: string, kind: ExportKind): string {
  const stem = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${stem === '' ? `plan-${id}` : stem}${SUFFIXES[kind]}`;
}
