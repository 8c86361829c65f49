import type { TooSmall } from '../sizing/too-small';

/** Why a quantity cannot be traded, in a trader's words: `quantity 4 is below the minimum 5`. */
export function tooSmallWords(small: TooSmall): string {
  switch (small.why) {
    case 'zero':
      return `quantity rounds down to 0 at the lot step ${small.lotStep}`;
    case 'min-qty':
      return `quantity ${small.qty} is below the minimum ${small.minQty}`;
    case 'min-notional':
      return `notional ${small.notional} (${small.qty} × ${small.price}) is below the minimum ${small.minNotional}`;
  }
}
