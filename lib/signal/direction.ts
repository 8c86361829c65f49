import type { Side } from '../plan/schema';
import type { PhraseFinder } from './phrases';
import { phraseFinder, spokenEntries } from './phrases';
import type { Language, Words } from './vocabulary';
import { BUY_WORDS, LONG_WORDS, NOT_A_DIRECTION, SELL_WORDS, SHORT_WORDS } from './vocabulary';

/**
 * A word that says which way the trade goes. `strong` ones name the position (LONG, SHORT,
 * лонг, 做多); `action` ones name an order (BUY, SELL, купить, mua), which channels also use
 * as price labels (`BUY : 0.34 - 0.36`, `Sell targets`).
 */
export interface DirectionWord {
  readonly side: Side;
  readonly strength: 'strong' | 'action';
  readonly languages: ReadonlySet<Language>;
}

function entries(words: Words, side: Side, strength: DirectionWord['strength']) {
  return spokenEntries(words, (language) => ({ side, strength, languages: new Set([language]) }));
}

const findAll: PhraseFinder<DirectionWord> = phraseFinder(
  [
    ...entries(LONG_WORDS, 'long', 'strong'),
    ...entries(SHORT_WORDS, 'short', 'strong'),
    ...entries(BUY_WORDS, 'long', 'action'),
    ...entries(SELL_WORDS, 'short', 'action'),
  ],
  (a, b) => ({ ...a, languages: new Set([...a.languages, ...b.languages]) }),
);

/** The direction words of a line, without "short-term", "long squeeze" and the like. */
export const directionWords: PhraseFinder<DirectionWord> = (line) =>
  findAll(line).filter(
    (hit) => hit.info.strength !== 'strong' || !NOT_A_DIRECTION.test(line.slice(hit.end).toLowerCase()),
  );
