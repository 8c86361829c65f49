import { Decimal, toCanonical } from '../decimal';
import type { Side } from '../plan/schema';
import type { Problem } from '../plan/problems';
import type { DecimalMark } from '../price';
import { chooseDecimalMark } from './decimal-mark';
import { entryEdge } from './entry-edge';
import type { SignalFields } from './fields';
import { signalFields } from './fields';
import { MAX_SIGNAL_CHARS, signalLines } from './normalize';
import type { Pair } from './pair';
import { findPair } from './pair';
import type { WrittenPrice } from './prices';
import { readWritten, tickFromWritten } from './prices';
import type { Mention, PriceMention, TextReading, When } from './sections';
import { actionSide, readSections } from './sections';
import { decideSide } from './side';
import { DOT_DECIMAL_LANGUAGES } from './vocabulary';
import type { Market } from './venue';
import { readVenue } from './venue';
import { targetShares } from './weights';

/** What a trade signal says, every price as a canonical decimal string. */
export interface Signal {
  readonly pair: Pair;
  /** A lib/sites venue id, a family (`binance`) or `any`. */
  readonly venue: string;
  readonly market: Market | undefined;
  readonly side: Side;
  /** Not written: read from the stop and targets, which only this side fits. */
  readonly isSideInferred: boolean;
  readonly entry: {
    readonly price: string;
    readonly when: When | undefined;
    /** The range written, when the entry is its edge. */
    readonly zone: { readonly low: string; readonly high: string } | undefined;
  };
  readonly stop: string;
  readonly targets: readonly { readonly price: string; readonly share: string }[];
  /** The leverages the signal allows, highest first (`5x-10x` → 10, 5); empty when it gives none. */
  readonly leverages: readonly string[];
  /** One unit of the finest decimal place its prices are written with. */
  readonly writtenTick: string;
}

export type SignalReading =
  { readonly ok: true; readonly signal: Signal } | { readonly ok: false; readonly problems: Problem[] };

export interface ReadOptions {
  /** The last price of the pair, a canonical decimal string: decides an entry range's edge. */
  readonly lastPrice?: string;
  /** What the trader answered to the problems of an earlier reading: each replaces what the text says. */
  readonly answers?: SignalAnswers;
}

/**
 * The trader's answers to what a signal left open or ambiguous (the planner asks each
 * problem in a field): prices as canonical decimal strings, the pair as written
 * (`BTC/USDT`). An answer is the trader's word, so it settles its problem; nothing else
 * is assumed.
 */
export interface SignalAnswers {
  readonly pair?: string;
  readonly side?: Side;
  readonly entry?: string;
  readonly stop?: string;
  readonly targets?: readonly string[];
  readonly decimalMark?: DecimalMark;
}

/** The plan's limit on its lists (docs/plan-format.md#numbers-and-limits). */
const MAX_TARGETS = 100;
/** An entry this far from the last price is a misprint or a price in other units (`37.1` for 37,100). */
const FAR_FROM_LAST = 2;

const problem = (field: string, message: string): Problem => ({ field, message });

/**
 * A pasted trade signal read into its pair, side, entry, stop, targets and leverage, or
 * one problem per thing missing or ambiguous — asked, never guessed
 * (docs/plan-format.md#tranche-signal).
 */
