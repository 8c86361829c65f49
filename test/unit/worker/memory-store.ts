import type { StorageArea } from '../../../lib/store/storage-area';

/** storage.local as the browser gives it: a JSON round trip on every write. */
export class MemoryStore implements StorageArea {
  data = new Map<string, string>();
  async get(keys: string | string[] | null) {
    const wanted = keys === null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const key of wanted) {
      const value = this.data.get(key);
      if (value !== undefined) out[key] = JSON.parse(value);
    }
    return out;
  }
  async set(items: Record<string, unknown>) {
    for (const [key, value] of Object.entries(items)) this.data.set(key, JSON.stringify(value));
  }
  async remove(keys: string | string[]) {
    for (const key of typeof keys === 'string' ? [keys] : keys) this.data.delete(key);
  }
}
