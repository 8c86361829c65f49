import type { Choice } from './ChoiceField';

/*
 * The plan's measures in trader words (docs/plan-format.md#level-measures and
 * #distance-measures): which unit a level or a distance is written in.
 */

export type LevelKind = 'price' | 'r' | 'atr' | 'percent';
export type DistanceKind = 'atr' | 'percent' | 'amount';
export type StopKind = 'price' | 'atr' | 'percent';

export const LEVEL_KINDS: readonly Choice<LevelKind>[] = [
  { value: 'r', label: '× R' },
  { value: 'atr', label: '× ATR' },
  { value: 'percent', label: '%' },
  { value: 'price', label: 'at price' },
];

export const DISTANCE_KINDS: readonly Choice<DistanceKind>[] = [
  { value: 'atr', label: '× ATR' },
  { value: 'percent', label: '%' },
  { value: 'amount', label: 'price units' },
];

export const STOP_KINDS: readonly Choice<StopKind>[] = [
  { value: 'price', label: 'at price' },
  { value: 'percent', label: '% from the fill' },
  { value: 'atr', label: '× ATR from the fill' },
];
