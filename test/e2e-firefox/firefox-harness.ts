import { afterAll, beforeAll, beforeEach } from 'vitest';

import { readFixture } from '../e2e/fixture-files';
import type { BidiConnection } from './bidi-connection';
import { shownAlerts, type FirefoxAlert } from './firefox-alerts';
import { FirefoxPage } from './firefox-page';
import { launchFirefox, type FirefoxBrowser } from './launch-firefox';

/*
 * The Firefox end-to-end session of a test file: Firefox with the built extension,
 * committed fixtures answered at the sites' real URLs, every other request refused.
 *
 *   const firefox = useFirefox({ 'https://www.binance.com/en/futures/BTCUSDT': 'binance-futures.html' });
 *   it('…', async () => {
 *     const session = await firefox();
 *     const page = await session.openPage('https://www.binance.com/en/futures/BTCUSDT');
 *     …
 *   });
 */

/** The scripted price player (test/fixtures/e2e/runner.js), served at this path of any origin. */
const RUNNER_PATH = '/tranche-e2e-runner.js';
/** The schemes whose requests would leave the machine: all of them are intercepted. */
const NETWORK_PROTOCOLS = ['http', 'https'];
/** The last lines of Firefox's output printed under a failed test. */
const LOG_LINES_ON_FAILURE = 60;

interface RequestEvent {
  readonly isBlocked: boolean;
  readonly request: { readonly request: string; readonly url: string };
}

export class FirefoxSession {
  private readonly refused: string[] = [];

  constructor(
    readonly browser: FirefoxBrowser,
    private readonly pages: Readonly<Record<string, string>>,
  ) {}

  private get bidi(): BidiConnection {
    return this.browser.bidi;
  }

  /**
   * Every http(s) request of a page is held: a fixture's URL is answered with the fixture,
   * any other refused. (data:, blob: and the extension's own files never reach the network;
   * a WebSocket would meet the profile's dead proxy.)
   */
  async interceptRequests(): Promise<void> {
    this.bidi.on(
      'network.beforeRequestSent',
      (params) => void this.answer(params as unknown as RequestEvent),
    );
    await this.bidi.send('session.subscribe', { events: ['network.beforeRequestSent'] });
    await this.bidi.send('network.addIntercept', {
      phases: ['beforeRequestSent'],
      urlPatterns: NETWORK_PROTOCOLS.map((protocol) => ({ type: 'pattern', protocol })),
    });
  }

  /** The URLs refused so far (none of them left the machine). */
  refusedRequests(): readonly string[] {
    return [...this.refused];
  }

  /** A new window showing `url` (a page of the extension: `extensionUrl('/popup.html')`). */
  async openPage(url: string): Promise<FirefoxPage> {
    const page = await FirefoxPage.open(this.bidi);
    await page.navigate(url);
    return page;
  }

  /** The open page (a tab the extension opened, say) whose address starts with `urlPrefix`. */
  async findPage(urlPrefix: string): Promise<FirefoxPage | undefined> {
    return (await FirefoxPage.findAll(this.bidi, { 'moz:scope': 'content' }, urlPrefix))[0];
  }

  /** The notifications Firefox shows now. */
  alerts(): Promise<FirefoxAlert[]> {
    return shownAlerts(this.bidi);
  }

  extensionUrl(path: string): string {
    return `${this.browser.extensionOrigin}${path}`;
  }

  /** What the extension logged as a failure (its errors start with "Tranche:"). */
  extensionErrors(): string[] {
    return this.browser
      .log()
      .split('\n')
      .filter((line) => /^console\.(error|warn): .*Tranche:/.test(line));
  }

  private async answer(event: RequestEvent): Promise<void> {
    if (!event.isBlocked) return;
    const { request, url } = event.request;
    const fixture = this.pages[url] ?? (new URL(url).pathname === RUNNER_PATH ? 'runner.js' : undefined);
    // A page closed meanwhile takes its request with it: nothing is left to answer then.
    if (fixture === undefined) {
      this.refused.push(url);
      await this.bidi.send('network.failRequest', { request }).catch(() => undefined);
      return;
    }
    const contentType = fixture.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8';
    await this.bidi
      .send('network.provideResponse', {
        request,
        statusCode: 200,
        reasonPhrase: 'OK',
        headers: [{ name: 'Content-Type', value: { type: 'string', value: contentType } }],
        body: { type: 'string', value: readFixture(fixture) },
      })
      .catch(() => undefined);
  }
}

/**
 * One Firefox session for a test file, serving `pages` (exact URL → fixture file): launched
 * in `beforeAll`, closed in `afterAll` (also when a test failed). Each test awaits the
 * returned function, so a missing Firefox or build fails every test with its one-line
 * instruction instead of marking them skipped. A failed test prints Firefox's last lines.
 */
export function useFirefox(pages: Readonly<Record<string, string>>): () => Promise<FirefoxSession> {
  let launching: Promise<FirefoxSession> | undefined;
  beforeAll(async () => {
    launching = launchFirefox().then(async (browser) => {
      const session = new FirefoxSession(browser, pages);
      try {
        await session.interceptRequests();
        return session;
      } catch (error) {
        await browser.close();
        throw error;
      }
    });
    // Reported by each test that awaits it.
    launching.catch(() => undefined);
  });
  beforeEach(({ onTestFailed }) => {
    onTestFailed(async () => {
      const session = await launching?.catch(() => undefined);
      const lines = session?.browser.log().trimEnd().split('\n').slice(-LOG_LINES_ON_FAILURE) ?? [];
      if (lines.length > 0)
        console.error(`Firefox's last ${lines.length} lines of output:\n${lines.join('\n')}`);
    });
  });
  afterAll(async () => {
    const session = await launching?.catch(() => undefined);
    await session?.browser.close();
  });
  return () => launching ?? Promise.reject(new Error('useFirefox: beforeAll has not run'));
}
