import { render } from 'preact';

import { parseMarkdown } from '../../components/markdown';
import { MarkdownPage } from '../../components/MarkdownPage';
import { STYLES } from '../../components/theme';
import planFormat from '../../docs/plan-format.md?raw';

// The plan format reference, built into the extension from the repository's own page, so
// the planner's help links work offline and always match this version's plan format.
const style = document.createElement('style');
style.textContent = `${STYLES}body{margin:0;}`;
document.head.append(style);
document.body.classList.add('tr-root', 'tr-auto');

const root = document.getElementById('app');
if (root !== null) {
  render(
    <main class="tr-page">
      <MarkdownPage blocks={parseMarkdown(planFormat)} />
    </main>,
    root,
  );
  // The page is drawn after the browser looked for the address's #anchor: look again.
  document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
}
