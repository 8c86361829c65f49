import { foldCase, plainText } from './normalize';
import type { Language, Words } from './vocabulary';
import { LANGUAGES } from './vocabulary';

/** Where a phrase of a vocabulary stands in a line, and what it means. */
export interface PhraseHit<T> {
  readonly start: number;
  readonly end: number;
  readonly info: T;
}

/** Finds a vocabulary's phrases in a plain line (see normalize.ts), longest first, never overlapping. */
export type PhraseFinder<T> = (line: string) => readonly PhraseHit<T>[];

/** What a phrase of a Words table says: its languages. */
export interface Spoken {
  readonly languages: ReadonlySet<Language>;
}

/** `Stop-Loss`, `stop loss` and `STOPLOSS` are one phrase: folded, without spaces or hyphens. */
function keyOf(text: string): string {
  return foldCase(text).replace(/[\s-]+/gu, '');
}

const HAN = /\p{Script=Han}/u;
const ARABIC = /\p{Script=Arabic}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}

/** Words joined by any spaces or hyphens, or none. */
function bodyOf(phrase: string): string {
  const words = phrase.split(/[\s-]+/u).filter((word) => word !== '');
  return words.map(escapeRegExp).join('[\\s-]*');
}

/**
 * How a phrase is bounded: where its script separates words with spaces it stands alone;
 * Chinese and emoji need no boundary; an Arabic or Persian label may carry a suffix
 * (`تارگتها`), so only its start is bounded.
 */
function boundaryOf(phrase: string): 'word' | 'start' | 'none' {
  const first = phrase[0] ?? '';
  const last = phrase.at(-1) ?? '';
  if (!WORD_CHAR.test(first) || HAN.test(first)) return 'none';
  return WORD_CHAR.test(last) && !HAN.test(last) && !ARABIC.test(last) ? 'word' : 'start';
}

const BOUNDARIES = {
  word: ['(?<![\\p{L}\\p{M}\\p{N}])', '(?![\\p{L}\\p{M}])'],
  start: ['(?<![\\p{L}\\p{M}\\p{N}])', ''],
  none: ['', ''],
} as const;

/**
 * The phrases as one pattern per kind of boundary, longest first within each: the
 * boundaries stand once around the alternatives (a pattern with a lookbehind per
 * alternative takes seconds to compile).
 */
function alternations(phrases: readonly string[]): RegExp[] {
  return (['word', 'start', 'none'] as const).flatMap((boundary) => {
    const bodies = phrases
      .filter((phrase) => boundaryOf(phrase) === boundary)
      .sort((a, b) => b.length - a.length)
      .map(bodyOf);
    if (bodies.length === 0) return [];
    const [before, after] = BOUNDARIES[boundary];
    return [new RegExp(`${before}(?:${bodies.join('|')})${after}`, 'gu')];
  });
}

/**
 * A finder for phrases with their meanings. Phrases are written as people write them
 * (vocabulary.ts); one in capitals is matched in capitals only. Two entries for one
 * phrase (Spanish and Portuguese "entrada") are merged by `merge`.
 */
export function phraseFinder<T>(
  entries: readonly { readonly phrase: string; readonly info: T }[],
  merge: (a: T, b: T) => T,
): PhraseFinder<T> {
  const byKey = new Map<string, T>();
  const anyCase: string[] = [];
  const exactCase: string[] = [];
  for (const { phrase, info } of entries) {
    const plain = plainText(phrase).trim();
    const isExact = plain !== plain.toLowerCase();
    const key = isExact ? `=${plain.replace(/[\s-]+/gu, '')}` : keyOf(plain);
    const known = byKey.get(key);
    byKey.set(key, known === undefined ? info : merge(known, info));
    if (known === undefined) (isExact ? exactCase : anyCase).push(isExact ? plain : foldCase(plain));
  }
  const folded = alternations(anyCase);
  const exact = alternations(exactCase);
  return (line) => {
    const hits: PhraseHit<T>[] = [];
    const collect = (patterns: readonly RegExp[], text: string, exactKey: boolean) => {
      for (const match of patterns.flatMap((pattern) => [...text.matchAll(pattern)])) {
        const key = exactKey ? `=${match[0].replace(/[\s-]+/gu, '')}` : keyOf(match[0]);
        const info = byKey.get(key);
        if (info !== undefined) hits.push({ start: match.index, end: match.index + match[0].length, info });
      }
    };
    collect(folded, foldCase(line), false);
    collect(exact, line, true);
    return withoutOverlaps(hits);
  };
}

/** The earliest hit wins, the longest among those starting together; later overlapping ones go. */
export function withoutOverlaps<T extends { readonly start: number; readonly end: number }>(
  hits: readonly T[],
): T[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const hit of sorted) {
    const previous = kept.at(-1);
    if (previous === undefined || hit.start >= previous.end) kept.push(hit);
  }
  return kept;
}

/** Every phrase of a Words table, with its language, as finder entries. */
export function spokenEntries<T extends Spoken>(
  words: Words,
  info: (language: Language) => T,
): { phrase: string; info: T }[] {
  return LANGUAGES.flatMap((language) =>
    (words[language] ?? '')
      .split('|')
      .filter((phrase) => phrase !== '')
      .map((phrase) => ({ phrase, info: info(language) })),
  );
}

/** A finder that only says which languages a phrase belongs to (markets, connectors, …). */
export function spokenFinder(words: Words): PhraseFinder<Spoken> {
  return phraseFinder(
    spokenEntries(words, (language) => ({ languages: new Set([language]) })),
    (a, b) => ({ languages: new Set([...a.languages, ...b.languages]) }),
  );
}
