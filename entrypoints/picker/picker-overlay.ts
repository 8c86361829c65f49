import { STYLES } from '../../components/theme';
import { offerPick, symbolToStore, type PickChoice, type PickOffer } from '../../lib/watch/pick-offer';

/** What the trader confirmed, ready for the `picker-result` message. */
export interface PickConfirmation {
  readonly selector: string;
  readonly price: string;
  readonly symbol: string | null;
  readonly decimalMark: PickChoice['decimalMark'];
}

export interface PickerCallbacks {
  /** Store the pick; resolves with an error text to show, or null when it was stored. */
  readonly confirm: (pick: PickConfirmation) => Promise<string | null>;
  readonly cancel: () => void;
}

/** The theme's styles, and where the picker's two boxes sit over the page. */
const STYLE = `${STYLES}
  :host { all: initial; }
  .highlight { position: fixed; pointer-events: none; z-index: 2147483646; display: none; border-radius: 2px;
    border: 2px solid var(--tr-warn); background: color-mix(in srgb, var(--tr-warn) 12%, transparent); }
  .panel { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; width: 320px; margin: 0;
    box-shadow: 0 4px 16px rgba(0, 0, 0, 0.4); }
  .panel p { margin: 0 0 6px; }
  .panel .tr-form label { width: 100%; }
  .panel .tr-form input { width: 100%; }
`;

/**
 * The picker's in-page UI: a highlight that follows the pointer, a click that picks, and
 * a panel that shows what Tranche will read through the stored selector for the trader to
 * confirm. It lives in a shadow root so the page's styles do not reach it; only trusted
 * (real user) events drive it, so the page cannot pick on the trader's behalf.
 */
export class PickerOverlay {
  private readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly highlight: HTMLDivElement;
  private readonly panel: HTMLDivElement;
  private isPicking = true;
  private readonly abort = new AbortController();

  constructor(
    private readonly doc: Document,
    private readonly callbacks: PickerCallbacks,
  ) {
    this.host = doc.createElement('tranche-picker');
    // Open so that end-to-end tests can reach the buttons; page scripts gain nothing by
    // it, since every action requires a trusted event.
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    // The theme's variables live on .tr-root, so both boxes sit inside one.
    const themed = doc.createElement('div');
    themed.className = 'tr-root';
    themed.style.background = 'transparent';
    this.highlight = doc.createElement('div');
    this.highlight.className = 'highlight';
    this.panel = doc.createElement('div');
    this.panel.className = 'panel tr-card';
    themed.append(this.highlight, this.panel);
    this.root.append(style, themed);
  }

  start(): void {
    this.doc.documentElement.append(this.host);
    const options = { capture: true, signal: this.abort.signal };
    this.doc.addEventListener('mouseover', (event) => this.onHover(event), options);
    this.doc.addEventListener('click', (event) => this.onClick(event), options);
    // The page must not act on the press that picks (open an order form, follow a link).
    for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup'] as const) {
      this.doc.addEventListener(type, (event) => this.swallow(event), options);
    }
    this.doc.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape' && event.isTrusted) this.cancel();
      },
      options,
    );
    this.showPrompt();
  }

  stop(): void {
    this.abort.abort();
    this.host.remove();
  }

  private cancel(): void {
    this.stop();
    this.callbacks.cancel();
  }

  private isOwn(event: Event): boolean {
    return event.composedPath().includes(this.host);
  }

  private swallow(event: Event): void {
    if (!this.isPicking || this.isOwn(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  private onHover(event: MouseEvent): void {
    if (!this.isPicking || this.isOwn(event) || !(event.target instanceof Element)) return;
    const box = event.target.getBoundingClientRect();
    Object.assign(this.highlight.style, {
      display: 'block',
      left: `${box.left}px`,
      top: `${box.top}px`,
      width: `${box.width}px`,
      height: `${box.height}px`,
    });
  }

  private onClick(event: MouseEvent): void {
    if (this.isOwn(event)) return;
    this.swallow(event);
    if (!this.isPicking || !event.isTrusted || !(event.target instanceof Element)) return;
    this.isPicking = false;
    this.showOffer(offerPick(this.doc, event.target));
  }

  private showPrompt(): void {
    this.isPicking = true;
    this.render(`<p><strong>Tranche</strong>: click the price you want watched.</p>`, [
      { label: 'Cancel', action: () => this.cancel() },
    ]);
  }

  private showOffer(offer: PickOffer): void {
    if (!offer.ok) {
      this.render(`<p class="tr-error">${escapeHtml(offer.reason)}</p>`, [
        { label: 'Pick again', action: () => this.showPrompt() },
        { label: 'Cancel', action: () => this.cancel() },
      ]);
      return;
    }
    const isAmbiguous = offer.choices.length > 1;
    this.render(
      `<p>${isAmbiguous ? 'Tranche can read this number two ways:' : 'Tranche will read:'}</p>
       ${offer.choices.map((choice) => `<p class="tr-price">${escapeHtml(choice.price)}</p>`).join('')}
       <div class="tr-form"><label>Symbol <input name="symbol" autocomplete="off" spellcheck="false"
         placeholder="${offer.titleSymbol === null ? 'e.g. BTCUSDT' : escapeHtml(offer.titleSymbol)}"
         value="${offer.titleSymbol === null ? '' : escapeHtml(offer.titleSymbol)}"></label></div>
       <p class="tr-error" data-role="error"></p>`,
      [
        ...offer.choices.map((choice, index) => ({
          label: isAmbiguous ? `Use ${choice.price}` : 'Use this price',
          isPrimary: true,
          choice: index,
          action: () => void this.confirm(offer, choice),
        })),
        { label: 'Pick again', action: () => this.showPrompt() },
        { label: 'Cancel', action: () => this.cancel() },
      ],
    );
  }

  private async confirm(offer: Extract<PickOffer, { ok: true }>, choice: PickChoice): Promise<void> {
    const input = this.root.querySelector('input');
    const symbol = symbolToStore(input?.value ?? '', offer.titleSymbol);
    if (!symbol.ok) {
      this.showError(symbol.reason);
      return;
    }
    const error = await this.callbacks.confirm({
      selector: offer.selector,
      price: choice.price,
      symbol: symbol.symbol,
      decimalMark: choice.decimalMark,
    });
    if (error !== null) {
      this.showError(error);
      return;
    }
    this.render(`<p>Tranche now watches this price on this site.</p>`, []);
    setTimeout(() => this.stop(), 1500);
  }

  private showError(text: string): void {
    const line = this.root.querySelector('[data-role="error"]');
    if (line !== null) line.textContent = text;
  }

  private render(
    html: string,
    buttons: { label: string; action: () => void; isPrimary?: boolean; choice?: number }[],
  ): void {
    this.highlight.style.display = this.isPicking ? this.highlight.style.display : 'none';
    this.panel.innerHTML = `${html}<div class="tr-actions"></div>`;
    const actions = this.panel.querySelector('.tr-actions');
    for (const button of buttons) {
      const element = this.doc.createElement('button');
      element.type = 'button';
      element.textContent = button.label;
      element.className = button.isPrimary === true ? 'tr-button tr-primary' : 'tr-button';
      if (button.choice !== undefined) element.dataset['choice'] = String(button.choice);
      element.addEventListener('click', (event) => {
        if (event.isTrusted) button.action();
      });
      actions?.append(element);
    }
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
