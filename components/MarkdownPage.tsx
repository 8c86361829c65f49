import type { ComponentChildren } from 'preact';

import type { Block, Inline, ListItem } from './markdown';

/** An address a reference page may link to: a place on the page, or a web page over https. */
function safeHref(href: string): string | null {
  return href.startsWith('#') || href.startsWith('https://') ? href : null;
}

function Inlines({ parts }: { parts: readonly Inline[] }): ComponentChildren {
  return parts.map((part, index) => {
    switch (part.kind) {
      case 'text':
        return part.text;
      case 'code':
        return <code key={index}>{part.text}</code>;
      case 'strong':
        return (
          <strong key={index}>
            <Inlines parts={part.children} />
          </strong>
        );
      case 'em':
        return (
          <em key={index}>
            <Inlines parts={part.children} />
          </em>
        );
      case 'link': {
        const href = safeHref(part.href);
        return href === null ? (
          <Inlines key={index} parts={part.children} />
        ) : (
          <a key={index} href={href}>
            <Inlines parts={part.children} />
          </a>
        );
      }
    }
  });
}

function Items({ items }: { items: readonly ListItem[] }) {
  return (
    <ul>
      {items.map((item, index) => (
        <li key={index}>
          <Inlines parts={item.text} />
          {item.items.length > 0 && <Items items={item.items} />}
        </li>
      ))}
    </ul>
  );
}

/** A reference page (docs/*.md read by components/markdown.ts), in the theme's colours. */
export function MarkdownPage({ blocks }: { blocks: readonly Block[] }) {
  return (
    <article class="tr-doc">
      {blocks.map((block, index) => {
        switch (block.kind) {
          case 'heading': {
            const Tag = `h${block.level}` as 'h1' | 'h2' | 'h3' | 'h4';
            return (
              <Tag key={index} id={block.id}>
                <Inlines parts={block.text} />
              </Tag>
            );
          }
          case 'paragraph':
            return (
              <p key={index}>
                <Inlines parts={block.text} />
              </p>
            );
          case 'code':
            return (
              <pre key={index}>
                <code>{block.text}</code>
              </pre>
            );
          case 'list':
            return <Items key={index} items={block.items} />;
          case 'table':
            return (
              <table key={index} class="tr-table">
                <thead>
                  <tr>
                    {block.head.map((cell, cellIndex) => (
                      <th key={cellIndex} scope="col">
                        <Inlines parts={cell} />
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {block.rows.map((row, rowIndex) => (
                    <tr key={rowIndex}>
                      {row.map((cell, cellIndex) => (
                        <td key={cellIndex}>
                          <Inlines parts={cell} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
        }
      })}
    </article>
  );
}
