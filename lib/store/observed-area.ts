import type { StorageArea } from './storage-area';

/**
 * A storage area that tells `onWrite` the keys of each write once it has landed: the one
 * place the background learns that something was committed (a tick's quote, a plan's
 * step, a fill, an import, a setting), whichever repository wrote it.
 */
export function observedArea(area: StorageArea, onWrite: (keys: readonly string[]) => void): StorageArea {
  const observed: StorageArea = {
    get: (keys) => area.get(keys),
    set: async (items) => {
      await area.set(items);
      onWrite(Object.keys(items));
    },
    remove: async (keys) => {
      await area.remove(keys);
      onWrite(typeof keys === 'string' ? [keys] : keys);
    },
  };
  const getKeys = area.getKeys?.bind(area);
  return getKeys === undefined ? observed : { ...observed, getKeys };
}
