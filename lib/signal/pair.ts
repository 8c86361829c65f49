import type { Problem } from '../plan/problems';
import { INSTRUMENT_TABLE } from '../instruments/table';
import { directionWords } from './direction';
import { foldCase } from './normalize';
import type { PhraseHit } from './phrases';
import { spokenFinder, withoutOverlaps } from './phrases';
import { NOT_COINS, PAIR_LABELS, VOCABULARIES } from './vocabulary';

/** The instrument a signal names: `#BTCUSDT`, `BTC/USDT`, `$BTC`, `BTCUSDT.P`, `#ETH USDT PERP`. */
export interface Pair {
  readonly base: string;
  readonly quote: string;
  /** Written as a perpetual (`.P`, `PERP`, `-SWAP`). */
  readonly isPerpetual: boolean;
}

export type PairChoice =
  { readonly ok: true; readonly pair: Pair } | { readonly ok: false; readonly problem: Problem };

/** A coin named without its quote is quoted in USDT, as crypto signal channels trade it. */
export const DEFAULT_QUOTE = 'USDT';

const QUOTES = 'USDT|USDC|BUSD|FDUSD|TUSD|USD';
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
const PERPETUAL = '(?:[-_.]?(?:PERP|P|SWAP)|\\s+PERP)?';
/** `BTC/USDT`, `# ETC / USDT`, `BTC-USDT-SWAP`, `#BAL|USDT`, `ETH/BTC`. */
const SEPARATED = new RegExp(
  `${NOT_WORD_BEFORE}#?\\s?([A-Za-z0-9]{1,15})\\s*[/_|:-]\\s*(${QUOTES}|BTC|ETH|BNB|EUR|TRY|DAI)(${PERPETUAL})${NOT_WORD_AFTER}`,
  'giu',
);
/** `#ETH USDT`: a hashtag, then the quote after a space. */
const HASHTAG_SPACED = new RegExp(
  `#\\s?([A-Za-z0-9]{2,15})\\s+(${QUOTES})(${PERPETUAL})${NOT_WORD_AFTER}`,
  'giu',
);
/** `BTCUSDT`, `1000PEPEUSDT.P`, `#btcusdt`, `$ETHBTC`. */
const JOINED = new RegExp(
  `${NOT_WORD_BEFORE}([#$]?)([A-Za-z0-9]{2,20}?)(${QUOTES})(${PERPETUAL})${NOT_WORD_AFTER}`,
  'giu',
);
const JOINED_CRYPTO_QUOTE = new RegExp(`([#$])([A-Za-z0-9]{2,15}?)(BTC|ETH|BNB)${NOT_WORD_AFTER}`, 'giu');
/** `#SOL`, `$BTC`: a coin without its quote. */
const TAGGED_COIN = new RegExp(`${NOT_WORD_BEFORE}[#$]([A-Za-z][A-Za-z0-9]{1,14})${NOT_WORD_AFTER}`, 'gu');
const CAPITALS = /^[A-Z][A-Z0-9]{1,9}$/u;

const pairLabels = spokenFinder(PAIR_LABELS);

/** The coins of the instrument table (`BTC`, `PEPE` from `1000PEPEUSDT`): a bare `BTC` names one. */
const KNOWN_COINS: ReadonlySet<string> = new Set(
  [...INSTRUMENT_TABLE.values()].flatMap((instruments) =>
    [...instruments.keys()].map((symbol) =>
      symbol.replace(/^1000|(?:USDT|USDC|FDUSD|USD|EUR|BTC)(?:SWAP)?$/gu, ''),
    ),
  ),
);

/**
 * How surely a mention names the traded pair, surest first: with its quote (`BTC/USDT`),
 * after a pair label (`Pair: XRP`), in capitals next to LONG/SHORT (`DOGE short`), tagged
 * alone (`#SOL`, `$BTC` — also how channels sign their posts, `#CCC`), and last a coin of
 * the instrument table written in capitals anywhere (`【BTC合约】`).
 */
const RANKS = ['quoted', 'labelled', 'beside-direction', 'tagged', 'known'] as const;
type Rank = (typeof RANKS)[number];

interface Candidate extends PhraseHit<Pair> {
  readonly rank: Rank;
}

/** Every single word of the vocabulary: a tag or a capitalized word that is one of them is no coin. */
const VOCABULARY_WORDS: ReadonlySet<string> = new Set(
  VOCABULARIES.flatMap((words) => Object.values(words).flatMap((phrases) => phrases.split('|'))).map(
    foldCase,
  ),
);

function isCoinName(base: string): boolean {
  const folded = foldCase(base);
  return (
    /[A-Za-z]/u.test(base) &&
    !NOT_COINS.has(folded) &&
    !VOCABULARY_WORDS.has(folded) &&
    !QUOTES.split('|').includes(base.toUpperCase())
  );
}

function full(match: RegExpMatchArray, base: string, quote: string, suffix: string): Candidate[] {
  if (!isCoinName(base)) return [];
  const start = match.index ?? 0;
  const pair = { base: base.toUpperCase(), quote: quote.toUpperCase(), isPerpetual: suffix !== '' };
  return [{ start, end: start + match[0].length, info: pair, rank: 'quoted' }];
}

