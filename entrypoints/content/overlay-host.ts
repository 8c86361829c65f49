import { readFrameMessage } from '../../lib/messages/content-checks';
import { OVERLAY_CHANNEL, OVERLAY_PARAMS } from '../../lib/messages/overlay-channel';
import type {
  OverlayLayoutMessage,
  OverlayPlacedMessage,
  OverlayPosition,
} from '../../lib/messages/overlay-frame';
import { clampPlacement, type OverlayPage } from '../../lib/watch/overlay-page';

/** The custom element that holds the panel's closed shadow root. */
export const OVERLAY_HOST_TAG = 'tranche-overlay';

/** Before the frame has measured itself: room for the panel, drawn invisible. */
const FIRST_SIZE = { width: 300, height: 160 };

export interface OverlayHostDeps {
  readonly doc: Document;
  readonly win: Window;
  /** "chrome-extension://<id>": the only origin the frame's messages may come from. */
  readonly extensionOrigin: string;
  /** overlay.html's address (runtime.getURL). */
  readonly frameAddress: string;
  /** ctx.addEventListener: removed when the content script is invalidated. */
  readonly listen: (
    target: Window,
    type: 'message' | 'resize' | 'pointermove' | 'pointerup',
    handler: (event: Event) => void,
  ) => void;
}

/**
 * The panel on a supported page: the extension page overlay.html (which alone talks to
 * the background about plans) in an iframe, inside a closed shadow root whose own
 * stylesheet pins the host's box with !important declarations — those of an inner
 * context beat the page's, even the page's !important ones — so neither the page's CSS nor
 * its scripts (which cannot reach a closed root) change how it looks.
 *
 * The frame says what it wants (shown or not, its size, its remembered place) and reports
 * drags; this host draws it there, clamped into the viewport, and tells the frame where a
 * drag left it so it can remember that per site. The keyboard shortcut overrides the
 * frame's wish for the life of the page.
 */
