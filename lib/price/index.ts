export { parsePrice } from './parse';
export type { DecimalMark, PriceConvention, PriceParseResult } from './parse';
export { readNumberText } from './element-text';
export type { ElementText } from './element-text';
export { conventionForLanguage } from './locale';
export { looksLikeChange, looksNumeric } from './scan';
