// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { OVERLAY_HOST_TAG, OverlayHost } from '../../../entrypoints/content/overlay-host';
import type { FrameMessage } from '../../../lib/messages/overlay-frame';

const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const PAGE = { venue: 'binance-futures', symbol: 'BTCUSDT' };

let roots: ShadowRoot[];
let removers: (() => void)[];

beforeEach(() => {
  // The blank page standing for overlay.html loads (happy-dom loads no frame by default).
  (
    window as unknown as { happyDOM: { settings: { enableIframePageLoading: boolean } } }
  ).happyDOM.settings.enableIframePageLoading = true;
  roots = [];
  removers = [];
  const attach = Element.prototype.attachShadow;
  // The root is closed to the page; the test keeps a handle to look inside.
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  Object.defineProperty(window, 'innerWidth', { value: 1280, configurable: true });
  Object.defineProperty(window, 'innerHeight', { value: 800, configurable: true });
});

afterEach(() => {
  for (const remove of removers) remove();
  document.documentElement.querySelectorAll(OVERLAY_HOST_TAG).forEach((element) => element.remove());
  vi.restoreAllMocks();
});

function mount(): OverlayHost {
  return new OverlayHost({
    doc: document,
    win: window,
    extensionOrigin: EXTENSION_ORIGIN,
    // happy-dom cannot load an extension page: a blank one stands for it (Chromium's e2e test loads the real one).
    frameAddress: 'about:blank',
    listen: (target, type, handler) => {
      target.addEventListener(type, handler);
      removers.push(() => target.removeEventListener(type, handler));
    },
  });
}

function frame(): HTMLIFrameElement {
  const found = roots.at(-1)?.querySelector('iframe');
  if (!found) throw new Error('no frame');
  return found;
}

/** The host's own declarations, from the closed root's stylesheet. */
function hostStyle(): Record<string, string> {
  const css = roots.at(-1)?.querySelector('style')?.textContent ?? '';
  const block = /:host \{([^}]*)\}/.exec(css)?.[1] ?? '';
  return Object.fromEntries(
    block
      .split(';')
      .map((declaration) => declaration.trim())
      .filter((declaration) => declaration !== '')
      .map((declaration) => {
        const [name = '', value = ''] = declaration.replace(' !important', '').split(/:\s*/);
        return [name, value];
      }),
  );
}

function fromFrame(data: FrameMessage, overrides: { origin?: string; source?: Window | null } = {}): void {
  window.dispatchEvent(
    new MessageEvent('message', {
      data,
      origin: overrides.origin ?? EXTENSION_ORIGIN,
      source: overrides.source === undefined ? frame().contentWindow : overrides.source,
    }),
  );
}

const layout = (overrides: Partial<Extract<FrameMessage, { type: 'layout' }>> = {}): FrameMessage => ({
  channel: 'tranche-overlay',
  type: 'layout',
  isWanted: true,
  isCollapsed: false,
  width: 300,
  height: 400,
  position: null,
  ...overrides,
});

const drag = (phase: 'start' | 'move' | 'end', screenX: number, screenY: number): FrameMessage => ({
  channel: 'tranche-overlay',
  type: 'drag',
  phase,
  screenX,
  screenY,
});