export class OverlayHost {
  readonly #deps: OverlayHostDeps;
  readonly #host: HTMLElement;
  readonly #root: ShadowRoot;
  readonly #sheet: HTMLStyleElement;
  #frame: HTMLIFrameElement | null = null;
  #page: OverlayPage | null = null;
  #layout: OverlayLayoutMessage | null = null;
  #shortcut: 'shown' | 'hidden' | null = null;
  #drawn: OverlayPosition | null = null;
  /** A drag under way: where the panel and the pointer (screen pixels) were when it began. */
  #drag: {
    readonly panel: OverlayPosition;
    readonly screenX: number;
    readonly screenY: number;
  } | null = null;
  /** Where the last drag left the panel, until the frame's layout says it remembered it. */
  #placed: OverlayPosition | null = null;

  constructor(deps: OverlayHostDeps) {
    this.#deps = deps;
    const { doc } = deps;
    // A panel left by an older copy of this script (the extension was reloaded) goes first.
    for (const stale of Array.from(doc.querySelectorAll(OVERLAY_HOST_TAG))) stale.remove();
    this.#host = doc.createElement(OVERLAY_HOST_TAG);
    this.#root = this.#host.attachShadow({ mode: 'closed' });
    this.#sheet = doc.createElement('style');
    this.#root.append(this.#sheet);
    deps.listen(deps.win, 'message', (event) => this.#onMessage(event as MessageEvent));
    deps.listen(deps.win, 'resize', () => this.#draw());
    // Where the pointer leaves the frame during a drag, the page gets its events: follow
    // them (real ones only: a page script's synthetic events cannot move the panel).
    deps.listen(deps.win, 'pointermove', (event) => this.#onPagePointer(event as PointerEvent, false));
    deps.listen(deps.win, 'pointerup', (event) => this.#onPagePointer(event as PointerEvent, true));
  }

  /** The page shows this instrument: frame the panel for it (again, when the symbol changed). */
  showFor(page: OverlayPage): void {
    if (this.#page?.venue === page.venue && this.#page.symbol === page.symbol) return;
    this.#page = page;
    this.#layout = null;
    this.#frame?.remove();
    const frame = this.#deps.doc.createElement('iframe');
    const url = new URL(this.#deps.frameAddress);
    url.searchParams.set(OVERLAY_PARAMS.venue, page.venue);
    url.searchParams.set(OVERLAY_PARAMS.symbol, page.symbol);
    url.searchParams.set(OVERLAY_PARAMS.host, this.#deps.win.location.host.toLowerCase());
    url.searchParams.set(OVERLAY_PARAMS.origin, this.#deps.win.location.origin);
    frame.src = url.href;
    frame.title = `Tranche: ${page.symbol}`;
    this.#frame = frame;
    this.#root.append(frame);
    if (!this.#host.isConnected) this.#deps.doc.documentElement.append(this.#host);
    this.#draw();
  }

  /** The keyboard shortcut: hide a shown panel, show a hidden one (even with no plan here). */
  toggle(): void {
    this.#shortcut = this.isShown() ? 'hidden' : 'shown';
    this.#draw();
  }

  /** Whether the trader sees the panel now. */
  isShown(): boolean {
    if (this.#layout === null) return false;
    return this.#shortcut === null ? this.#layout.isWanted : this.#shortcut === 'shown';
  }

  remove(): void {
    this.#host.remove();
    this.#frame = null;
    this.#page = null;
  }

  #onMessage(event: MessageEvent): void {
    // Only the panel's own frame, served from this extension, may place it.
    const frameWindow = this.#frame?.contentWindow ?? null;
    if (frameWindow === null || event.source !== frameWindow) return;
    if (event.origin !== this.#deps.extensionOrigin) return;
    const message = readFrameMessage(event.data);
    if (message === null) return;
    if (message.type === 'layout') {
      this.#layout = message;
      if (this.#placed !== null && samePosition(message.position, this.#placed)) this.#placed = null;
      if (this.#drag === null) this.#draw();
      return;
    }
    if (message.phase === 'start') {
      if (this.#drawn !== null)
        this.#drag = { panel: this.#drawn, screenX: message.screenX, screenY: message.screenY };
      return;
    }
    this.#dragTo(message.screenX, message.screenY, message.phase === 'end');
  }

  #onPagePointer(event: PointerEvent, isEnd: boolean): void {
    if (this.#drag === null || !event.isTrusted) return;
    // A release outside the window is never reported: the next move without a button ends the drag.
    this.#dragTo(event.screenX, event.screenY, isEnd || (event.buttons & 1) === 0);
  }

  #dragTo(screenX: number, screenY: number, isEnd: boolean): void {
    const drag = this.#drag;
    if (drag === null) return;
    const dx = Math.round(screenX - drag.screenX);
    const dy = Math.round(screenY - drag.screenY);
    const isMoved = dx !== 0 || dy !== 0;
    if (isMoved) this.#drawAt({ left: drag.panel.left + dx, top: drag.panel.top + dy });
    if (!isEnd) return;
    this.#drag = null;
    // A press that did not move (a click on the pill) leaves the remembered place alone.
    if (isMoved && this.#drawn !== null) this.#place(this.#drawn);
  }

  /** Remember a drag's end: the frame stores it for this site. */
  #place(position: OverlayPosition): void {
    this.#placed = position;
    const message: OverlayPlacedMessage = { channel: OVERLAY_CHANNEL, type: 'placed', position };
    this.#frame?.contentWindow?.postMessage(message, this.#deps.extensionOrigin);
  }

  #draw(): void {
    this.#drawAt(this.#placed ?? this.#layout?.position ?? null);
  }

  #drawAt(wanted: OverlayPosition | null): void {
    const size = this.#layout ?? FIRST_SIZE;
    const { win } = this.#deps;
    const viewport = { width: win.innerWidth, height: win.innerHeight };
    const height = Math.min(size.height, Math.max(0, viewport.height - 16));
    const box = { width: size.width, height };
    const position = clampPlacement(wanted, box, viewport);
    this.#drawn = position;
    const isShown = this.isShown();
    const isPill = this.#layout?.isCollapsed === true;
    this.#sheet.textContent = hostStyle(position, box, isShown, isPill);
  }
}

function samePosition(a: OverlayPosition | null, b: OverlayPosition): boolean {
  return a !== null && a.left === b.left && a.top === b.top;
}

/**
 * The host's whole box, every property !important: `all: initial` first so nothing the page
 * sets on `tranche-overlay` (or inherits into it) survives, then exactly what the panel needs.
 */
function hostStyle(
  position: OverlayPosition,
  box: { width: number; height: number },
  isShown: boolean,
  isPill: boolean,
): string {
  const declarations = [
    'all: initial',
    'position: fixed',
    'display: block',
    `left: ${position.left}px`,
    `top: ${position.top}px`,
    `width: ${box.width}px`,
    `height: ${box.height}px`,
    'z-index: 2147483647',
    'margin: 0',
    'padding: 0',
    'border: 0',
    'overflow: hidden',
    'opacity: 1',
    'transform: none',
    'filter: none',
    'color-scheme: normal',
    `border-radius: ${isPill ? 16 : 8}px`,
    'box-shadow: 0 4px 16px rgba(0, 0, 0, 0.45)',
    // Hidden: kept (so it measures itself and its symbol stays current), never seen or clicked.
    `visibility: ${isShown ? 'visible' : 'hidden'}`,
    `pointer-events: ${isShown ? 'auto' : 'none'}`,
  ];
  const frame = [
    'all: initial',
    'display: block',
    'width: 100%',
    'height: 100%',
    'border: 0',
    'margin: 0',
    'padding: 0',
    'color-scheme: normal',
    // `all: initial` resets these inherited ones: a hidden host must not leave a visible, clickable frame.
    `visibility: ${isShown ? 'visible' : 'hidden'}`,
    `pointer-events: ${isShown ? 'auto' : 'none'}`,
  ];
  const important = (list: string[]) => list.map((declaration) => `${declaration} !important;`).join(' ');
  return `:host { ${important(declarations)} } iframe { ${important(frame)} }`;
}
