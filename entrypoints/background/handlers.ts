import type { AcceptContext } from '../../lib/messages/accept';
import type { createAdjustHandlers } from './adjust-handlers';
import { normalizeSymbol } from '../../lib/sites/symbol';
import type { PickedSitesService } from './picked-sites-service';
import type { createOverlayHandlers } from './overlay-handlers';
import type { createPlanHandlers } from './plan-handlers';
import type { Stores } from '../../lib/store/stores';
import type { createPlannerHandlers } from './planner-handlers';
import type { TabPagesRecorder } from './tab-pages';
import type { Handlers } from './message-router';
import type { TickIntake } from './tick-intake';

/** What the handlers are wired to. */
export interface HandlerDeps {
  readonly ticks: TickIntake;
  readonly pickedSites: PickedSitesService;
  readonly stores: Stores;
  readonly tabPages: TabPagesRecorder;
  readonly planHandlers: ReturnType<typeof createPlanHandlers>;
  readonly plannerHandlers: ReturnType<typeof createPlannerHandlers>;
  readonly overlayHandlers: ReturnType<typeof createOverlayHandlers>;
  readonly adjustHandlers: ReturnType<typeof createAdjustHandlers>;
}

/** Each request type, answered by the module that owns it. */
export function createHandlers({
  ticks,
  pickedSites,
  stores,
  tabPages,
  planHandlers,
  plannerHandlers,
  overlayHandlers,
  adjustHandlers,
}: HandlerDeps): Handlers {
  return {
    ...planHandlers,
    ...plannerHandlers,
    ...overlayHandlers,
    ...adjustHandlers,
    tick: async (request, sender) => {
      await ticks.receiveTick(request, sender.tabId);
      // Only the top frame's page is the tab's page (a chart framed into it is not).
      if (sender.frameId === 0) {
        await tabPages.note(sender.tabId, {
          venue: request.venue,
          symbol: normalizeSymbol(request.symbol),
          origin: sender.origin,
        });
      }
      return { ok: true };
    },
    stale: async (request) => {
      await ticks.receiveStale(request);
      return { ok: true };
    },
    diverged: async (request) => {
      await ticks.receiveDivergence(request);
      return { ok: true };
    },
    'watch-config': async (_request, sender) => {
      const [settings, site] = await Promise.all([
        stores.watchSettings.read(),
        pickedSites.siteFor(sender.origin),
      ]);
      return {
        ok: true,
        config: {
          staleAfterSeconds: settings.staleAfterSeconds,
          jumpHoldPercent: settings.jumpHoldPercent,
          picked:
            site === null
              ? null
              : { selector: site.selector, symbol: site.symbol, decimalMark: site.decimalMark },
        },
      };
    },
    'picker-result': (request, sender) => pickedSites.confirm(request, sender),
    'picker-cancel': () => pickedSites.cancel(),
    'picker-start': (request) => pickedSites.start(request.tabId),
    'picked-sites-list': async () => ({ ok: true, sites: await pickedSites.list() }),
    'picked-site-remove': (request) => pickedSites.remove(request.origin),
  };
}

export interface ContextDeps {
  readonly extensionId: string;
  readonly extensionOrigin: string;
  readonly manifestPatterns: readonly string[];
  readonly pickedSites: PickedSitesService;
}

/** The sender check's view of the world, read fresh for each message (the worker may have restarted). */
export function createAcceptContext(deps: ContextDeps): () => Promise<AcceptContext> {
  return async () => {
    const [picked, pendingPick] = await Promise.all([deps.pickedSites.all(), deps.pickedSites.pendingPick()]);
    return {
      extensionId: deps.extensionId,
      extensionOrigin: deps.extensionOrigin,
      contentOrigins: [...deps.manifestPatterns, ...Object.keys(picked).map((origin) => `${origin}/*`)],
      pendingPick: pendingPick === null ? null : { tabId: pendingPick.tabId, origin: pendingPick.origin },
      picked,
    };
  };
}
