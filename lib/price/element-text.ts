import { toSubscript } from './scan';

/** Elements whose text is never part of what the reader sees. */
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  // Animated digit reels are aria-hidden and paired with readable text for screen readers.
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style') ?? '';
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function collect(node: Node, parts: string[], inSubscript: boolean): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      const text = child.nodeValue ?? '';
      // Indentation between tags ("</span>\n  <sup>") is markup layout, not a digit separator.
      if (/^\s*$/.test(text) && /[\n\r\t]/.test(text)) continue;
      const trimmed = text.replace(/^[\n\r\t ]*[\n\r\t][\n\r\t ]*|[\n\r\t ]*[\n\r\t][\n\r\t ]*$/g, '');
      parts.push(inSubscript ? toSubscript(trimmed) : trimmed);
    } else if (child.nodeType === ELEMENT_NODE) {
      const el = child as Element;
      if (SKIPPED_TAGS.has(el.tagName.toUpperCase()) || isHidden(el)) continue;
      collect(el, parts, inSubscript || el.tagName.toUpperCase() === 'SUB');
    }
  }
}

/**
 * The number an element shows, with digits that are split across child nodes put back
 * together: `<span>97,123.</span><sup>45</sup>` reads "97,123.45", and a `<sub>` count in
 * `0.0<sub>4</sub>123` becomes the subscript notation "0.0₄123" that parsePrice reads.
 * Hidden children and markup indentation are left out; an `<input>` gives its value.
 */
export function readNumberText(el: Element): string {
  if (el.tagName.toUpperCase() === 'INPUT') {
    const value = (el as Element & { value?: unknown }).value;
    return typeof value === 'string' ? value : (el.getAttribute('value') ?? '');
  }
  const parts: string[] = [];
  collect(el, parts, el.tagName.toUpperCase() === 'SUB');
  return parts.join('').trim();
}
