import type { PriceConvention } from '../price';
import { readDomPrice } from './shared/dom-price';

/*
 * The element picker for sites no adapter knows: the trader clicks the price, Tranche
 * stores a selector for it and reads the same node again on every visit. The selector
 * leans on attributes a site keeps stable across builds (id, test ids, aria-label) and
 * on readable class names; hashed classes (CSS-in-JS, CSS modules) change with every
 * deploy, so they are skipped, and a position (:nth-of-type) is the last resort.
 */

/** Attributes that name what an element is, most stable first. */
const NAMING_ATTRIBUTES = [
  'data-testid',
  'data-test-id',
  'data-qa-id',
  'data-qa',
  'data-test',
  'aria-label',
  'name',
];

/** Classes that say how an element looks right now, not what it is. */
const STATE_CLASSES = new Set([
  'active',
  'selected',
  'hover',
  'focus',
  'up',
  'down',
  'rise',
  'fall',
  'growing',
  'falling',
  'positive',
  'negative',
  'green',
  'red',
  'buy',
  'sell',
  'flash',
  'highlight',
  'neutral',
]);

const MAX_CLASSES_PER_STEP = 2;
const MAX_DEPTH = 12;

/** A class-name part that reads like a hash: mixed case with two capitals or a digit, or many digits. */
function looksGenerated(part: string): boolean {
  if (part.length < 5) return false;
  const digits = part.replace(/\D/g, '').length;
  const isMixedCase = /[A-Z]/.test(part) && /[a-z]/.test(part);
  return (isMixedCase && (/[A-Z].*[A-Z]/.test(part) || digits > 0)) || (digits >= 2 && /[a-z]/i.test(part));
}

/**
 * Generated class names: `css-1m1f8hn` (emotion), `sc-f70bb44c-0` and `jxpCgO`
 * (styled-components), `Balance_price__H0Z3x` (CSS modules), `last-JWoJqCpY`
 * (TradingView's hashed suffixes). BEM and utility names (`tv-widget-watch-list__last`,
 * `text-ds-body3`, `showPrice`) are kept.
 */
export function isHashedClass(name: string): boolean {
  if (/^(?:css|sc|jsx|svelte|emotion)-/i.test(name)) return true;
  const parts = name.split(/__|[-_]/).filter((part) => part !== '');
  const last = parts.at(-1) ?? name;
  if (parts.length > 1) return looksGenerated(last);
  return name.length <= 8 && looksGenerated(name);
}

/** CSS.escape is a window global, which lib/ never touches; identifiers need only this much. */
function escapeIdentifier(value: string): string {
  return [...value]
    .map((ch, i) => {
      const startsIdentifier = i === 0 || (i === 1 && value.startsWith('-'));
      if (/[0-9]/.test(ch)) return startsIdentifier ? `\\3${ch} ` : ch;
      if (/[A-Za-z_-]/.test(ch) || ch.charCodeAt(0) >= 0x80) return ch;
      return `\\${ch}`;
    })
    .join('');
}

function escapeAttribute(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}

/** Ids that look generated (`:r1:`, `radix-7`, `ember123`, long hex) are not stable. */
function isStableId(id: string): boolean {
  if (id === '' || id.length > 64) return false;
  if (/^[:\d]|:$|\d{3,}|^[a-f0-9]{8,}$/i.test(id)) return false;
  return !/^(?:radix|react|ember|headlessui|mui|rc)[-_:]/i.test(id);
}

function stepFor(el: Element): { step: string; isAnchor: boolean } {
  const tag = el.tagName.toLowerCase();
  const id = el.getAttribute('id');
  if (id !== null && isStableId(id)) return { step: `#${escapeIdentifier(id)}`, isAnchor: true };
  for (const attribute of NAMING_ATTRIBUTES) {
    const value = el.getAttribute(attribute);
    if (value !== null && value !== '' && value.length <= 80 && !/\d[\d.,\s]*\d/.test(value)) {
      // A label that holds the price itself ("Last price 97,123") changes with it.
      return { step: `${tag}[${attribute}="${escapeAttribute(value)}"]`, isAnchor: attribute !== 'name' };
    }
  }
  const classes = Array.from(el.classList)
    .filter((name) => !isHashedClass(name) && !STATE_CLASSES.has(name.toLowerCase()))
    .slice(0, MAX_CLASSES_PER_STEP);
  return { step: tag + classes.map((name) => `.${escapeIdentifier(name)}`).join(''), isAnchor: false };
}

function matchesOnly(root: ParentNode, selector: string, target: Element): boolean {
  try {
    const found = root.querySelectorAll(selector);
    return found.length === 1 && found[0] === target;
  } catch {
    return false;
  }
}

function nthOfType(el: Element): string {
  const parent = el.parentElement;
  if (parent === null) return '';
  const sameTag = Array.from(parent.children).filter((child) => child.tagName === el.tagName);
  return sameTag.length > 1 ? `:nth-of-type(${sameTag.indexOf(el) + 1})` : '';
}

/**
 * A CSS selector that finds `target` again: the shortest chain of steps (each a stable
 * id, a naming attribute, or a tag with readable classes) that matches only it, adding a
 * position only where siblings cannot be told apart otherwise.
 */
export function buildSelector(target: Element): string {
  // The root node, not the document: a price inside a shadow root is found from there.
  const root = target.getRootNode() as unknown as ParentNode;
  const steps: string[] = [];
  let node: Element | null = target;
  for (let depth = 0; node !== null && depth < MAX_DEPTH; depth += 1) {
    const { step, isAnchor } = stepFor(node);
    const tail = steps.length === 0 ? '' : ` > ${steps.join(' > ')}`;
    if (matchesOnly(root, step + tail, target)) return step + tail;
    const positioned = step + nthOfType(node);
    if (positioned !== step && matchesOnly(root, positioned + tail, target)) return positioned + tail;
    steps.unshift(isAnchor ? step : positioned);
    if (node.tagName === 'BODY' || node.tagName === 'HTML') break;
    node = node.parentElement;
  }
  return steps.join(' > ');
}

export type PickedReading = { ok: true; price: string } | { ok: false; reason: string };

/**
 * Reads the price at a stored selector. The convention is the one the trader confirmed
 * when picking; without it, `1,234`-style numbers are rejected as ambiguous.
 */
export function readPicked(root: ParentNode, selector: string, convention?: PriceConvention): PickedReading {
  const reading = readDomPrice(root, selector, convention);
  return reading.ok ? { ok: true, price: reading.price } : reading;
}
