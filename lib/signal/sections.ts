import type { Side } from '../plan/schema';
import { directionWords } from './direction';
import type { NumberToken } from './number-tokens';
import { numberTokens } from './number-tokens';
import { mentionsPair } from './pair';
import type { PhraseHit } from './phrases';
import { phraseFinder, spokenEntries, spokenFinder } from './phrases';
import type { Language, Words } from './vocabulary';
import {
  ABOVE_WORDS,
  BELOW_WORDS,
  BUY_WORDS,
  CONNECTOR_WORDS,
  ENTRY_LABELS,
  LEVERAGE_LABELS,
  LINE_START_ENTRY_LABELS,
  LINE_START_TARGET_LABELS,
  MANAGEMENT_WORDS,
  MARKET_WORDS,
  SELL_WORDS,
  STOP_LABELS,
  TARGET_LABELS,
} from './vocabulary';

/**
 * The signal's text as labelled lists of numbers. A label (`Entry`, `TP2`, `Стоп`, `止盈`,
 * `🎯`) takes the numbers after it on its line, and on the following lines that hold only
 * numbers (`1) 394,91`, `2600 ✅ - 2560`); a word after its numbers ends it (`64000 (current
 * price 64500)`), as does the end of a sentence. Numbers on a line that names the pair or the
 * direction before any label (`BTCUSDT LONG 36705-36200`) are the header's. Which list is
 * the entry, the targets or the stop is decided later (reading.ts): `Buy`/`Sell` labels
 * depend on what else the text labels.
 */
export type LabelKind = 'entry' | 'target' | 'stop' | 'leverage' | 'buy' | 'sell';

export interface Mention {
  /** The number as written. */
  readonly raw: string;
  /** Line number in the signal's non-empty lines, from 0. */
  readonly line: number;
}

export interface PercentMention {
  readonly raw: string;
  readonly isSigned: boolean;
}

/** A price with the percentages written after it on its line (`39265 - 20%`, `22.95 (15%)`). */
export interface PriceMention extends Mention {
  readonly percents: PercentMention[];
}

export type When = 'above' | 'below';

export interface Section {
  readonly kind: LabelKind;
  readonly line: number;
  /** Where its label starts on that line. */
  readonly start: number;
  readonly prices: PriceMention[];
  /** Percentages written instead of prices (`SL: 5%`). */
  readonly percents: PercentMention[];
  when: When | undefined;
  /** The label is followed by a market word and no price (`Entry: CMP`). */
  hasMarketWord: boolean;
}

export interface TextReading {
  readonly sections: Section[];
  readonly header: Section;
  /** Leverage numbers as written, from `10x`-style numbers and leverage labels. */
  readonly leverage: string[];
  readonly abbreviated: Mention[];
  /** Every number of the text, for deciding its decimal mark. */
  readonly numbers: string[];
  readonly languages: Set<Language>;
}

interface LabelInfo {
  readonly kind: LabelKind;
  readonly languages: ReadonlySet<Language>;
  readonly isLineStartOnly: boolean;
}

function labels(words: Words, kind: LabelKind, isLineStartOnly = false) {
  return spokenEntries(words, (language) => ({ kind, languages: new Set([language]), isLineStartOnly }));
}

const findLabels = phraseFinder<LabelInfo>(
  [
    ...labels(ENTRY_LABELS, 'entry'),
    ...labels(TARGET_LABELS, 'target'),
    ...labels(LINE_START_TARGET_LABELS, 'target', true),
    ...labels(LINE_START_ENTRY_LABELS, 'entry', true),
    ...labels(STOP_LABELS, 'stop'),
    ...labels(LEVERAGE_LABELS, 'leverage'),
    ...labels(BUY_WORDS, 'buy'),
    ...labels(SELL_WORDS, 'sell'),
  ],
  (a, b) => {
    if (a.kind !== b.kind) throw new Error(`a label means two things: ${a.kind} and ${b.kind}`);
    return { ...a, languages: new Set([...a.languages, ...b.languages]) };
  },
);
const findConnectors = spokenFinder(CONNECTOR_WORDS);
const findMarketWords = spokenFinder(MARKET_WORDS);
const findManagementWords = spokenFinder(MANAGEMENT_WORDS);
const findAbove = spokenFinder(ABOVE_WORDS);
const findBelow = spokenFinder(BELOW_WORDS);

/** A label's words must be a line's first words when they are ordinary words elsewhere. */
const PRICE_KINDS: ReadonlySet<LabelKind> = new Set(['entry', 'target', 'stop', 'buy', 'sell']);
/** At most this many words between a label and its first price (`Stop Loss Use Below $0.0055`). */
const MAX_WORDS_BEFORE_PRICE = 4;

