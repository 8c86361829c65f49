import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePrice, readNumberText } from '../../../lib/price';

const window = new Window();
afterAll(() => window.happyDOM.close());

function element(html: string): Element {
  const doc = new window.DOMParser().parseFromString(`<div id="under-test">${html}</div>`, 'text/html');
  const el = doc.getElementById('under-test');
  if (el === null) throw new Error('fixture markup lost its root');
  return el as unknown as Element;
}

describe('readNumberText puts split digits back together', () => {
  it.each([
    { html: '<span>97,123.</span><sup>45</sup>', text: '97,123.45', why: 'cents in a superscript' },
    {
      html: '<span>97,123.</span>\n    <sup>45</sup>',
      text: '97,123.45',
      why: 'indentation between the parts',
    },
    {
      html: '<span>97,12</span><span class="hl">3.45</span>',
      text: '97,123.45',
      why: 'last digits highlighted',
    },
    {
      html: '<span>0.0</span><sub>4</sub><span>1234</span>',
      text: '0.0₄1234',
      why: 'a subscript count in <sub>',
    },
    {
      html: '<span>97</span>&nbsp;<span>123,45</span>',
      text: '97\u00A0123,45',
      why: 'a no-break space between groups',
    },
    {
      html: '$<span>97,123.45</span><script>var x = 1;</script>',
      text: '$97,123.45',
      why: 'scripts are not text',
    },
    {
      html: '<span aria-hidden="true">0123456789</span><span>97,123.45</span>',
      text: '97,123.45',
      why: 'digit reels',
    },
    {
      html: '<span hidden>1</span><span style="display: none">2</span>97',
      text: '97',
      why: 'hidden children',
    },
    { html: '\n      97,123.45\n    ', text: '97,123.45', why: 'surrounding layout whitespace' },
  ])('reads "$text" from $why', ({ html, text }) => {
    expect(readNumberText(element(html))).toBe(text);
  });

  it('gives the value of an input, not its markup', () => {
    const input = element('<input value="96,500.0" />').querySelector('input');
    if (input === null) throw new Error('no input');
    expect(readNumberText(input)).toBe('96,500.0');
  });

  it('feeds parsePrice a number it reads exactly', () => {
    const text = readNumberText(element('<span>0.0</span><sub>4</sub><span>1234</span>'));
    expect(parsePrice(text)).toEqual({ ok: true, value: '0.00001234' });
  });
});
