// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';

import { PageObserver } from '../../../entrypoints/content/page-observer';

/** MutationObserver callbacks run as microtasks. */
const settle = () => new Promise((done) => setTimeout(done, 0));

let observer: PageObserver | undefined;
afterEach(() => observer?.disconnect());

function setup(body = '') {
  document.head.innerHTML = '<title>97,123.4 | BTCUSDT | Binance</title>';
  document.body.innerHTML = body;
  const onChange = vi.fn();
  observer = new PageObserver(document, onChange);
  return onChange;
}

describe('PageObserver', () => {
  it('notices a title change', async () => {
    const onChange = setup();
    observer?.update({ selector: null, body: 'none' });
    document.title = '97,124.1 | BTCUSDT | Binance';
    await settle();
    expect(onChange).toHaveBeenCalled();
  });

  it('does not wake for body changes when the title is all it needs', async () => {
    const onChange = setup('<div id="book">1</div>');
    observer?.update({ selector: null, body: 'none' });
    document.getElementById('book')!.textContent = '2';
    await settle();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('notices a replaced <title> element', async () => {
    const onChange = setup();
    observer?.update({ selector: null, body: 'none' });
    const title = document.createElement('title');
    title.textContent = '97,125 | BTCUSDT | Binance';
    document.querySelector('title')!.replaceWith(title);
    await settle();
    expect(onChange).toHaveBeenCalled();
  });

  it('watches the picked element’s text and its replacement', async () => {
    const onChange = setup('<div class="ticker"><span id="p">123.45</span></div><div id="other">1</div>');
    observer?.update({ selector: '#p', body: 'none' });
    document.getElementById('other')!.textContent = '2';
    await settle();
    expect(onChange, 'other nodes do not matter').not.toHaveBeenCalled();
    document.getElementById('p')!.textContent = '123.5';
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);
    const fresh = document.createElement('span');
    fresh.id = 'p';
    fresh.textContent = '123.6';
    document.getElementById('p')!.replaceWith(fresh);
    await settle();
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('watches the body’s structure until the picked element appears', async () => {
    const onChange = setup();
    expect(observer?.hasElement('#p')).toBe(false);
    observer?.update({ selector: '#p', body: 'structure' });
    document.body.innerHTML = '<span id="p">123.45</span>';
    await settle();
    expect(onChange).toHaveBeenCalled();
    expect(observer?.hasElement('#p')).toBe(true);
  });

  it('treats an invalid selector as absent', () => {
    setup();
    expect(observer?.hasElement('span[')).toBe(false);
  });
});