export function readSignal(text: string, options: ReadOptions = {}): SignalReading {
  if (text.length > MAX_SIGNAL_CHARS) {
    return fail([
      problem(
        'text',
        `${text.length} characters is no signal: a signal is a short message (at most ${MAX_SIGNAL_CHARS})`,
      ),
    ]);
  }
  const lines = signalLines(text);
  const reading = readSections(lines);
  const fields = signalFields(reading);
  if (!fields.hasAnyPriceLabel) {
    return fail([
      problem(
        'text',
        'no trade signal found: a signal names the pair, the side, the entry, the stop and the targets',
      ),
    ]);
  }
  const problems: Problem[] = [];
  const answers = options.answers ?? {};
  const pair = findPair(answers.pair === undefined ? lines : signalLines(answers.pair));
  if (!pair.ok) problems.push(pair.problem);
  const mark =
    answers.decimalMark !== undefined
      ? ({ ok: true, mark: answers.decimalMark } as const)
      : chooseDecimalMark({
          numbers: reading.numbers,
          prices: [...fields.entries, ...fields.stops, ...fields.targets].map((mention) => mention.raw),
          lastPrice: options.lastPrice,
          isDotLanguage: [...reading.languages].every((language) => DOT_DECIMAL_LANGUAGES.has(language)),
        });
  if (!mark.ok) return fail([...problems, problem('prices', mark.reason)]);
  const prices = readPrices(fields, reading, mark.mark, options, problems);
  if (!pair.ok || prices === undefined || problems.length > 0) return fail(problems);
  return decide(lines, reading, fields, pair.pair, prices, mark.mark, options);
}

function fail(problems: Problem[]): SignalReading {
  return { ok: false, problems };
}

interface ReadPrices {
  readonly entries: WrittenPrice[];
  readonly stop: WrittenPrice;
  readonly targets: (WrittenPrice & { readonly percents: PriceMention['percents'] })[];
  readonly leverages: readonly Decimal[];
}

/** Every written price read with the text's decimal mark; a problem for each that is missing or unreadable. */
function readPrices(
  fields: SignalFields,
  reading: TextReading,
  mark: DecimalMark,
  { lastPrice, answers = {} }: ReadOptions,
  problems: Problem[],
): ReadPrices | undefined {
  // An answered price is written in the text's decimal mark, so its decimals count like the text's.
  const answered = (value: string): WrittenPrice => ({ value, shown: value.replace('.', mark) });
  const read = (field: string, mention: Mention): WrittenPrice[] => {
    const result = readWritten(mention.raw, mark);
    if (!result.ok) problems.push(problem(field, result.reason));
    return result.ok ? result.prices : [];
  };
  for (const abbreviated of reading.abbreviated) {
    problems.push(problem('prices', `"${abbreviated.raw}" is rounded: write the full price`));
  }
  const entries =
    answers.entry === undefined
      ? fields.entries.flatMap((mention) => read('entry', mention))
      : [answered(answers.entry)];
  const stops =
    answers.stop === undefined
      ? fields.stops.flatMap((mention) => read('stop', mention))
      : [answered(answers.stop)];
  const targets =
    answers.targets === undefined
      ? fields.targets.flatMap((mention) =>
          read('targets', mention).map((price) => ({ ...price, percents: mention.percents })),
        )
      : answers.targets.map((price) => ({ ...answered(price), percents: [] }));
  // A rounded price is already asked about: saying its list is missing too would be noise.
  const isRounded = reading.abbreviated.length > 0;
  if (answers.entry === undefined && fields.entries.length === 0 && !isRounded) {
    if (fields.isMarketEntry && lastPrice !== undefined) entries.push({ value: lastPrice, shown: lastPrice });
    else if (fields.isMarketEntry) {
      problems.push(
        problem(
          'entry',
          'the signal enters at the market price: give the last price, or write the entry price',
        ),
      );
    } else problems.push(problem('entry', 'no entry price found: write it like "Entry: 0.512 - 0.498"'));
  }
  const distinctStops = [...new Set(stops.map((stop) => stop.value))];
  const [stop] = stops;
  if (answers.stop !== undefined) {
    // The trader's stop settles a missing or doubled one.
  } else if (fields.stops.length === 0) {
    problems.push(
      fields.stopPercents.length > 0
        ? problem(
            'stop',
            `the stop is given as ${fields.stopPercents.map((p) => `${p.raw}%`).join(', ')}: write the stop price`,
          )
        : problem(
            'stop',
            'no stop loss found: write its price (like "SL: 0.4950"); Tranche plans no trade without one',
          ),
    );
  } else if (distinctStops.length > 1) {
    problems.push(problem('stop', `different stops (${distinctStops.join(', ')}): keep one`));
  }
  if (answers.targets !== undefined) {
    if (targets.length > MAX_TARGETS) {
      problems.push(problem('targets', `${targets.length} targets: a plan holds at most ${MAX_TARGETS}`));
    }
  } else if (fields.targets.length === 0 && !isRounded) {
    problems.push(
      fields.targetPercents.length > 0
        ? problem('targets', 'the targets are given as percentages: write their prices')
        : problem('targets', 'no target found: write the take-profit prices (like "TP1: 0.530")'),
    );
  } else if (targets.length > MAX_TARGETS) {
    problems.push(problem('targets', `${targets.length} targets: a plan holds at most ${MAX_TARGETS}`));
  }
  const leverages = leveragesOf(reading.leverage, mark);
  return stop === undefined ? undefined : { entries, stop, targets, leverages };
}

