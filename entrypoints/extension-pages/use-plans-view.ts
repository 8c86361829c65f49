import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

import type { PlansView } from '../../lib/messages/plans';
import { VIEW_PORT_NAME, type ViewScope } from '../../lib/messages/view-port';
import { subscribeToViews } from './view-subscription';

export interface PlansViewState {
  /** Null until the background's first view arrives. */
  readonly view: PlansView | null;
  /** Why the surface has no fresh view; null once one arrives. */
  readonly error: string | null;
}

/**
 * The plans a surface shows, pushed by the background after every change
 * (./view-subscription.ts). `scope` is compared by value: a new object with the same
 * scope keeps the subscription.
 */
export function usePlansView(scope: ViewScope): PlansViewState {
  const [state, setState] = useState<PlansViewState>({ view: null, error: null });
  const scopeKey = JSON.stringify(scope);
  useEffect(() => {
    const subscription = subscribeToViews(
      {
        connect: () => browser.runtime.connect({ name: VIEW_PORT_NAME }),
        isVisible: () => document.visibilityState === 'visible',
        onVisibilityChange: (listener) => {
          document.addEventListener('visibilitychange', listener);
          return () => document.removeEventListener('visibilitychange', listener);
        },
      },
      JSON.parse(scopeKey) as ViewScope,
      {
        onView: (view) => setState({ view, error: null }),
        onError: (error) => setState((current) => ({ ...current, error })),
      },
    );
    return () => subscription.close();
  }, [scopeKey]);
  return state;
}
