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
    {
      html: '<span>97,12</span>\n    <span class="hl">3.45</span>',
      text: '97,123.45',
      why: 'indentation between the parts',
    },
    {
      html: '<span>97,12</span><span class="hl">3.45</span>',
      text: '97,123.45',
      why: 'last digits highlighted',
    },
    { html: '97,123.45<sup>*</sup>', text: '97,123.45', why: 'a footnote star in small print' },
    { html: '4,705.32<sub>USDT</sub>', text: '4,705.32', why: 'a unit in small print' },
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
    expect(readNumberText(element(html))).toEqual({ ok: true, text });
  });

  it('gives the value of an input, not its markup', () => {
    const input = element('<input value="96,500.0" />').querySelector('input');
    if (input === null) throw new Error('no input');
    expect(readNumberText(input)).toEqual({ ok: true, text: '96,500.0' });
  });

  it('reads the digits of a superscript element when that element is the one asked for', () => {
    const sup = element('97,123<sup>45</sup>').querySelector('sup');
    if (sup === null) throw new Error('no sup');
    expect(readNumberText(sup)).toEqual({ ok: true, text: '45' });
  });
});

// docs/page-reading.md#reading-a-number
describe('readNumberText never joins small-print digits to the number before them', () => {
  // Each of these was read as one number before: 97,123<sup>45</sup> became 97.12345.
  it.each([
    { html: '97,123<sup>45</sup>', digits: '45', before: '97,123', why: 'cents, or a footnote 45?' },
    { html: '<span>97,123.</span><sup>45</sup>', digits: '45', before: '97,123.', why: 'raised cents' },
    {
      html: '<span>0.0</span><sub>4</sub><span>1234</span>',
      digits: '4',
      before: '0.0',
      why: 'a zero count in a subscript element',
    },
    { html: '1.5<sup>2</sup>', digits: '2', before: '1.5', why: 'an exponent' },
  ])('refuses $html ($why)', ({ html, digits, before }) => {
    const read = readNumberText(element(html));
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.reason).toContain(`"${digits}"`);
      expect(read.reason).toContain(`"${before}"`);
    }
  });

  it('leaves parsePrice the subscript notation written as text, which reads exactly', () => {
    const read = readNumberText(element('<span>0.0₄1234</span>'));
    expect(read).toEqual({ ok: true, text: '0.0₄1234' });
    if (read.ok) expect(parsePrice(read.text)).toEqual({ ok: true, value: '0.00001234' });
  });
});
