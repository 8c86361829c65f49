/*
 * The panel's postMessage channel, as plain constants: the content script uses them
 * without the schemas of ./overlay-frame.ts (it checks with ./content-checks.ts).
 */

/** Marks the panel's postMessage traffic among whatever else a page posts. */
export const OVERLAY_CHANNEL = 'tranche-overlay';

/** The frame's address parameters, set by the content script from the page it runs in. */
export const OVERLAY_PARAMS = { venue: 'venue', symbol: 'symbol', host: 'host', origin: 'origin' } as const;
