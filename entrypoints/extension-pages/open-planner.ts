import { browser } from 'wxt/browser';

/** The planner (options page) in a tab, on one plan (options.html?plan=ID) when one is given. */
export async function openPlanner(planId?: string): Promise<void> {
  if (planId === undefined) {
    await browser.runtime.openOptionsPage();
    return;
  }
  await browser.tabs.create({
    url: browser.runtime.getURL(`/options.html?plan=${encodeURIComponent(planId)}`),
  });
}
