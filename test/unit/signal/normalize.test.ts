import { describe, expect, it } from 'vitest';

import { foldCase, plainText, signalLines } from '../../../lib/signal/normalize';

describe('signal text in plain characters', () => {
  it.each([
    ['𝐄𝐧𝐭𝐫𝐲: 𝟐𝟑.𝟒𝟎', 'Entry: 23.40', 'Telegram bold letters and digits'],
    ['入场：64000，65000', '入场:64000, 65000', 'a full-width comma never joins two prices'],
    ['الدخول: ١٤٥٫٥٠', 'الدخول: 145.50', 'Arabic-Indic digits and decimal separator'],
    ['ورود: ۱.۸۵', 'ورود: 1.85', 'Persian digits'],
    ['1️⃣ 2.410', ' 1)  2.410', 'a keycap number is a list marker'],
    ['① 0.5', ' 1)  0.5', 'a circled number too'],
    ['**ENTRY:** `0.56`', ' ENTRY:   0.56 ', 'Markdown marks'],
    ['0.0₄123', '0.0₄123', 'subscript zeros stay'],
    ['Entry 3,420–3,450', 'Entry 3,420-3,450', 'dashes are one dash'],
    ['الأهداف', 'الاهداف', 'Arabic letter variants are one letter'],
  ])('%s → %s (%s)', (text, plain, why) => {
    expect(plainText(text), why).toBe(plain);
  });

  it('drops invisible characters and empty lines', () => {
    expect(signalLines('\u200BLONG\u200D  #BTC\r\n\r\n  Entry:\t1 ')).toEqual(['LONG #BTC', 'Entry: 1']);
  });

  it('folds case one unit for one, Turkish i included', () => {
    expect(foldCase('GİRİŞ Kaldıraç STOP')).toBe('giriş kaldiraç stop');
  });
});
