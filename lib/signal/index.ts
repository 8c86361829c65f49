export { planFromSignal } from './signal-plan';
export type { SignalPlan, SignalPlanOptions } from './signal-plan';
export { readSignal } from './signal';
export type { ReadOptions, Signal, SignalAnswers, SignalReading } from './signal';
