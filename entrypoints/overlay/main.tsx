import { render } from 'preact';

import { STYLES } from '../../components/theme';
import { OverlayApp } from './App';
import { readFrameParams } from './frame-params';

const style = document.createElement('style');
// The frame is sized to the panel by the content script: no margin, see-through around it.
style.textContent = `${STYLES}html,body{margin:0;background:transparent;overflow:hidden;}.tr-overlay{max-height:100vh;overflow-y:auto;}`;
document.head.append(style);

const root = document.getElementById('app');
const params = readFrameParams(location.search);
if (root !== null) {
  render(
    params === null ? (
      <p>Tranche: this panel was opened without its page.</p>
    ) : (
      <OverlayApp params={params} />
    ),
    root,
  );
}
