import { ParsedRecordCache } from './parsed-record-cache';
import type { Quarantine } from './quarantine';
import { repairPlanRecord } from './plan-record-repair';
import {
  PLAN_INDEX_KEY,
  PLAN_RECORD_PREFIX,
  PlanIndexSchema,
  PlanRecordSchema,
  planKey,
  storablePlanRecord,
  type PlanRecord,
} from './plans';
import { describeProblem, otherVersionOf, RECORD_VERSION } from './read-record';
import { WriteBatch, type StorageArea } from './storage-area';

/** A plan record written by a newer Tranche: left as it is, listed, not run. */
export interface NewerPlan {
  readonly id: string;
  readonly raw: unknown;
  readonly problem: string;
}

export interface PlanReading {
  /** Every readable plan, in index order. */
  readonly records: PlanRecord[];
  readonly newer: NewerPlan[];
}

export interface PlanRepositoryDeps {
  readonly area: StorageArea;
  readonly quarantine: Quarantine;
  readonly log: (message: string) => void;
  /** A fresh random epoch for an alert counter a repair resets. */
  readonly newEpoch: () => string;
}

type Found =
  | { readonly kind: 'ok'; readonly record: PlanRecord }
  | { readonly kind: 'repaired'; readonly record: PlanRecord; readonly fields: readonly string[] }
  | { readonly kind: 'missing' }
  | { readonly kind: 'newer'; readonly problem: string }
  | { readonly kind: 'unreadable'; readonly problem: string };

/**
 * The repository of the plans: `plans/index` (the ids, in the order the trader added
 * them) and one `plan/<id>` record each. Reading repairs a record field by field where a
 * field has a safe default, quarantines one that cannot be read (off the index, so it is
 * no longer run), and leaves one written by a newer Tranche as it is.
 */
export class PlanRepository {
  /** Every price reads every plan: one unchanged since the last read is not parsed again. */
  private readonly parsed = new ParsedRecordCache<PlanRecord>();

  constructor(private readonly deps: PlanRepositoryDeps) {}

  /** The plan ids; an unreadable index is kept aside and rebuilt from the plan records. */
  async index(): Promise<string[]> {
    const raw = (await this.deps.area.get(PLAN_INDEX_KEY))[PLAN_INDEX_KEY];
    if (raw === undefined) return [];
    const parsed = PlanIndexSchema.safeParse(raw);
    if (parsed.success) return [...new Set(parsed.data)];
    const all = await this.deps.area.get(null);
    const ids = Object.keys(all)
      .filter((key) => key.startsWith(PLAN_RECORD_PREFIX))
      .map((key) => key.slice(PLAN_RECORD_PREFIX.length));
    const batch = new WriteBatch();
    this.deps.quarantine.keep(
      batch,
      PLAN_INDEX_KEY,
      raw,
      `${describeProblem(raw, parsed.error)}; rebuilt from the plan records`,
    );
    batch.put(PLAN_INDEX_KEY, ids);
    await batch.commit(this.deps.area);
    return ids;
  }

  /** Every plan, in index order: the readable ones (repaired where they can be) and the newer ones. */
  async readAll(): Promise<PlanReading> {
    const ids = await this.index();
    if (ids.length === 0) return { records: [], newer: [] };
    this.parsed.keepOnly(ids.map(planKey));
    const stored = await this.deps.area.get(ids.map(planKey));
    const batch = new WriteBatch();
    const records: PlanRecord[] = [];
    const newer: NewerPlan[] = [];
    const gone: string[] = [];
    for (const id of ids) {
      const raw = stored[planKey(id)];
      const found = this.settle(batch, id, raw);
      if (found.kind === 'ok' || found.kind === 'repaired') records.push(found.record);
      else if (found.kind === 'newer') newer.push({ id, raw, problem: found.problem });
      else gone.push(id);
    }
    if (gone.length > 0)
      batch.put(
        PLAN_INDEX_KEY,
        ids.filter((id) => !gone.includes(id)),
      );
    await batch.commit(this.deps.area);
    return { records, newer };
  }

