import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/*
 * Launches the built extension in Debian's Chromium, off the network (NOTES-env
 * "End-to-end in Chromium"): shared by the end-to-end tests and `npm run demo`.
 */

/** The Chrome build `npx wxt build` writes. */
export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export interface ExtensionSession {
  readonly context: BrowserContext;
  /** The extension's id: the host of its service worker's URL. */
  readonly extensionId: string;
  /** The background service worker; `evaluate` runs code in it (with `chrome.*`). */
  readonly serviceWorker: Worker;
  /** The fresh profile (with `--remote-debugging-port=0`, Chromium writes `DevToolsActivePort` here). */
  readonly userDataDir: string;
  /** Closes the browser and deletes its fresh profile. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The unpacked extension to load; default EXTENSION_DIR. */
  readonly extensionDir?: string;
  /** Extra Chromium switches. */
  readonly args?: readonly string[];
  /** Default true; the demo shows the window when there is a display. */
  readonly headless?: boolean;
  /** The system theme pages see; default light (Chromium's own default). */
  readonly colorScheme?: 'light' | 'dark';
}

/** The Chromium binary (CHROMIUM_PATH overrides), or an error that says how to install it. */
export function chromiumPath(): string {
  const path = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}: run apt-get update && apt-get install -y chromium`);
  }
  return path;
}

/** A fresh profile with the extension loaded; fails, never skips, when Chromium or the build is missing. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionSession> {
  const executablePath = chromiumPath();
  const extensionDir = resolve(options.extensionDir ?? EXTENSION_DIR);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`Extension build not found at ${extensionDir}: run npm run build`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'tranche-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless ?? true,
    colorScheme: options.colorScheme ?? 'light',
    // Playwright passes --disable-extensions by default.
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Lets the DevTools protocol click the toolbar button (Extensions.triggerAction).
      '--enable-unsafe-extension-debugging',
      // Nothing leaves the machine: fixtures are served by context.route, the rest by 127.0.0.1.
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
      ...(options.args ?? []),
    ],
  });
  try {
    const serviceWorker =
      context.serviceWorkers().find((worker) => worker.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 10_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    return {
      context,
      extensionId,
      serviceWorker,
      userDataDir,
      close: async () => {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
