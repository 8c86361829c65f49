/** Elements whose text is never part of what the reader sees. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

/** Raised and lowered text: a footnote, an exponent, a count, never digits of the number before it. */
const SMALL_SCRIPT_TAGS = new Set(['SUP', 'SUB']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export type ElementText = { ok: true; text: string } | { ok: false; reason: string };

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  // Animated digit reels are aria-hidden and paired with readable text for screen readers.
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style') ?? '';
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

interface Collected {
  readonly parts: string[];
  /** Digits found in a <sup> or <sub>, with the text before them; the first one found. */
  smallDigits?: { readonly digits: string; readonly before: string };
}

function collect(node: Node, into: Collected): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      const text = child.nodeValue ?? '';
      // Indentation between tags ("</span>\n  <span>") is markup layout, not a digit separator.
      if (/^\s*$/.test(text) && /[\n\r\t]/.test(text)) continue;
      into.parts.push(text.replace(/^[\n\r\t ]*[\n\r\t][\n\r\t ]*|[\n\r\t ]*[\n\r\t][\n\r\t ]*$/g, ''));
    } else if (child.nodeType === ELEMENT_NODE) {
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIPPED_TAGS.has(tag) || isHidden(el)) continue;
      if (SMALL_SCRIPT_TAGS.has(tag)) {
        // A star or a unit in small print is decoration; digits there are no part of the price.
        const digits = (el.textContent ?? '').replace(/\s+/g, '');
        if (/\d/.test(digits)) into.smallDigits ??= { digits, before: into.parts.join('').trim() };
        continue;
      }
      collect(el, into);
    }
  }
}

/**
 * The number an element shows, with digits split across child nodes put back together:
 * `<span>97,12</span><span class="hl">3.45</span>` reads "97,123.45". Digits in a
 * superscript or subscript element are never joined to the number before them
 * (docs/page-reading.md#reading-a-number): `97,123<sup>45</sup>` could be 97,123.45 or a
 * footnote, so it is refused, as is `0.0<sub>4</sub>123`. Hidden children and markup
 * indentation are left out; an `<input>` gives its value.
 */
export function readNumberText(el: Element): ElementText {
  if (el.tagName.toUpperCase() === 'INPUT') {
    const value = (el as Element & { value?: unknown }).value;
    return { ok: true, text: typeof value === 'string' ? value : (el.getAttribute('value') ?? '') };
  }
  const collected: Collected = { parts: [] };
  collect(el, collected);
  const small = collected.smallDigits;
  if (small !== undefined) {
    return {
      ok: false,
      reason: `"${small.digits}" is printed raised or lowered after "${small.before}": digits in small print are not joined to the number before them`,
    };
  }
  return { ok: true, text: collected.parts.join('').trim() };
}
