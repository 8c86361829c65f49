import type { Browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';

import type { PickedSiteView } from '../../lib/messages/replies';
import type { PickerResultMessage } from '../../lib/messages/requests';
import { originMatchesPattern, webOriginOf } from '../../lib/messages/sender';
import { isReadablePickedPage, unreadableAddressReason } from '../../lib/sites/address';
import {
  listPickedSites,
  livePickerPending,
  pickedScriptId,
  withoutPickedSite,
  withPickedSite,
  type PickedSite,
  type PickedSitesRecord,
  type PickerPending,
} from '../../lib/store/picked-sites';
import type { StoredRecord } from '../../lib/store/stored-record';
import type { Stores } from '../../lib/store/stores';
import type { SerialQueue } from '../../lib/worker/serial-queue';

/** The built files the picker flow injects (WXT's output names, checked against the build's). */
export const PICKER_SCRIPT_FILE = '/picker.js' satisfies ScriptPublicPath;
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js' satisfies ScriptPublicPath;

export type RegisteredScript = Browser.scripting.RegisteredContentScript;

/** The extension APIs the picker flow needs; `browser` provides them, tests may fake them. */
export interface PickerApis {
  readonly getTabUrl: (tabId: number) => Promise<string | undefined>;
  readonly hasOriginPermission: (pattern: string) => Promise<boolean>;
  readonly removeOriginPermission: (pattern: string) => Promise<void>;
  readonly injectFile: (tabId: number, file: ScriptPublicPath) => Promise<void>;
  readonly getRegisteredScripts: () => Promise<RegisteredScript[]>;
  readonly registerScript: (script: RegisteredScript) => Promise<void>;
  readonly updateScript: (script: RegisteredScript) => Promise<void>;
  readonly unregisterScript: (id: string) => Promise<void>;
}

export interface PickedSitesDeps {
  readonly stores: Pick<Stores, 'pickedSites' | 'pickerPending'>;
  readonly queue: SerialQueue;
  readonly now: () => number;
  readonly apis: PickerApis;
  /** The match pattern that asks for one origin (with its port on Chrome; Firefox takes none). */
  readonly matchPatternFor: (origin: string) => string;
  /** The manifest's content-script matches: those origins' permissions are required, not picked. */
  readonly manifestPatterns: readonly string[];
}

type Reply<T extends object = object> = ({ ok: true } & T) | { ok: false; error: string };

/**
 * The element picker's background half: start it in a tab the trader allowed, store what
 * the trader confirmed, register the content script that re-finds the element on every
 * visit, and forget a site with its script and permission.
 */
export class PickedSitesService {
  readonly sites: StoredRecord<PickedSitesRecord>;
  private readonly pending: StoredRecord<PickerPending | null>;

  constructor(private readonly deps: PickedSitesDeps) {
    this.sites = deps.stores.pickedSites;
    this.pending = deps.stores.pickerPending;
  }

  /** The picker the popup started and that has not answered, if it has not expired. */
  async pendingPick(): Promise<PickerPending | null> {
    return livePickerPending(await this.pending.read(), this.deps.now());
  }

  /** The picked site for an origin, as the content script there needs it. */
  async siteFor(origin: string): Promise<PickedSite | null> {
    return (await this.sites.read()).sites[origin] ?? null;
  }

  /** Every picked site by origin, for the sender check of content scripts. */
  async all(): Promise<Readonly<Record<string, PickedSite>>> {
    return (await this.sites.read()).sites;
  }

  async list(): Promise<PickedSiteView[]> {
    return listPickedSites(await this.sites.read());
  }

  async start(tabId: number): Promise<Reply<{ origin: string }>> {
    const url = await this.deps.apis.getTabUrl(tabId);
    const origin = url === undefined ? null : webOriginOf({ url });
    if (origin === null)
      return { ok: false, error: 'This tab shows no web page whose price Tranche can pick.' };
    const address = new URL(origin);
    if (!isReadablePickedPage(address)) return { ok: false, error: `${unreadableAddressReason(address)}.` };
    const pattern = this.deps.matchPatternFor(origin);
    if (!(await this.deps.apis.hasOriginPermission(pattern))) {
      return { ok: false, error: `Tranche may not read ${origin} yet: allow it when the browser asks.` };
    }
    await this.pending.write({ version: 1, tabId, origin, startedAt: this.deps.now() });
    await this.deps.apis.injectFile(tabId, PICKER_SCRIPT_FILE);
    return { ok: true, origin };
  }

  async confirm(
    result: PickerResultMessage,
    sender: { origin: string; tabId: number },
  ): Promise<Reply<{ origin: string }>> {
    const { origin, tabId } = sender;
    const site: PickedSite = {
      selector: result.selector,
      symbol: result.symbol,
      decimalMark: result.decimalMark,
      pickedAt: this.deps.now(),
    };
    await this.deps.queue(async () =>
      this.sites.write(withPickedSite(await this.sites.read(), origin, site)),
    );
    await this.pending.clear();
    await this.ensureRegistered(origin);
    // Start watching this tab now; the registration covers the next visits.
    await this.deps.apis.injectFile(tabId, CONTENT_SCRIPT_FILE);
    return { ok: true, origin };
  }

  async cancel(): Promise<Reply> {
    await this.pending.clear();
    return { ok: true };
  }

  async remove(origin: string): Promise<Reply> {
    await this.deps.queue(async () => this.sites.write(withoutPickedSite(await this.sites.read(), origin)));
    const registered = await this.deps.apis.getRegisteredScripts();
    const id = pickedScriptId(origin);
    if (registered.some((script) => script.id === id)) await this.deps.apis.unregisterScript(id);
    // A supported site's permission is part of the manifest and cannot (and must not) go.
    if (!this.deps.manifestPatterns.some((pattern) => originMatchesPattern(origin, pattern))) {
      await this.deps.apis.removeOriginPermission(this.deps.matchPatternFor(origin));
    }
    return { ok: true };
  }

  /**
   * Make the registered scripts match the picked sites (after an update or a browser
   * restart): register what is missing while its permission holds, drop what is no
   * longer picked.
   */
  async syncRegistrations(): Promise<void> {
    const picked = await this.sites.read();
    const registered = await this.deps.apis.getRegisteredScripts();
    const pickedIds = new Set(Object.keys(picked.sites).map(pickedScriptId));
    for (const script of registered) {
      if (script.id.startsWith(pickedScriptId('')) && !pickedIds.has(script.id)) {
        await this.deps.apis.unregisterScript(script.id);
      }
    }
    for (const origin of Object.keys(picked.sites)) {
      if (await this.deps.apis.hasOriginPermission(this.deps.matchPatternFor(origin))) {
        await this.ensureRegistered(origin);
      }
    }
  }

  private async ensureRegistered(origin: string): Promise<void> {
    const script: RegisteredScript = {
      id: pickedScriptId(origin),
      matches: [this.deps.matchPatternFor(origin)],
      js: [CONTENT_SCRIPT_FILE],
      // As the manifest's content script: the price may live in an iframe of that origin.
      allFrames: true,
      runAt: 'document_idle',
      persistAcrossSessions: true,
    };
    const registered = await this.deps.apis.getRegisteredScripts();
    if (registered.some((existing) => existing.id === script.id)) await this.deps.apis.updateScript(script);
    else await this.deps.apis.registerScript(script);
  }
}
