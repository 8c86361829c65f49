import { parsePrice, readNumberText } from '../../price';
import type { PriceConvention } from '../../price';

export type DomPriceReading = { ok: true; price: string } | { ok: false; reason: string };

/**
 * The price one element shows (through lib/price; docs/page-reading.md#reading-a-number), or why it
 * shows none.
 */
export function readElementPrice(el: Element, convention: PriceConvention | undefined): DomPriceReading {
  const shown = readNumberText(el);
  const parsed = shown.ok ? parsePrice(shown.text, convention) : shown;
  return parsed.ok ? { ok: true, price: parsed.value } : parsed;
}

/**
 * Reads the price shown by every element a selector finds. A page may repeat its last
 * price (a sticky header, say): that is fine when every copy agrees. Copies that disagree
 * mean the selector sees a list of prices, which has no single last price.
 */
export function readDomPrice(
  root: ParentNode,
  selector: string,
  convention: PriceConvention | undefined,
): DomPriceReading {
  let elements: Element[];
  try {
    elements = Array.from(root.querySelectorAll(selector));
  } catch {
    return { ok: false, reason: `"${selector}" is not a valid CSS selector` };
  }
  if (elements.length === 0) return { ok: false, reason: `nothing on the page matches ${selector}` };
  const values = new Set<string>();
  let firstProblem: string | undefined;
  for (const el of elements) {
    const parsed = readElementPrice(el, convention);
    if (parsed.ok) values.add(parsed.price);
    else firstProblem ??= parsed.reason;
    // Two different prices settle it; reading the rest of a long list would only cost time.
    if (values.size > 1) {
      return {
        ok: false,
        reason: `${selector} matches ${elements.length} elements showing different prices (${[...values].join(', ')}, …): a list of prices has no single last price`,
      };
    }
  }
  if (firstProblem !== undefined) {
    return {
      ok: false,
      reason:
        elements.length === 1
          ? `${selector} shows no readable price: ${firstProblem}`
          : `${selector} matches ${elements.length} elements and not all show a price: ${firstProblem}`,
    };
  }
  const [price] = values;
  if (price === undefined) return { ok: false, reason: `nothing on the page matches ${selector}` };
  return { ok: true, price };
}
