import { useEffect } from 'preact/hooks';

/**
 * Run `load` now and again `intervalMillis` after each run ends, while the page is
 * visible (a hidden tab's popup or panel asks nothing); at once when it becomes visible.
 */
export function usePolling(load: () => Promise<void>, intervalMillis: number): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isStopped = false;
    const run = async () => {
      if (document.visibilityState === 'visible') await load();
      if (!isStopped) timer = setTimeout(() => void run(), intervalMillis);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void load();
    };
    void run();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      isStopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [load, intervalMillis]);
}
