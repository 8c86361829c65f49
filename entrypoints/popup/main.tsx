import { render } from 'preact';

import { STYLES } from '../../components/theme';
import { App } from './App';
import { findTargetTab } from './target-tab';

const style = document.createElement('style');
// The popup's frame is sized to its content: no margin around it.
style.textContent = `${STYLES}body{margin:0;}`;
document.head.append(style);

const root = document.getElementById('app');
if (root !== null) {
  void findTargetTab(location.search).then((target) => render(<App target={target} />, root));
}
