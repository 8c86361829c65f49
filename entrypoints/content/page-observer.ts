import type { WatchTargets } from '../../lib/watch/targets';

const TEXT_CHANGES: MutationObserverInit = { characterData: true, childList: true, subtree: true };

/**
 * The MutationObservers of one page: the `<title>` always, the picked price element when
 * there is one, and as much of the body as `WatchTargets` asks for. `update` re-aims them
 * only when a target changed or was replaced, so calling it after every read is cheap.
 */
export class PageObserver {
  readonly #doc: Document;
  readonly #observer: MutationObserver;
  /** Watches <head>'s children alone, so a replaced or late <title> is picked up. */
  readonly #headObserver: MutationObserver;
  #observed: { title: Element | null; elements: Element[]; targets: WatchTargets } | null = null;

  constructor(doc: Document, onChange: () => void) {
    this.#doc = doc;
    this.#observer = new MutationObserver(onChange);
    this.#headObserver = new MutationObserver((records) => {
      if (records.some(touchesTitle)) onChange();
    });
    this.#headObserver.observe(doc.head ?? doc.documentElement, { childList: true });
  }

  /** Whether the page has an element for `selector` now (an invalid selector has none). */
  hasElement(selector: string): boolean {
    return this.#queryAll(selector).length > 0;
  }

  update(targets: WatchTargets): void {
    const title = this.#doc.querySelector('title');
    const elements = targets.selector === null ? [] : this.#queryAll(targets.selector);
    if (this.#isObserving(title, elements, targets)) return;

    this.#observer.disconnect();
    if (title !== null) this.#observer.observe(title, TEXT_CHANGES);
    for (const element of elements) {
      this.#observer.observe(element, TEXT_CHANGES);
      // A framework that re-renders the price replaces the element: its parent sees that.
      if (element.parentNode !== null) this.#observer.observe(element.parentNode, { childList: true });
    }
    const body = this.#doc.body ?? this.#doc.documentElement;
    if (targets.body === 'structure') this.#observer.observe(body, { childList: true, subtree: true });
    if (targets.body === 'content') this.#observer.observe(body, TEXT_CHANGES);
    this.#observed = { title, elements, targets };
  }

  disconnect(): void {
    this.#observer.disconnect();
    this.#headObserver.disconnect();
    this.#observed = null;
  }

  #isObserving(title: Element | null, elements: Element[], targets: WatchTargets): boolean {
    const observed = this.#observed;
    return (
      observed !== null &&
      observed.title === title &&
      observed.targets.selector === targets.selector &&
      observed.targets.body === targets.body &&
      observed.elements.length === elements.length &&
      observed.elements.every((element, i) => element === elements[i])
    );
  }

  #queryAll(selector: string): Element[] {
    try {
      return Array.from(this.#doc.querySelectorAll(selector));
    } catch {
      return [];
    }
  }
}

function touchesTitle(record: MutationRecord): boolean {
  const isTitle = (node: Node) => node.nodeName === 'TITLE';
  return Array.from(record.addedNodes).some(isTitle) || Array.from(record.removedNodes).some(isTitle);
}
