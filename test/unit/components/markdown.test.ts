import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { parseMarkdown, parseInline, slugOf, type Block } from '../../../components/markdown';

const PLAN_FORMAT = readFileSync(resolve('docs/plan-format.md'), 'utf8');

/** The anchors the planner's help links and the page's own links point to. */
const FORM_ANCHORS = [
  'instrument',
  'account',
  'entry',
  'stop',
  'volatility',
  'sizing',
  'scalein',
  'scaleout',
  'stoprules',
  'limits',
  'alerts',
  'levels',
  'tranche-signal',
];

function ids(blocks: readonly Block[]): Set<string> {
  return new Set(blocks.flatMap((block) => (block.kind === 'heading' ? [block.id] : [])));
}

describe('the plan format reference as the extension shows it', () => {
  const blocks = parseMarkdown(PLAN_FORMAT);

  it('has a heading for every section the planner links to', () => {
    const anchors = ids(blocks);
    expect(FORM_ANCHORS.filter((anchor) => !anchors.has(anchor))).toEqual([]);
  });

  it('every link inside the page lands on one of its headings', () => {
    const anchors = ids(blocks);
    const links = [...PLAN_FORMAT.matchAll(/\]\(#([^)]+)\)/gu)].map((match) => match[1] ?? '');
    expect(links.length).toBeGreaterThan(30);
    expect(links.filter((anchor) => !anchors.has(anchor))).toEqual([]);
  });

  it('reads its tables, code and lists', () => {
    const kinds = new Set(blocks.map((block) => block.kind));
    expect([...kinds].sort()).toEqual(['code', 'heading', 'list', 'paragraph', 'table']);
  });
});

describe('the Markdown the reference pages use', () => {
  it('headings take the id of an anchor line before them, else a slug of their words', () => {
    expect(parseMarkdown('<a id="open-risk"></a>\n\n### Open risk\n\n## `tranche signal` in short')).toEqual([
      { kind: 'heading', level: 3, id: 'open-risk', text: [{ kind: 'text', text: 'Open risk' }] },
      {
        kind: 'heading',
        level: 2,
        id: 'tranche-signal-in-short',
        text: [
          { kind: 'code', text: 'tranche signal' },
          { kind: 'text', text: ' in short' },
        ],
      },
    ]);
    expect(slugOf('Measures: levels')).toBe('measures-levels');
  });

  it('a table, a list with a nested item, a code block', () => {
    const source =
      '| a | b |\n| --- | --- |\n| 1 | `2` |\n\n- one\n  continued\n  - nested\n- two\n\n```json\n{ }\n```';
    expect(parseMarkdown(source)).toEqual([
      {
        kind: 'table',
        head: [[{ kind: 'text', text: 'a' }], [{ kind: 'text', text: 'b' }]],
        rows: [[[{ kind: 'text', text: '1' }], [{ kind: 'code', text: '2' }]]],
      },
      {
        kind: 'list',
        items: [
          {
            text: [{ kind: 'text', text: 'one continued' }],
            items: [{ text: [{ kind: 'text', text: 'nested' }], items: [] }],
          },
          { text: [{ kind: 'text', text: 'two' }], items: [] },
        ],
      },
      { kind: 'code', language: 'json', text: '{ }' },
    ]);
  });

  it('inline: code, strong, emphasis and links; markup is never read as HTML', () => {
    expect(parseInline('**R** is [risk](#r), *not* `<b>`')).toEqual([
      { kind: 'strong', children: [{ kind: 'text', text: 'R' }] },
      { kind: 'text', text: ' is ' },
      { kind: 'link', href: '#r', children: [{ kind: 'text', text: 'risk' }] },
      { kind: 'text', text: ', ' },
      { kind: 'em', children: [{ kind: 'text', text: 'not' }] },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: '<b>' },
    ]);
  });
});
