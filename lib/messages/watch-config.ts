import * as z from 'zod/mini';

import { DecimalMarkSchema, ErrorTextSchema, SelectorSchema, SymbolSchema } from './fields';

/*
 * The one reply a content script reads (its answer to `watch-config`). It lives in its
 * own file so that the content script's import graph holds this schema and nothing else
 * from lib/messages.
 */

/** How a page is watched; the background builds it from the stored watch settings. */
export const WatchConfigSchema = z.strictObject({
  /** A price not refreshed for this long is stale (docs/page-reading.md#page-safety). */
  staleAfterSeconds: z.number().check(z.int(), z.minimum(1), z.maximum(86_400)),
  /** A read this far (in percent) from the last confirmed price is held until a second read confirms it. */
  jumpHoldPercent: z.number().check(z.positive(), z.maximum(1000)),
  /** Set when the trader picked the price element on this origin (checked from the sender, not claimed). */
  picked: z.nullable(
    z.strictObject({
      selector: SelectorSchema,
      /** The symbol the trader confirmed while picking; null: read it from the title. */
      symbol: z.nullable(SymbolSchema),
      decimalMark: z.nullable(DecimalMarkSchema),
    }),
  ),
});
export type WatchConfig = z.infer<typeof WatchConfigSchema>;

export const WatchConfigReplySchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), config: WatchConfigSchema }),
  z.strictObject({ ok: z.literal(false), error: ErrorTextSchema }),
]);
export type WatchConfigReply = z.infer<typeof WatchConfigReplySchema>;
