import { render } from 'preact';

render(<p>Tranche</p>, document.getElementById('app')!);
