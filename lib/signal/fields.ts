import type { Side } from '../plan/schema';
import type { PercentMention, PriceMention, Section, TextReading, When } from './sections';
import { actionSide } from './sections';

/**
 * The signal's lists, each given its meaning: which prices are the entry, which the
 * targets, which the stop. `Buy`/`Sell` labels are where channels differ: `BUY : 0.34 -
 * 0.36` is the entry of a text that labels no other, `Sell : 0.387 - 0.39` its targets;
 * after an `Entry` label both are targets (`Entry LIMIT: 1.0665 / SELL: 1.062 - 1.058`).
 * With no entry label at all, the numbers on the pair's line are the entry
 * (`BTCUSDT LONG 36705-36200`).
 */
export interface SignalFields {
  readonly entries: readonly PriceMention[];
  /** The side an entry labelled `Buy` or `Sell` stands for. */
  readonly entrySide: Side | undefined;
  readonly entryWhen: When | undefined;
  /** The entry is "at the market" (`Entry: CMP`, `LONG BTC now`) and written without a price. */
  readonly isMarketEntry: boolean;
  readonly targets: readonly PriceMention[];
  readonly stops: readonly PriceMention[];
  /** Percentages given where a stop price belongs (`SL: 5%`). */
  readonly stopPercents: readonly PercentMention[];
  /** Percentages given where target prices belong (`TP: 2%, 4%`). */
  readonly targetPercents: readonly PercentMention[];
  /** The text labels an entry, a target or a stop anywhere (even with rounded prices), or gives header prices. */
  readonly hasAnyPriceLabel: boolean;
}

const withPrices = (section: Section) => section.prices.length > 0;

export function signalFields(reading: TextReading): SignalFields {
  const { sections, header } = reading;
  const entryLabels = sections.filter((section) => section.kind === 'entry' && withPrices(section));
  const actions = sections.filter((section) => actionSide(section.kind) !== undefined && withPrices(section));
  const entryAction = entryLabels.length === 0 ? actions[0] : undefined;
  const entrySections =
    entryLabels.length > 0 ? entryLabels : entryAction ? [entryAction] : withPrices(header) ? [header] : [];
  const targetSections = sections.filter(
    (section) => section.kind === 'target' || (actions.includes(section) && section !== entryAction),
  );
  const stops = sections.filter((section) => section.kind === 'stop');
  const entries = entrySections.flatMap((section) => section.prices);
  return {
    entries,
    entrySide: entryAction ? actionSide(entryAction.kind) : undefined,
    entryWhen: entrySections.find((section) => section.when !== undefined)?.when,
    isMarketEntry:
      entries.length === 0 &&
      (header.hasMarketWord || sections.some((section) => section.kind === 'entry' && section.hasMarketWord)),
    targets: targetSections.flatMap((section) => section.prices),
    stops: stops.flatMap((section) => section.prices),
    stopPercents: stops.flatMap((section) => section.percents),
    targetPercents: sections
      .filter((section) => section.kind === 'target')
      .flatMap((section) => section.percents),
    hasAnyPriceLabel:
      withPrices(header) ||
      reading.abbreviated.length > 0 ||
      sections.some(
        (section) => section.kind !== 'leverage' && (withPrices(section) || section.percents.length > 0),
      ),
  };
}
