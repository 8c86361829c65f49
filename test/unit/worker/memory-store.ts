import type { KeyValueStore } from '../../../lib/worker/ports';

/** storage.local as the browser gives it: a JSON round trip on every write. */
export class MemoryStore implements KeyValueStore {
  data = new Map<string, string>();
  async get(keys: readonly string[]) {
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const value = this.data.get(key);
      if (value !== undefined) out[key] = JSON.parse(value);
    }
    return out;
  }
  async getAll() {
    return this.get([...this.data.keys()]);
  }
  async set(items: Record<string, unknown>) {
    for (const [key, value] of Object.entries(items)) this.data.set(key, JSON.stringify(value));
  }
  async remove(keys: readonly string[]) {
    for (const key of keys) this.data.delete(key);
  }
}
