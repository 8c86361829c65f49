/**
 * Time as the page watcher sees it. The content script passes one built on WXT's `ctx`
 * (so every timer dies with the script); tests pass a fake they advance by hand.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Run `run` once after `delayInMillis`; the returned function cancels it. */
  setTimer(run: () => void, delayInMillis: number): () => void;
}
