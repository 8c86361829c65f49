import type { QuickPlan } from '../../components/QuickPlan';

/**
 * The quick plan's form, loaded when the trader asks for it: it brings the plan checks, the
 * sizing and the ladder (most of a surface's script), which the popup's and the panel's
 * first view do not need.
 */
export async function loadQuickPlan(): Promise<typeof QuickPlan> {
  return (await import('../../components/QuickPlan')).QuickPlan;
}
