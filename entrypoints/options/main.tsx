import { render } from 'preact';

import { STYLES } from '../../components/theme';
import { App } from './App';

const style = document.createElement('style');
style.textContent = `${STYLES}body{margin:0;}`;
document.head.append(style);
document.body.classList.add('tr-root', 'tr-auto');

const root = document.getElementById('app');
if (root !== null)
  render(
    <App
      initialHighlight={new URLSearchParams(location.search).get('plan')}
      initialTab={location.hash === '#design' ? 'design' : 'plans'}
    />,
    root,
  );