  /** One plan, when it can be run: null when it is missing, set aside, or newer. */
  async read(id: string): Promise<PlanRecord | null> {
    const raw = (await this.deps.area.get(planKey(id)))[planKey(id)];
    const batch = new WriteBatch();
    const found = this.settle(batch, id, raw);
    if (found.kind === 'unreadable') await this.dropFromIndex(batch, id);
    await batch.commit(this.deps.area);
    return found.kind === 'ok' || found.kind === 'repaired' ? found.record : null;
  }

  /** A plan's record as stored, unread (what the trash keeps). */
  async stored(id: string): Promise<unknown> {
    return (await this.deps.area.get(planKey(id)))[planKey(id)];
  }

  /** Put a deleted plan's record back as it was stored, last in the index; reading it judges it again. */
  async restore(batch: WriteBatch, id: string, raw: unknown): Promise<void> {
    batch.put(planKey(id), raw);
    const ids = await this.index();
    batch.put(PLAN_INDEX_KEY, ids.includes(id) ? ids : [...ids, id]);
  }

  /** Write `record` in `batch`. */
  put(batch: WriteBatch, record: PlanRecord): void {
    const stored = storablePlanRecord(record);
    batch.put(planKey(record.id), stored);
    this.parsed.remember(planKey(record.id), stored, record);
  }

  /** Store a new plan in `batch`, last in the index. */
  async add(batch: WriteBatch, record: PlanRecord): Promise<void> {
    this.put(batch, record);
    const ids = await this.index();
    batch.put(PLAN_INDEX_KEY, ids.includes(record.id) ? ids : [...ids, record.id]);
  }

  /** Take a plan off the index and out of storage, in `batch` (delete, set aside). */
  async drop(batch: WriteBatch, id: string): Promise<void> {
    await this.dropFromIndex(batch, id);
    batch.remove(planKey(id));
  }

  /** Set a plan aside: kept under `quarantine/` as it was stored, with why; no longer run. */
  async setAside(batch: WriteBatch, record: PlanRecord, problem: string): Promise<void> {
    this.deps.quarantine.keep(batch, planKey(record.id), storablePlanRecord(record), problem);
    await this.drop(batch, record.id);
  }

  private async dropFromIndex(batch: WriteBatch, id: string): Promise<void> {
    const pending = batch.pending(PLAN_INDEX_KEY) as string[] | undefined;
    const ids = pending ?? (await this.index());
    batch.put(
      PLAN_INDEX_KEY,
      ids.filter((candidate) => candidate !== id),
    );
  }

  /** Read one stored record, putting in `batch` what its state needs: a repair, or its quarantine. */
  private settle(batch: WriteBatch, id: string, raw: unknown): Found {
    const key = planKey(id);
    const found = this.classify(key, raw);
    if (found.kind === 'repaired') {
      this.deps.log(`plan ${id}: repaired ${found.fields.join(', ')} with safe defaults`);
      this.put(batch, found.record);
    } else if (found.kind === 'unreadable') {
      this.deps.quarantine.keep(batch, key, raw, found.problem);
      batch.remove(key);
    }
    return found;
  }

  private classify(key: string, raw: unknown): Found {
    if (raw === undefined) return { kind: 'missing' };
    const record = this.parsed.read(key, raw, (value) => {
      const parsed = PlanRecordSchema.safeParse(value);
      return parsed.success ? parsed.data : null;
    });
    if (record !== null) return { kind: 'ok', record };
    // Not readable as it is: parsed again for the problem's words (rare).
    const parsed = PlanRecordSchema.safeParse(raw);
    if (parsed.success) return { kind: 'ok', record: parsed.data };
    const version = otherVersionOf(raw);
    if (version !== null && version > RECORD_VERSION) {
      return {
        kind: 'newer',
        problem: `${describeProblem(raw, parsed.error)}: left as it is until Tranche is updated`,
      };
    }
    const repaired = version === null ? repairPlanRecord(raw, this.deps.newEpoch) : null;
    if (repaired !== null) return { kind: 'repaired', ...repaired };
    return { kind: 'unreadable', problem: describeProblem(raw, parsed.error) };
  }
}
