import { titleAdapter } from '../sites/title';
import type { SiteAdapter } from '../sites/types';
import type { ContentRead } from './read-page';

/**
 * How much of the body a page watcher observes, besides the `<title>` it always watches:
 * - `none`: nothing (the price is in the title, or in a picked element found on the page);
 * - `structure`: added and removed nodes only, to notice the price element appear;
 * - `content`: every text change (an adapter reads the DOM and names no node to watch).
 */
export type BodyScope = 'none' | 'structure' | 'content';

export interface WatchTargets {
  /** Elements to observe closely (the picked price), or null. */
  readonly selector: string | null;
  readonly body: BodyScope;
}

export type PageMode =
  | { readonly kind: 'picked'; readonly selector: string }
  /** A site adapter claims the URL; a DOM-reading one may name the price element to watch. */
  | { readonly kind: 'adapter'; readonly watchSelector: string | null }
  /** Only the generic title reader applies: the title is all there is to watch. */
  | { readonly kind: 'title' };

/**
 * The narrowest set of nodes that still sees every price change
 * (docs/page-reading.md#page-safety: observe the narrowest node, never poll), chosen again
 * after every read.
 */
export function chooseTargets(
  mode: PageMode,
  lastRead: ContentRead | null,
  isSelectorFound: boolean,
): WatchTargets {
  switch (mode.kind) {
    case 'picked':
      return { selector: mode.selector, body: isSelectorFound ? 'none' : 'structure' };
    case 'title':
      return { selector: null, body: 'none' };
    case 'adapter': {
      if (lastRead !== null && lastRead.ok && lastRead.from === 'title') {
        // A second place showing the price is watched too: the cross-check must see it
        // move on its own (a frozen title, a legend following the mouse).
        const isSecondShown = lastRead.pair !== undefined && mode.watchSelector !== null && isSelectorFound;
        return { selector: isSecondShown ? mode.watchSelector : null, body: 'none' };
      }
      // The price element itself (even while it shows no price yet: its text will change),
      // plus added and removed nodes in case the page re-renders it.
      if (mode.watchSelector !== null && isSelectorFound)
        return { selector: mode.watchSelector, body: 'structure' };
      if (lastRead === null || !lastRead.ok) return { selector: null, body: 'structure' };
      return { selector: null, body: 'content' };
    }
  }
}

/** What kind of page this is, from the picked element (if any) and the URL's adapter. */
export function pageMode(
  picked: { readonly selector: string } | null,
  adapter: Pick<SiteAdapter, 'id' | 'watchSelector'> | undefined,
): PageMode {
  if (picked !== null) return { kind: 'picked', selector: picked.selector };
  if (adapter === undefined || adapter.id === titleAdapter.id) return { kind: 'title' };
  return { kind: 'adapter', watchSelector: adapter.watchSelector ?? null };
}

/** The selector whose presence decides the targets: the picked element or the adapter's price element. */
export function modeSelector(mode: PageMode): string | null {
  if (mode.kind === 'picked') return mode.selector;
  return mode.kind === 'adapter' ? mode.watchSelector : null;
}
