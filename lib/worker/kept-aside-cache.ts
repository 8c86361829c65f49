import { isQuarantineKey, type QuarantineEntry } from '../store/quarantine';

/**
 * The records kept aside, as the planner lists them: listed once, and again only after a
 * write added or removed one. Listing them reads every kept-aside key (all of storage where
 * the browser cannot list keys alone), far too much for a view pushed after every tick.
 */
export class KeptAsideCache {
  private listing: Promise<QuarantineEntry[]> | null = null;

  constructor(private readonly list: () => Promise<QuarantineEntry[]>) {}

  read(): Promise<QuarantineEntry[]> {
    if (this.listing === null) {
      const listing = this.list();
      // A failed listing is not kept: the next view lists again.
      listing.catch(() => {
        if (this.listing === listing) this.listing = null;
      });
      this.listing = listing;
    }
    return this.listing;
  }

  /** Keys were written or removed: a record kept aside among them means listing again. */
  noticeWrite(keys: readonly string[]): void {
    if (keys.some(isQuarantineKey)) this.listing = null;
  }
}
