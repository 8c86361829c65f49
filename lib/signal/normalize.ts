/**
 * A pasted signal as plain lines a parser can read. Channels decorate their posts with
 * things that change nothing about the trade: bold "math" letters (`𝐄𝐧𝐭𝐫𝐲`), full-width
 * CJK punctuation, Arabic-Indic and Persian digits, keycap and circled list numbers
 * (`1️⃣`, `①`), Markdown stars, invisible joiners and direction marks. They are rewritten
 * to their plain form here, once, so that every later step sees one spelling.
 */

/** A signal is a chat message: far below this; a longer text is something else. */
export const MAX_SIGNAL_CHARS = 20_000;

/**
 * Code points dropped: soft hyphen, Arabic letter mark, zero-width spaces and joiners,
 * direction marks and isolates, variation selectors, byte-order mark; the Arabic tatweel and
 * short vowel marks.
 */
const DROPPED: readonly (readonly [first: number, last: number])[] = [
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x2069],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0x0640, 0x0640],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
];

/** Numbers in a circle or on a keycap are list markers: `①` and `1️⃣` become `1)`. */
const CIRCLED_RANGES: typeof DROPPED = [
  [0x2460, 0x2473], // ① … ⑳
  [0x2776, 0x277f], // ❶ … ❿
  [0x2780, 0x2789], // ➀ … ➉
  [0x278a, 0x2793], // ➊ … ➓
  [0x24f5, 0x24fe], // ⓵ … ⓾
];

/** Punctuation rewritten before compatibility folding, so that a CJK comma never joins digits. */
const PUNCTUATION: Readonly<Record<string, string>> = {
  '，': ', ',
  '、': ', ',
  '،': ', ',
  '。': '. ',
  '；': '; ',
  '؛': '; ',
  '٫': '.',
  '٬': ',',
  '٪': '%',
  '–': '-',
  '—': '-',
  '‒': '-',
  '―': '-',
  '−': '-',
};

/**
 * Arabic and Persian spellings of one letter are one letter here (ي/ی, ك/ک, أ/إ/آ/ا, ة/ه),
 * since channels type whichever their keyboard gives; short vowel marks and the tatweel
 * are dropped.
 */
const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  ي: 'ی',
  ى: 'ی',
  ك: 'ک',
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ة: 'ه',
};

function plainDigit(ch: string): string | undefined {
  const code = ch.codePointAt(0) ?? 0;
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return undefined;
}

function inRanges(ch: string, ranges: typeof DROPPED): number | undefined {
  const code = ch.codePointAt(0) ?? 0;
  for (const [first, last] of ranges) {
    if (code >= first && code <= last) return code - first;
  }
  return undefined;
}

function isSubscriptDigit(ch: string): boolean {
  return ch >= '₀' && ch <= '₉';
}

/** One character in its plain form; subscript digits stay, they carry the `0.0₄123` notation. */
export function plainCharacter(ch: string): string {
  const punctuation = PUNCTUATION[ch];
  if (punctuation !== undefined) return punctuation;
  const digit = plainDigit(ch);
  if (digit !== undefined) return digit;
  const circled = inRanges(ch, CIRCLED_RANGES);
  if (circled !== undefined) return ` ${circled + 1}) `;
  if (inRanges(ch, DROPPED) !== undefined) return '';
  const arabic = ARABIC_LETTERS[ch];
  if (arabic !== undefined) return arabic;
  if (isSubscriptDigit(ch)) return ch;
  return ch.normalize('NFKC');
}

/** The text in plain characters (see the module comment), line breaks unified. */
export function plainText(text: string): string {
  const unified = text.replace(/\r\n?|[\u2028\u2029]/gu, '\n').replace(/(\d)\uFE0F?\u20E3/gu, ' $1) ');
  let plain = '';
  for (const ch of unified) plain += plainCharacter(ch);
  // Markdown emphasis and code marks around labels and numbers (`**ENTRY:**`, `` `0.56` ``).
  return plain.replace(/\*\*|__|~~|`/gu, ' ');
}

/** The non-empty lines of a signal, each in plain characters and trimmed. */
export function signalLines(text: string): string[] {
  return plainText(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/gu, ' ').trim())
    .filter((line) => line !== '');
}

/**
 * Lower case for matching words, one UTF-16 unit for one (so positions found in the folded
 * line are positions in the line itself). Turkish dotted and dotless i fold to `i`.
 */
export function foldCase(line: string): string {
  let folded = '';
  for (let at = 0; at < line.length; at += 1) {
    const unit = line[at] ?? '';
    if (unit === 'İ' || unit === 'ı' || unit === 'I') {
      folded += 'i';
      continue;
    }
    const lower = unit.toLowerCase();
    folded += lower.length === 1 ? lower : unit;
  }
  return folded;
}
