import * as z from 'zod/mini';

/*
 * Field schemas shared by every message. Written with zod/mini so that a content script
 * that validates one reply pulls in ~20 kB instead of the ~90 kB of classic zod
 * (NOTES-env: zod tripled the content script).
 */

/**
 * A price as lib/price prints it: canonical decimal string, no exponent, no trailing
 * zeros, no "+", no "-0" ("97123.45", "0.00001234", "-0.5"). Anything else is refused
 * rather than repaired: a content script that sends "97,123.45" has a bug to surface.
 */
export const CANONICAL_DECIMAL_PATTERN = /^(0|-?[1-9]\d*|-?0\.\d*[1-9]|-?[1-9]\d*\.\d*[1-9])$/;

export const PriceStringSchema = z.string().check(z.maxLength(64), z.regex(CANONICAL_DECIMAL_PATTERN));

/**
 * A canonical decimal above 0: a market price (docs/page-reading.md#reading-a-number: a price of 0
 * is no price).
 */
export const POSITIVE_DECIMAL_PATTERN = /^([1-9]\d*|0\.\d*[1-9]|[1-9]\d*\.\d*[1-9])$/;
export const PositivePriceStringSchema = z.string().check(z.maxLength(64), z.regex(POSITIVE_DECIMAL_PATTERN));

/** Milliseconds since the Unix epoch. */
export const EpochMillisSchema = z
  .number()
  .check(z.int(), z.nonnegative(), z.maximum(Number.MAX_SAFE_INTEGER));

/** A symbol as the page names it; the background normalizes it (lib/sites/symbol) for keys. */
export const SymbolSchema = z.string().check(z.minLength(1), z.maxLength(64));

/**
 * Where a price is traded: an adapter id ("binance-futures") or, for pages no adapter
 * knows (generic title, picked element), the page's host ("127.0.0.1", "example.com").
 */
export const VenueSchema = z.string().check(z.maxLength(255), z.regex(/^[a-z0-9][a-z0-9.:-]*$/));

/** The adapter that read the price ("tradingview", "generic-title") or "picker". */
export const TickSourceSchema = z.string().check(z.maxLength(64), z.regex(/^[a-z0-9][a-z0-9-]*$/));

/** An http(s) origin exactly as URL#origin prints it: "https://example.com", "http://127.0.0.1:8123". */
export const WebOriginSchema = z.string().check(z.maxLength(2048), z.regex(/^https?:\/\/[^/?#\s]+$/));

/** A CSS selector from lib/sites/picker's buildSelector. Bounded so a stored one stays small. */
export const SelectorSchema = z.string().check(z.minLength(1), z.maxLength(2000));

/** The decimal mark the trader confirmed for a picked number that is ambiguous without one ("1,234"). */
export const DecimalMarkSchema = z.enum(['.', ',']);

/** Every refusal and failure crosses as one short sentence, never a stack or a zod dump. */
export const ErrorTextSchema = z.string().check(z.maxLength(500));

/** A page's host as `URL#host` prints it: "www.binance.com", "127.0.0.1:8123" (keys per-site settings). */
export const SITE_HOST_PATTERN = /^[a-z0-9.-]+(:\d{1,5})?$/;
export const SiteHostSchema = z.string().check(z.maxLength(255), z.regex(SITE_HOST_PATTERN));