function newSection(kind: LabelKind, line: number, start = 0): Section {
  return { kind, line, start, prices: [], percents: [], when: undefined, hasMarketWord: false };
}

type Event =
  | { readonly at: number; readonly type: 'label'; readonly hit: PhraseHit<LabelInfo> }
  | { readonly at: number; readonly type: 'number'; readonly token: NumberToken }
  | { readonly at: number; readonly type: 'word' }
  | { readonly at: number; readonly type: 'stop-mark' };

/** Reads every line of a signal (see the module comment). */
export function readSections(lines: readonly string[]): TextReading {
  const reading: TextReading = {
    sections: [],
    header: newSection('entry', -1),
    leverage: [],
    abbreviated: [],
    numbers: [],
    languages: new Set(),
  };
  let carried: Section | undefined;
  lines.forEach((line, index) => {
    carried = readLine(line, index, carried, reading);
  });
  return reading;
}

function spans(hits: readonly { start: number; end: number }[]) {
  return (from: number, to: number) => hits.some((hit) => from >= hit.start && to <= hit.end);
}

function readLine(
  line: string,
  index: number,
  carried: Section | undefined,
  reading: TextReading,
): Section | undefined {
  const tokens = numberTokens(line);
  reading.numbers.push(...tokens.map((token) => token.raw));
  const hasPriceBefore = (at: number) => tokens.some((token) => token.kind === 'value' && token.start < at);
  const labelHits = findLabels(line).filter((hit) => {
    const isAction = hit.info.kind === 'buy' || hit.info.kind === 'sell';
    if (hit.info.isLineStartOnly && /[\p{L}\p{N}]/u.test(line.slice(0, hit.start))) return false;
    return !isAction || !hasPriceBefore(hit.start);
  });
  const isNoise = spans([
    ...findConnectors(line),
    ...findMarketWords(line),
    ...findAbove(line),
    ...findBelow(line),
  ]);
  const isTaken = spans([...labelHits, ...tokens, ...directionWords(line)]);
  const words = [...line.matchAll(/[\p{L}\p{M}]+/gu)]
    .map((match) => ({ start: match.index, end: match.index + match[0].length }))
    .filter((word) => !isTaken(word.start, word.end));
  const realWords = words.filter((word) => !isNoise(word.start, word.end));
  const isHeader = mentionsPair(line) || directionWords(line).some((hit) => hit.info.strength === 'strong');
  const isContinuation = labelHits.length === 0 && realWords.length === 0 && !isHeader;
  const managementFrom = findManagementWords(line)[0]?.start;
  if (isHeader && labelHits.length === 0 && findMarketWords(line).length > 0)
    reading.header.hasMarketWord = true;
  const events: Event[] = [
    ...labelHits.map((hit) => ({ at: hit.start, type: 'label' as const, hit })),
    ...tokens.map((token) => ({ at: token.start, type: 'number' as const, token })),
    ...realWords.map((word) => ({ at: word.start, type: 'word' as const })),
    ...[...line.matchAll(/[.!?;](?=\s|$)/gu)]
      .filter((mark) => !isTaken(mark.index, mark.index + 1))
      .map((mark) => ({ at: mark.index, type: 'stop-mark' as const })),
  ].sort((a, b) => a.at - b.at);
  for (const hit of labelHits) for (const language of hit.info.languages) reading.languages.add(language);
  const hasLeverageLabel = labelHits.some((hit) => hit.info.kind === 'leverage');
  const facts = { line, index, tokens, isHeader, managementFrom, hasLeverageLabel };
  return walk(events, facts, isContinuation ? carried : undefined, reading);
}

interface LineFacts {
  readonly line: string;
  readonly index: number;
  readonly tokens: readonly NumberToken[];
  readonly isHeader: boolean;
  /** Where an instruction for later starts (`move SL to 64000`): its prices are no part of the setup. */
  readonly managementFrom: number | undefined;
  readonly hasLeverageLabel: boolean;
}

