/** Runs tasks one after another, each after the previous one settled. */
export type SerialQueue = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * A read-modify-write of a stored record interleaved with another loses an update, so
 * the background's writers each run their work through one of these. The first task
 * waits for `after` (the storage migration), settled either way, and a failed task does
 * not stop the ones behind it.
 */
export function createSerialQueue(after: Promise<unknown> = Promise.resolve()): SerialQueue {
  let tail: Promise<unknown> = after.catch(() => undefined);
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
