/*
 * The subset of Markdown the project's reference pages use (docs/plan-format.md), read into
 * blocks that components render as elements — never as HTML text, so nothing in a page
 * can become markup. Headings take the id of an `<a id="…"></a>` line just before them,
 * else a slug of their text, so `plan-format.html#stop` lands where the repository's
 * `docs/plan-format.md#stop` does.
 */

export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'strong'; readonly children: readonly Inline[] }
  | { readonly kind: 'em'; readonly children: readonly Inline[] }
  | { readonly kind: 'link'; readonly href: string; readonly children: readonly Inline[] };

export interface ListItem {
  readonly text: readonly Inline[];
  readonly items: readonly ListItem[];
}

export type Block =
  | {
      readonly kind: 'heading';
      readonly level: number;
      readonly id: string;
      readonly text: readonly Inline[];
    }
  | { readonly kind: 'paragraph'; readonly text: readonly Inline[] }
  | { readonly kind: 'code'; readonly language: string; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly ListItem[] }
  | {
      readonly kind: 'table';
      readonly head: readonly (readonly Inline[])[];
      readonly rows: readonly (readonly (readonly Inline[])[])[];
    };

const INLINE = /`([^`]+)`|\*\*(.+?)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|\*([^*\s][^*]*?)\*/u;

export function parseInline(text: string): Inline[] {
  const parts: Inline[] = [];
  let rest = text;
  // Each turn consumes at least one character of `rest`, so the loop ends.
  while (rest !== '') {
    const match = INLINE.exec(rest);
    if (match === null) {
      parts.push({ kind: 'text', text: rest });
      break;
    }
    if (match.index > 0) parts.push({ kind: 'text', text: rest.slice(0, match.index) });
    const [whole, code, strong, label, href, em] = match;
    if (code !== undefined) parts.push({ kind: 'code', text: code });
    else if (strong !== undefined) parts.push({ kind: 'strong', children: parseInline(strong) });
    else if (label !== undefined && href !== undefined)
      parts.push({ kind: 'link', href, children: parseInline(label) });
    else parts.push({ kind: 'em', children: parseInline(em ?? '') });
    rest = rest.slice(match.index + whole.length);
  }
  return parts;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens. */
export function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/gu, '-');
}

const ANCHOR = /^<a id="([^"]+)"><\/a>$/u;
const HEADING = /^(#{1,4}) (.+)$/u;
const ITEM = /^( *)- (.*)$/u;

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/gu, '')
    .split('|')
    .map((cell) => cell.trim());
}

/** The page's blocks, in order. */
export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/gu, '\n').split('\n');
  const blocks: Block[] = [];
  let anchor: string | null = null;
  let at = 0;
  while (at < lines.length) {
    const line = lines[at] ?? '';
    const anchorMatch = ANCHOR.exec(line.trim());
    const heading = HEADING.exec(line);
    if (line.trim() === '') {
      at += 1;
    } else if (anchorMatch) {
      anchor = anchorMatch[1] ?? null;
      at += 1;
    } else if (heading) {
      const text = heading[2] ?? '';
      blocks.push({
        kind: 'heading',
        level: heading[1]?.length ?? 1,
        id: anchor ?? slugOf(text.replace(/`/gu, '')),
        text: parseInline(text),
      });
      anchor = null;
      at += 1;
    } else if (line.startsWith('```')) {
      const end = lines.findIndex((candidate, index) => index > at && candidate.startsWith('```'));
      const stop = end === -1 ? lines.length : end;
      blocks.push({
        kind: 'code',
        language: line.slice(3).trim(),
        text: lines.slice(at + 1, stop).join('\n'),
      });
      at = stop + 1;
    } else if (line.startsWith('|')) {
      const rows: string[][] = [];
      while (at < lines.length && (lines[at] ?? '').startsWith('|')) rows.push(cells(lines[at++] ?? ''));
      const [head = [], , ...body] = rows;
      blocks.push({
        kind: 'table',
        head: head.map(parseInline),
        rows: body.map((row) => row.map(parseInline)),
      });
    } else if (ITEM.test(line)) {
      const items: { indent: number; text: string }[] = [];
      while (at < lines.length && (lines[at] ?? '').trim() !== '') {
        const current = lines[at] ?? '';
        const item = ITEM.exec(current);
        const last = items[items.length - 1];
        if (item) items.push({ indent: item[1]?.length ?? 0, text: item[2] ?? '' });
        else if (last !== undefined) last.text = `${last.text} ${current.trim()}`;
        at += 1;
      }
      blocks.push({ kind: 'list', items: nest(items) });
    } else {
      const text: string[] = [];
      while (at < lines.length && isParagraphLine(lines[at] ?? '')) text.push((lines[at++] ?? '').trim());
      blocks.push({ kind: 'paragraph', text: parseInline(text.join(' ')) });
    }
  }
  return blocks;
}

function isParagraphLine(line: string): boolean {
  return (
    line.trim() !== '' &&
    !HEADING.test(line) &&
    !line.startsWith('```') &&
    !line.startsWith('|') &&
    !ITEM.test(line) &&
    !ANCHOR.test(line.trim())
  );
}

/** Items indented deeper than the first belong to the item before them (one level, as the pages use). */
function nest(items: readonly { indent: number; text: string }[]): ListItem[] {
  const top = items[0]?.indent ?? 0;
  const nested: { text: Inline[]; items: ListItem[] }[] = [];
  for (const item of items) {
    const parent = nested[nested.length - 1];
    if (item.indent > top && parent !== undefined)
      parent.items.push({ text: parseInline(item.text), items: [] });
    else nested.push({ text: parseInline(item.text), items: [] });
  }
  return nested;
}