describe('the panel’s host on the page', () => {
  it('frames overlay.html for the page inside a closed shadow root, hidden until the frame answers', () => {
    mount().showFor(PAGE);
    const host = document.querySelector(OVERLAY_HOST_TAG) as HTMLElement;
    expect(host.shadowRoot, 'closed: the page cannot reach inside').toBeNull();
    const url = new URL(frame().src);
    expect(`${url.protocol}${url.pathname}`).toBe('about:blank');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      venue: 'binance-futures',
      symbol: 'BTCUSDT',
      host: location.host.toLowerCase(),
      origin: location.origin,
    });
    expect(hostStyle()).toMatchObject({ visibility: 'hidden', 'pointer-events': 'none', position: 'fixed' });
  });

  it('every declaration of the host is !important, after `all: initial`', () => {
    mount().showFor(PAGE);
    const css = roots.at(-1)?.querySelector('style')?.textContent ?? '';
    const declarations = (/:host \{([^}]*)\}/.exec(css)?.[1] ?? '')
      .split(';')
      .filter((part) => part.trim() !== '');
    expect(declarations[0]?.trim()).toBe('all: initial !important');
    expect(declarations.every((declaration) => declaration.trim().endsWith('!important'))).toBe(true);
  });

  it('shows the frame where it asks, at its size: the top-right corner by default', () => {
    mount().showFor(PAGE);
    fromFrame(layout());
    expect(hostStyle()).toMatchObject({
      visibility: 'visible',
      'pointer-events': 'auto',
      left: '964px',
      top: '72px',
      width: '300px',
      height: '400px',
    });
  });

  it('clamps a remembered place into the viewport and caps the height', () => {
    mount().showFor(PAGE);
    fromFrame(layout({ position: { left: 5000, top: 20 }, height: 2000 }));
    expect(hostStyle()).toMatchObject({ left: '972px', top: '8px', height: '784px' });
  });

  it.each<[string, { origin?: string; source?: Window | null }]>([
    ['another origin (the page itself)', { origin: 'https://www.binance.com' }],
    ['the page’s own window', { source: window }],
    ['no window', { source: null }],
  ])('ignores messages from %s', (_, overrides) => {
    mount().showFor(PAGE);
    fromFrame(layout(), overrides);
    expect(hostStyle()['visibility']).toBe('hidden');
  });

  it('ignores a malformed message from its frame', () => {
    mount().showFor(PAGE);
    fromFrame({ ...layout(), width: -3 } as FrameMessage);
    expect(hostStyle()['visibility']).toBe('hidden');
  });

  it('stays hidden where the frame does not want it; the shortcut shows it, and hides it again', () => {
    const host = mount();
    host.showFor(PAGE);
    fromFrame(layout({ isWanted: false }));
    expect(host.isShown()).toBe(false);
    host.toggle();
    expect(hostStyle()['visibility']).toBe('visible');
    host.toggle();
    expect(hostStyle()['visibility']).toBe('hidden');
    fromFrame(layout({ isWanted: true }));
    expect(host.isShown(), 'the shortcut holds for the life of the page').toBe(false);
  });

  it('follows a drag and tells the frame where it left the panel, clamped', () => {
    mount().showFor(PAGE);
    fromFrame(layout());
    const posted = vi
      .spyOn(frame().contentWindow as Window, 'postMessage')
      .mockImplementation(() => undefined);
    fromFrame(drag('start', 1000, 100));
    fromFrame(drag('move', 900, 300));
    expect(hostStyle()).toMatchObject({ left: '864px', top: '272px' });
    fromFrame(drag('end', -2000, 310));
    expect(hostStyle()).toMatchObject({ left: '8px', top: '282px' });
    expect(posted).toHaveBeenCalledWith(
      { channel: 'tranche-overlay', type: 'placed', position: { left: 8, top: 282 } },
      EXTENSION_ORIGIN,
    );
    // Until the frame's layout says it remembered it, the panel stays where it was left.
    fromFrame(layout());
    expect(hostStyle()).toMatchObject({ left: '8px', top: '282px' });
    fromFrame(layout({ position: { left: 8, top: 282 } }));
    expect(hostStyle()).toMatchObject({ left: '8px', top: '282px' });
  });

  it('a press without a move (a click on the pill) remembers nothing', () => {
    mount().showFor(PAGE);
    fromFrame(layout());
    const posted = vi
      .spyOn(frame().contentWindow as Window, 'postMessage')
      .mockImplementation(() => undefined);
    fromFrame(drag('start', 1000, 100));
    fromFrame(drag('end', 1000, 100));
    expect(posted).not.toHaveBeenCalled();
  });

  it('follows the pointer on the page where the frame loses it, but never a page script’s events', () => {
    mount().showFor(PAGE);
    fromFrame(layout());
    fromFrame(drag('start', 1000, 100));
    const synthetic = new PointerEvent('pointermove', { screenX: 500, screenY: 500, buttons: 1 });
    window.dispatchEvent(synthetic);
    expect(hostStyle()).toMatchObject({ left: '964px', top: '72px' });
    const real = new PointerEvent('pointermove', { screenX: 990, screenY: 120, buttons: 1 });
    Object.defineProperty(real, 'isTrusted', { value: true });
    window.dispatchEvent(real);
    expect(hostStyle()).toMatchObject({ left: '954px', top: '92px' });
  });

  it('frames the panel again when the page switches symbol, and only then', () => {
    const host = mount();
    host.showFor(PAGE);
    const first = frame();
    host.showFor({ ...PAGE });
    expect(frame()).toBe(first);
    host.showFor({ ...PAGE, symbol: 'ETHUSDT' });
    expect(frame()).not.toBe(first);
    expect(first.isConnected).toBe(false);
    expect(new URL(frame().src).searchParams.get('symbol')).toBe('ETHUSDT');
  });

  it('a second copy of the script (injected again) replaces the first one’s panel', () => {
    mount().showFor(PAGE);
    mount().showFor(PAGE);
    expect(document.querySelectorAll(OVERLAY_HOST_TAG)).toHaveLength(1);
  });

  it('is removed with the script', () => {
    const host = mount();
    host.showFor(PAGE);
    host.remove();
    expect(document.querySelector(OVERLAY_HOST_TAG)).toBeNull();
  });
});
