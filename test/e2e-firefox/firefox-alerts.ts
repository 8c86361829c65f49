import type { BidiConnection } from './bidi-connection';
import { FirefoxPage } from './firefox-page';

/*
 * The notifications Firefox shows, as the trader sees them: each is a small window of
 * Firefox's own (the profile turns the system's notification service off), read and
 * clicked through BiDi's access to Firefox's privileged windows (--remote-allow-system-access).
 */

/** Firefox's alert window. */
const ALERT_WINDOW_URL = 'chrome://global/content/alerts/alert.xhtml';

export interface FirefoxAlert {
  readonly title: string;
  readonly text: string;
  /** Click the notification, as the trader does: the extension's notifications.onClicked runs. */
  click(): Promise<void>;
}

/** The notifications on screen now. */
export async function shownAlerts(bidi: BidiConnection): Promise<FirefoxAlert[]> {
  const windows = await FirefoxPage.findAll(bidi, { 'moz:scope': 'chrome' }, ALERT_WINDOW_URL);
  return Promise.all(
    windows.map(async (window) => {
      const { title, text } = await window.evaluate(() => ({
        title: document.getElementById('alertTitleLabel')?.getAttribute('value') ?? '',
        text: document.getElementById('alertTextLabel')?.textContent ?? '',
      }));
      return {
        title,
        text,
        // The alert listens for clicks on its whole window (BiDi's input actions do not
        // reach privileged windows, so the click is dispatched on its text).
        click: () => window.evaluate(() => document.getElementById('alertTextLabel')?.click()),
      };
    }),
  );
}
