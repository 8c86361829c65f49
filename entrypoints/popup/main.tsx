import { render } from 'preact';

import { STYLES } from '../../components/theme';
import { App } from './App';
import { findTargetTab } from './target-tab';

const style = document.createElement('style');
// The popup's frame is sized to its content: no margin around it. Opened in a tab (from a
// notification), the page around it takes the theme's background.
style.textContent = `${STYLES}body{margin:0;}`;
document.head.append(style);
document.body.classList.add('tr-root', 'tr-auto');

const root = document.getElementById('app');
const highlightId = new URLSearchParams(location.search).get('plan');
if (root !== null) {
  void findTargetTab(location.search).then((target) =>
    render(<App target={target} highlightId={highlightId} />, root),
  );
}