function coin(start: number, end: number, base: string, rank: Rank): Candidate[] {
  if (!isCoinName(base)) return [];
  return [
    {
      start,
      end,
      info: { base: base.toUpperCase(), quote: DEFAULT_QUOTE, isPerpetual: false },
      rank,
    },
  ];
}

function fullPairs(line: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of line.matchAll(SEPARATED)) found.push(...full(m, m[1] ?? '', m[2] ?? '', m[3] ?? ''));
  for (const m of line.matchAll(HASHTAG_SPACED)) found.push(...full(m, m[1] ?? '', m[2] ?? '', m[3] ?? ''));
  for (const m of line.matchAll(JOINED)) {
    // In lower case only tagged or with a stablecoin quote no word ends with ("btcusdt");
    // "thusd" inside a sentence is no pair.
    const isTagged = m[1] !== '';
    const isDistinct =
      isTagged || m[0] === m[0].toUpperCase() || /^(?:USDT|USDC|BUSD|FDUSD)$/iu.test(m[3] ?? '');
    if (isDistinct) found.push(...full(m, m[2] ?? '', m[3] ?? '', m[4] ?? ''));
  }
  for (const m of line.matchAll(JOINED_CRYPTO_QUOTE)) found.push(...full(m, m[2] ?? '', m[3] ?? '', ''));
  return found;
}

/** Coins named without a quote: tagged, after a pair label, or in capitals next to LONG/SHORT. */
function coinsOnly(line: string): Candidate[] {
  const found: Candidate[] = [];
  for (const m of line.matchAll(TAGGED_COIN))
    found.push(...coin(m.index, m.index + m[0].length, m[1] ?? '', 'tagged'));
  for (const label of pairLabels(line)) {
    const after = /^[\s:=-]*[#$]?([A-Za-z0-9]{2,15})(?![\p{L}\p{N}])/u.exec(line.slice(label.end));
    if (after?.[1] !== undefined)
      found.push(...coin(label.end, label.end + after[0].length, after[1], 'labelled'));
  }
  const strong = directionWords(line).filter((hit) => hit.info.strength === 'strong');
  const words = [...line.matchAll(/(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]{1,9}(?![A-Za-z0-9])/gu)];
  const [first] = words;
  for (const word of words) {
    const start = word.index;
    const end = start + word[0].length;
    if (!CAPITALS.test(word[0])) continue;
    // Only spaces, emoji or punctuation between the word and LONG/SHORT (`DOGE short`, `BTC做多`).
    const isBeside = strong.some((hit) =>
      /^[^\p{L}\p{N}]*$/u.test(hit.start >= end ? line.slice(end, hit.start) : line.slice(hit.end, start)),
    );
    if (isBeside || (word === first && strong.length > 0)) {
      found.push(...coin(start, end, word[0], 'beside-direction'));
    } else if (KNOWN_COINS.has(word[0])) {
      found.push(...coin(start, end, word[0], 'known'));
    }
  }
  return found;
}

function symbolOf(pair: Pair): string {
  return `${pair.base}${pair.quote}`;
}

function distinct(candidates: readonly Candidate[]): Pair[] {
  const bySymbol = new Map<string, Pair>();
  for (const { info } of candidates) {
    const known = bySymbol.get(symbolOf(info));
    bySymbol.set(
      symbolOf(info),
      known ? { ...known, isPerpetual: known.isPerpetual || info.isPerpetual } : info,
    );
  }
  return [...bySymbol.values()];
}

/**
 * The one pair the signal trades: the surest mentions decide (a pair written with its quote
 * wins over `#LINK` in a remark under a 1INCH/USDT signal); two different pairs among them
 * are asked about, never picked from.
 */
export function findPair(lines: readonly string[]): PairChoice {
  const fulls: Candidate[] = [];
  const coins: Candidate[] = [];

  for (const line of lines) {
    const lineFulls = withoutOverlaps(fullPairs(line));
    fulls.push(...lineFulls);
    coins.push(...coinsOnly(line).filter((c) => !lineFulls.some((f) => c.start < f.end && f.start < c.end)));
  }
  const all = [...fulls, ...coins];
  const surest = RANKS.find((rank) => all.some((candidate) => candidate.rank === rank));
  const pairs = distinct(all.filter((candidate) => candidate.rank === surest));
  const [pair] = pairs;
  if (pairs.length === 1 && pair !== undefined) return { ok: true, pair };
  if (pairs.length === 0) {
    return {
      ok: false,
      problem: { field: 'pair', message: 'no pair found: write it like "BTC/USDT", "#BTCUSDT" or "$BTC"' },
    };
  }
  return {
    ok: false,
    problem: {
      field: 'pair',
      message: `the text names several pairs (${pairs.map(symbolOf).join(', ')}): paste one signal at a time`,
    },
  };
}

/**
 * Whether a line names a pair or a coin the way a signal's first line does
 * (`LTCUSDT LONG 182-176`, `#SOL`); a bare `BTC` in a sentence does not make a header.
 */
export function mentionsPair(line: string): boolean {
  return fullPairs(line).length > 0 || coinsOnly(line).some((candidate) => candidate.rank !== 'known');
}
