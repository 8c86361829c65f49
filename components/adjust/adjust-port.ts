import { Decimal, isDecimalString, toCanonical } from '../../lib/decimal';
import type { ReplyOf } from '../../lib/messages/replies';

/**
 * What the adjustment components send and get back: an adjustment as its flat fields
 * (the background reads it with the plan format's schema), and the background's answer.
 */
export type AdjustmentFields = Readonly<Record<string, string | number | boolean>>;
export type AdjustReply = ReplyOf<'plan-adjust'>;

/** Ask for the preview of an adjustment, or apply it once under `requestId`. */
export type AdjustSender = (
  mode: 'preview' | 'apply',
  adjustment: AdjustmentFields,
  requestId: string,
) => Promise<AdjustReply>;

/** What a form gives: the adjustment to preview, or why the trader's input is not one. */
export type FormResult = { ok: true; adjustment: AdjustmentFields } | { ok: false; message: string };

/** A number the trader typed (thousands separators dropped), as a canonical decimal above 0. */
export function typedNumber(
  text: string,
  what: string,
): { ok: true; value: string } | { ok: false; message: string } {
  const cleaned = text.trim().replace(/[,\s]/g, '');
  if (!isDecimalString(cleaned) || !new Decimal(cleaned).gt(0)) {
    return { ok: false, message: `${what} "${text}" is not a number above 0` };
  }
  return { ok: true, value: toCanonical(new Decimal(cleaned)) };
}
