import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

import { PickPrice, type PickStatus } from '../../components/PickPrice';
import type { PickedSiteView } from '../../lib/messages/replies';
import { originToMatchPattern } from '../../lib/messages/sender';
import { ask } from './background-client';
import type { TargetTab } from './target-tab';

/** The popup (for now: its "Pick the price on this page" section), wired to the background. */
export function App({ target }: { target: TargetTab | null }) {
  const [sites, setSites] = useState<readonly PickedSiteView[]>([]);
  const [status, setStatus] = useState<PickStatus>({ kind: 'idle' });

  const refresh = useCallback(async () => {
    const reply = await ask<'picked-sites-list'>({ type: 'picked-sites-list' });
    if (reply.ok) setSites(reply.sites);
    else setStatus({ kind: 'error', text: reply.error });
  }, []);
  useEffect(() => void refresh(), [refresh]);

  const pick = async () => {
    const origin = target?.origin;
    if (target === null || origin === null || origin === undefined) return;
    setStatus({ kind: 'busy' });
    // permissions.request needs the click's user gesture: it is the first await here.
    const pattern = originToMatchPattern(origin, { withPort: !import.meta.env.FIREFOX });
    const isGranted = await browser.permissions.request({ origins: [pattern] }).catch(() => false);
    if (!isGranted) {
      setStatus({ kind: 'error', text: `Tranche needs your permission to read ${origin}.` });
      return;
    }
    const reply = await ask<'picker-start'>({ type: 'picker-start', tabId: target.tabId });
    setStatus(reply.ok ? { kind: 'picking', origin: reply.origin } : { kind: 'error', text: reply.error });
  };

  const remove = async (origin: string) => {
    const reply = await ask<'picked-site-remove'>({ type: 'picked-site-remove', origin });
    if (!reply.ok) setStatus({ kind: 'error', text: reply.error });
    await refresh();
  };

  return (
    <main class="tr-root" style={{ width: '380px', minHeight: '120px' }}>
      <header class="tr-header">
        <h1>Tranche</h1>
      </header>
      <PickPrice
        pageOrigin={target?.origin ?? null}
        status={status}
        sites={sites}
        onPick={() => void pick()}
        onRemove={(origin) => void remove(origin)}
      />
    </main>
  );
}