/** The labels, numbers and words of one line, in order: who owns each number. */
function walk(
  events: readonly Event[],
  facts: LineFacts,
  carried: Section | undefined,
  reading: TextReading,
) {
  let owner = carried;
  let ownerStart = 0;
  let pricesOnLine = 0;
  let wordsBefore = 0;
  let hasLabel = false;
  let lastTarget: PriceMention | undefined;
  const skipped = new Set<NumberToken>();
  for (const [position, event] of events.entries()) {
    if (event.type === 'label') {
      hasLabel = true;
      owner = newSection(event.hit.info.kind, facts.index, event.hit.start);
      reading.sections.push(owner);
      ownerStart = event.hit.end;
      pricesOnLine = 0;
      wordsBefore = 0;
      const index = listIndexAfter(events, position, facts.line, owner.kind, reading);
      if (index !== undefined) skipped.add(index);
      if (isMarketAfter(facts.line, event.hit.end, facts.tokens)) owner.hasMarketWord = true;
      continue;
    }
    if (event.type === 'word' || event.type === 'stop-mark') {
      if (owner === undefined) continue;
      wordsBefore += 1;
      const isEnded = event.type === 'stop-mark' || pricesOnLine > 0 || wordsBefore > MAX_WORDS_BEFORE_PRICE;
      if (isEnded) owner = undefined;
      continue;
    }
    const { token } = event;
    if (skipped.has(token)) continue;
    if (token.kind === 'leverage') {
      if (facts.hasLeverageLabel || facts.isHeader || owner?.kind === 'leverage')
        reading.leverage.push(token.raw);
      continue;
    }
    if (token.kind === 'percent') {
      const percent = { raw: token.raw, isSigned: token.isSigned };
      if (lastTarget !== undefined) lastTarget.percents.push(percent);
      else if (owner !== undefined && owner.prices.length === 0) owner.percents.push(percent);
      continue;
    }
    // Before any label, a header line's numbers are the header's (`BTCUSDT LONG 36705-36200`).
    const section = owner ?? (hasLabel || !facts.isHeader ? undefined : reading.header);
    if (section === undefined || token.kind === 'other') continue;
    if (token.kind === 'abbreviated') {
      if (PRICE_KINDS.has(section.kind))
        reading.abbreviated.push({ raw: `${token.raw}K`, line: facts.index });
      continue;
    }
    if (section.kind === 'leverage') {
      reading.leverage.push(token.raw);
      continue;
    }
    if (facts.managementFrom !== undefined && token.start > facts.managementFrom) continue;
    if (section.prices.length === 0 && section.kind !== 'target' && section.kind !== 'stop') {
      section.when ??= whenBetween(facts.line, section === reading.header ? 0 : ownerStart, token.start);
    }
    // `TP1 (50%): 66000`: a percentage written before the first price of the line is that price's.
    const earlier = pricesOnLine === 0 && section.kind !== 'stop' ? section.percents.splice(0) : [];
    const price: PriceMention = { raw: token.raw, line: facts.index, percents: earlier };
    section.prices.push(price);
    pricesOnLine += 1;
    if (section.kind === 'target' || section.kind === 'sell' || section.kind === 'buy') lastTarget = price;
  }
  return owner;
}

/**
 * `Target 1 : 0.385`, `Entry 2 - 153`, `目标1:65000`: a small whole number right after a
 * label, counting that label's lists, is the list's number, not a price.
 */
function listIndexAfter(
  events: readonly Event[],
  position: number,
  line: string,
  kind: LabelKind,
  reading: TextReading,
): NumberToken | undefined {
  const label = events[position];
  const next = events[position + 1];
  const after = events[position + 2];
  const expected =
    reading.sections.filter((section) => section.kind === kind && section.prices.length > 0).length + 1;
  if (label?.type !== 'label' || next?.type !== 'number' || next.token.kind !== 'value') return undefined;
  const { token } = next;
  if (!/^\d{1,2}$/u.test(token.raw) || Number(token.raw) !== expected) return undefined;
  if (!/^\s*$/u.test(line.slice(label.hit.end, token.start))) return undefined;
  const isFollowed =
    /^\s*[:)\-.=]/u.test(line.slice(token.end)) || (after?.type === 'number' && after.token.kind === 'value');
  if (!isFollowed) return undefined;
  return token;
}

function isMarketAfter(line: string, from: number, tokens: readonly NumberToken[]): boolean {
  const nextPrice =
    tokens.find((token) => token.kind === 'value' && token.start >= from)?.start ?? line.length;
  return findMarketWords(line).some((hit) => hit.start >= from && hit.end <= nextPrice);
}

function whenBetween(line: string, from: number, to: number): When | undefined {
  const inside = (hits: readonly PhraseHit<unknown>[]) =>
    hits.some((hit) => hit.start >= from && hit.end <= to);
  const isAbove = inside(findAbove(line));
  const isBelow = inside(findBelow(line));
  return isAbove === isBelow ? undefined : isAbove ? 'above' : 'below';
}

/** The side a Buy or Sell label stands for. */
export function actionSide(kind: LabelKind): Side | undefined {
  return kind === 'buy' ? 'long' : kind === 'sell' ? 'short' : undefined;
}
