import * as z from 'zod/mini';
import { browser } from 'wxt/browser';

import { REPLY_SCHEMAS, type ReplyOf } from '../../lib/messages/replies';
import type { RequestOf, RequestType } from '../../lib/messages/requests';

/**
 * Ask the background, with the reply checked against its schema: a missing or malformed
 * answer becomes `{ ok: false, error }`, like a refusal, never an exception.
 */
export async function ask<T extends RequestType>(request: RequestOf<T>): Promise<ReplyOf<T>> {
  let raw: unknown;
  try {
    raw = await browser.runtime.sendMessage(request);
  } catch (error) {
    return { ok: false, error: `Tranche's background did not answer: ${String(error)}` } as ReplyOf<T>;
  }
  const schema: z.ZodMiniType = REPLY_SCHEMAS[request.type];
  const parsed = z.safeParse(schema, raw);
  return (
    parsed.success ? parsed.data : { ok: false, error: 'Tranche gave a malformed answer.' }
  ) as ReplyOf<T>;
}
