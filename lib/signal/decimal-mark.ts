import { Decimal } from '../decimal';
import type { DecimalMark } from '../price';
import { parsePrice } from '../price';

/**
 * How a signal writes decimals, decided for the whole text as lib/price decides for a
 * page: by the numbers that can be read only one way (`0.5120`, `390,50`, `3.5%`), else by
 * the last price the trader gave (`64,200` near 64,000 is 64200), else by the language of
 * its labels (English, Chinese, Arabic and Persian writers put a "." before decimals).
 * Anything still ambiguous is asked, never guessed.
 */
export type MarkChoice =
  { readonly ok: true; readonly mark: DecimalMark } | { readonly ok: false; readonly reason: string };

interface Readings {
  readonly raw: string;
  readonly dot: string | undefined;
  readonly comma: string | undefined;
}

function readingsOf(raw: string): Readings {
  const dot = parsePrice(raw, { decimal: '.' });
  const comma = parsePrice(raw, { decimal: ',' });
  return { raw, dot: dot.ok ? dot.value : undefined, comma: comma.ok ? comma.value : undefined };
}

/** Readings within a factor of ten of the last price are plausible; a wrong mark is off by a thousand. */
function isNear(value: string, lastPrice: string): boolean {
  const ratio = new Decimal(value).div(lastPrice);
  return ratio.gte(0.1) && ratio.lte(10);
}

export interface MarkEvidence {
  /** Every number of the text as written. */
  readonly numbers: readonly string[];
  /** The numbers that are prices of the signal. */
  readonly prices: readonly string[];
  readonly lastPrice: string | undefined;
  /** The labels found are all in languages that write "." before decimals. */
  readonly isDotLanguage: boolean;
}

export function chooseDecimalMark(evidence: MarkEvidence): MarkChoice {
  const all = evidence.numbers.map(readingsOf);
  const dotOnly = all.find((r) => r.dot !== undefined && r.comma === undefined);
  const commaOnly = all.find((r) => r.comma !== undefined && r.dot === undefined);
  if (dotOnly && commaOnly) {
    return {
      ok: false,
      reason: `the text writes decimals both ways ("${dotOnly.raw}" and "${commaOnly.raw}"): write every price with the same decimal mark`,
    };
  }
  if (dotOnly) return { ok: true, mark: '.' };
  if (commaOnly) return { ok: true, mark: ',' };
  const ambiguous = evidence.prices.map(readingsOf).filter((r) => r.dot !== r.comma && r.dot && r.comma);
  if (ambiguous.length === 0) return { ok: true, mark: '.' };
  const { lastPrice } = evidence;
  if (lastPrice !== undefined) {
    const dotFits = ambiguous.every((r) => r.dot !== undefined && isNear(r.dot, lastPrice));
    const commaFits = ambiguous.every((r) => r.comma !== undefined && isNear(r.comma, lastPrice));
    if (dotFits !== commaFits) return { ok: true, mark: dotFits ? '.' : ',' };
  }
  if (evidence.isDotLanguage) return { ok: true, mark: '.' };
  const [first] = ambiguous;
  return {
    ok: false,
    reason: `"${first?.raw}" could be ${first?.dot} or ${first?.comma}: write it without the thousands separator, or give the last price`,
  };
}