/** `5x-10x`, `LEV : 5X - 10X - 25X`: each leverage the signal allows, at least 1, highest first. */
function leveragesOf(written: readonly string[], mark: DecimalMark): Decimal[] {
  const values = new Map<string, Decimal>();
  for (const raw of written) {
    const read = readWritten(raw, mark);
    const [price] = read.ok ? read.prices : [];
    if (price !== undefined && new Decimal(price.value).gte(1))
      values.set(price.value, new Decimal(price.value));
  }
  return [...values.values()].sort((a, b) => b.comparedTo(a));
}

/** Side, entry edge, shares and venue, once every price is read. */
function decide(
  lines: readonly string[],
  reading: TextReading,
  fields: SignalFields,
  pair: Pair,
  prices: ReadPrices,
  mark: DecimalMark,
  options: ReadOptions,
): SignalReading {
  const values = prices.entries.map((entry) => new Decimal(entry.value));
  const zone = { low: Decimal.min(...values), high: Decimal.max(...values) };
  const targets = prices.targets.map((target) => new Decimal(target.value));
  const answeredSide = options.answers?.side;
  const side =
    answeredSide !== undefined
      ? ({ ok: true, side: answeredSide, isInferred: false } as const)
      : decideSide({
          lines,
          actionLabels: reading.sections.filter(
            (section) => actionSide(section.kind) && section.prices.length > 0,
          ),
          entrySide: fields.entrySide,
          zone,
          stop: new Decimal(prices.stop.value),
          targets,
        });
  if (!side.ok) return fail([side.problem]);
  const last = options.lastPrice === undefined ? undefined : new Decimal(options.lastPrice);
  const entry = entryEdge(zone, side.side, last);
  if (last !== undefined && (entry.div(last).gt(FAR_FROM_LAST) || last.div(entry).gt(FAR_FROM_LAST))) {
    return fail([
      problem(
        'entry',
        `the entry ${toCanonical(entry)} is far from the last price ${toCanonical(last)}: check the signal's prices`,
      ),
    ]);
  }
  const shares = targetShares(
    prices.targets.map((target) => ({ price: new Decimal(target.value), percents: target.percents })),
    zone,
    prices.leverages,
  );
  if (!shares.ok) return fail([shares.problem]);
  const venue = readVenue(lines, {
    hasLeverage: prices.leverages.length > 0,
    isPerpetual: pair.isPerpetual,
  });
  if (venue.market === 'spot' && side.side === 'short') {
    return fail([
      problem(
        'side',
        'a short on spot: spot coins can only be bought and sold back; is this a futures signal?',
      ),
    ]);
  }
  const isZone = !zone.low.eq(zone.high);
  return {
    ok: true,
    signal: {
      pair,
      venue: venue.venue,
      market: venue.market,
      side: side.side,
      isSideInferred: side.isInferred,
      entry: {
        price: toCanonical(entry),
        when: isZone ? undefined : fields.entryWhen,
        zone: isZone ? { low: toCanonical(zone.low), high: toCanonical(zone.high) } : undefined,
      },
      stop: prices.stop.value,
      targets: prices.targets.map((target, index) => ({
        price: target.value,
        share: shares.shares[index] ?? 'rest',
      })),
      leverages: prices.leverages.map(toCanonical),
      writtenTick: tickFromWritten([...prices.entries, prices.stop, ...prices.targets], mark) ?? '1',
    },
  };
}
