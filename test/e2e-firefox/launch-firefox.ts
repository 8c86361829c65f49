import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { BidiConnection } from './bidi-connection';
import { writeProfile } from './firefox-profile';

/*
 * Debian's Firefox ESR with the built Firefox extension, driven through Firefox's own
 * WebDriver BiDi endpoint (NOTES-env "Firefox": playwright-core cannot drive this Firefox).
 * Headless, a fresh profile per launch, off the network (firefox-profile.ts).
 */

/** The Firefox build `npm run build:firefox` writes. */
export const FIREFOX_EXTENSION_DIR = resolve('.output/firefox-mv2');

/** Firefox's start, to the line that gives its BiDi address. */
const START_TIMEOUT_MILLIS = 30_000;
/** A clean quit (browser.close) before the process is killed. */
const QUIT_TIMEOUT_MILLIS = 5_000;
/** Keep the tail of Firefox's output for failure messages. */
const MAX_LOG_CHARS = 200_000;

export interface FirefoxBrowser {
  readonly bidi: BidiConnection;
  /** moz-extension://<uuid>: where the installed extension's pages are. */
  readonly extensionOrigin: string;
  /** Firefox's standard output and error so far: its console (the extension's errors), crashes. */
  log(): string;
  /** Quit Firefox (killing it if it does not quit) and delete its profile. */
  close(): Promise<void>;
}

/** The Firefox binary (FIREFOX_PATH overrides), or the one line that says how to install it. */
export function firefoxPath(): string {
  const override = process.env['FIREFOX_PATH'];
  const path = override ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `Firefox ESR is missing: apt-get install -y firefox-esr${override === undefined ? '' : ` (FIREFOX_PATH=${override})`}`,
    );
  }
  return path;
}

/** The gecko id the build declares (browser_specific_settings.gecko.id). */
function extensionIdOf(extensionDir: string): string {
  const manifestFile = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestFile)) {
    throw new Error(`Firefox build not found at ${extensionDir}: run npm run build:firefox`);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (id === undefined) throw new Error(`${manifestFile} has no browser_specific_settings.gecko.id`);
  return id;
}

/** Kill Firefox and every process it started (they share its process group). */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function exited(child: ChildProcess, timeoutMillis: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), timeoutMillis);
    child.once('exit', () => (clearTimeout(timer), done(true)));
  });
}

/** Wait for the line `WebDriver BiDi listening on ws://…` (or fail with what Firefox said). */
function bidiAddress(child: ChildProcess, log: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`Firefox did not open its BiDi endpoint within ${START_TIMEOUT_MILLIS} ms:\n${log()}`),
        ),
      START_TIMEOUT_MILLIS,
    );
    const check = () => {
      const match = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log());
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.stderr?.off('data', check);
      resolve(match[1]);
    };
    child.stderr?.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`Firefox exited (${signal ?? `code ${String(code)}`}) before it was ready:\n${log()}`),
      );
    });
  });
}

/** Start Firefox with a fresh profile, open a BiDi session and install the built extension. */
export async function launchFirefox(extensionDir = FIREFOX_EXTENSION_DIR): Promise<FirefoxBrowser> {
  const executable = firefoxPath();
  const extensionId = extensionIdOf(extensionDir);
  const extensionUuid = randomUUID();
  const profileDir = mkdtempSync(join(tmpdir(), 'tranche-firefox-'));
  writeProfile(profileDir, extensionId, extensionUuid);

  const child = spawn(
    executable,
    [
      '--headless',
      '--no-remote',
      '--profile',
      profileDir,
      '--remote-debugging-port=0',
      // Lets BiDi open and script the extension's own pages (moz-extension://), which it
      // otherwise refuses: the popup is tested as a page of its own, as in the Chromium tests.
      '--remote-allow-system-access',
      'about:blank',
    ],
    {
      // Its own process group, so that closing kills its content processes too.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        MOZ_CRASHREPORTER_DISABLE: '1',
        // Mozilla's own test switch: a connection to an address not on this machine stops
        // Firefox with "Non-local network connections are disabled" (the profile resolves
        // every name to 127.0.0.1), and the profile's remote settings address is obeyed.
        MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1',
      },
    },
  );
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-MAX_LOG_CHARS);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  // Should the test process end without closing (a crash), Firefox and its profile go with it.
  const killOnExit = () => {
    killGroup(child);
    rmSync(profileDir, { recursive: true, force: true });
  };
  process.once('exit', killOnExit);

  let bidi: BidiConnection | undefined;
  const close = async () => {
    await bidi?.send('browser.close', {}, QUIT_TIMEOUT_MILLIS).catch(() => undefined);
    bidi?.close();
    if (!(await exited(child, QUIT_TIMEOUT_MILLIS))) {
      killGroup(child);
      await exited(child, QUIT_TIMEOUT_MILLIS);
    }
    process.off('exit', killOnExit);
    rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    const address = await bidiAddress(child, () => output);
    bidi = await BidiConnection.open(`${address}/session`, START_TIMEOUT_MILLIS);
    await bidi.send('session.new', { capabilities: {} });
    await bidi.send('webExtension.install', { extensionData: { type: 'path', path: extensionDir } });
  } catch (error) {
    await close();
    throw error;
  }
  return { bidi, extensionOrigin: `moz-extension://${extensionUuid}`, log: () => output, close };
}
