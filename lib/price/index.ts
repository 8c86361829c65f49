export { parsePrice } from './parse';
export type { DecimalMark, PriceConvention, PriceParseResult } from './parse';
export { readNumberText } from './element-text';
export { looksLikeChange, looksNumeric } from './scan';
