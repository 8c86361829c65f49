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

/**
 * A phrase as a pattern: words joined by any spaces or hyphens (or none); standing alone
 * where its script separates words with spaces. Chinese needs no boundary; an Arabic or
 * Persian label may carry a suffix (`تارگتها`), so only its start is bounded.
 */
function patternOf(phrase: string): string {
  const words = phrase.split(/[\s-]+/u).filter((word) => word !== '');
  const body = words.map(escapeRegExp).join('[\\s-]*');
  const first = phrase[0] ?? '';
  const last = phrase.at(-1) ?? '';
  const spaced = WORD_CHAR.test(first) && !HAN.test(first);
  const before = spaced ? '(?<![\\p{L}\\p{M}\\p{N}])' : '';
  const after = WORD_CHAR.test(last) && !HAN.test(last) && !ARABIC.test(last) ? '(?![\\p{L}\\p{M}])' : '';
  return `${before}${body}${after}`;
}

function alternation(phrases: readonly string[]): RegExp | undefined {
  if (phrases.length === 0) return undefined;
  const sorted = [...phrases].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map(patternOf).join('|'), 'gu');
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
  const folded = alternation(anyCase);
  const exact = alternation(exactCase);
  return (line) => {
    const hits: PhraseHit<T>[] = [];
    const collect = (pattern: RegExp | undefined, text: string, exactKey: boolean) => {
      if (pattern === undefined) return;
      for (const match of text.matchAll(pattern)) {
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
