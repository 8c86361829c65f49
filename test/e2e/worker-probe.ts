import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CDPSession, Page } from 'playwright-core';

import { waitFor, type ExtensionSession } from './harness';

/*
 * Watching and stopping the extension's service worker from the DevTools protocol, for
 * the exactly-once tests. Two channels, because each does what the other cannot:
 *
 * - A WebSocket to the browser's own DevTools endpoint (Chromium started with
 *   `--remote-debugging-port=0`), with flat sessions, which Playwright's CDPSession does
 *   not offer. `Target.setAutoAttach` with `waitForDebuggerOnStart` attaches to the
 *   worker; `Debugger.setInstrumentationBreakpoint('beforeScriptExecution')` pauses every
 *   later start of it before background.js runs (the session survives the worker being
 *   stopped), and while it is paused the probe wraps `chrome.notifications.create` and
 *   `chrome.storage.local.set`. So every notification the worker creates, in every life,
 *   is reported (`Runtime.addBinding`), and a fault can hold the worker at one exact point.
 * - A Playwright CDP session on an extension page for the `ServiceWorker` domain:
 *   `ServiceWorker.stopWorker` stops it and `workerVersionUpdated` says when it is
 *   stopped and running again. (`Target.closeTarget` on the worker's target and
 *   `ServiceWorker.stopAllWorkers` stop it as well in Chromium 156.)
 */

/** Where a fault holds the worker forever (until the test stops it): */
export const FaultPoint = {
  /** inside `notifications.create`: nothing is shown; */
  create: 'create',
  /** at the write of an event's journal entry (with state and outbox), before it lands; */
  commitBefore: 'commit-before',
  /** right after that write landed, before anything else (a reply, a notification); */
  commitAfter: 'commit-after',
  /** at the write that forgets the shown notifications (the outbox alone), before it lands. */
  outboxTrim: 'outbox-trim',
} as const;
export type FaultPoint = (typeof FaultPoint)[keyof typeof FaultPoint];

export type ProbeEvent =
  /** The worker's script is about to run: a new life of the worker. */
  | { readonly type: 'start'; readonly at: number }
  /** `notifications.create` reached the browser. */
  | { readonly type: 'create'; readonly id: string; readonly title: string; readonly message: string }
  /** A fault held the worker at `point`. */
  | { readonly type: 'hung'; readonly point: FaultPoint; readonly detail: string };

const BINDING = '__trancheProbeReport';

/** Runs in the worker before its script: wraps the two APIs once per life of the worker. */
const PATCH = `(() => {
  const scope = globalThis;
  if (scope.__trancheProbe !== undefined) return 'already';
  const report = (event) => scope.${BINDING}(JSON.stringify(event));
  const probe = { fault: null };
  scope.__trancheProbe = probe;
  const hang = (point, detail) => {
    probe.fault = null;
    report({ type: 'hung', point, detail });
    return new Promise(() => {});
  };
  const notifications = chrome.notifications;
  const create = notifications.create.bind(notifications);
  notifications.create = (id, options) => {
    if (probe.fault === 'create') return hang('create', String(id));
    report({ type: 'create', id: String(id), title: String(options.title), message: String(options.message) });
    return create(id, options);
  };
  const local = chrome.storage.local;
  const set = local.set.bind(local);
  local.set = async (items) => {
    const keys = Object.keys(items);
    const isCommit = keys.some((key) => key.startsWith('journal/'));
    const isTrim = keys.length === 1 && keys[0] === 'notifications/outbox';
    if (probe.fault === 'commit-before' && isCommit) return hang('commit-before', keys.join(' '));
    if (probe.fault === 'commit-after' && isCommit) {
      await set(items);
      return hang('commit-after', keys.join(' '));
    }
    if (probe.fault === 'outbox-trim' && isTrim) return hang('outbox-trim', keys.join(' '));
    return set(items);
  };
  report({ type: 'start', at: Date.now() });
  return 'patched';
})()`;

interface DevToolsMessage {
  readonly id?: number;
  readonly method?: string;
  readonly sessionId?: string;
  readonly params?: Record<string, unknown>;
  readonly result?: Record<string, unknown>;
  readonly error?: { readonly message: string };
}

/** The browser's DevTools endpoint over a WebSocket, with flat sessions. */
class DevToolsConnection {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private readonly listeners = new Set<(message: DevToolsMessage) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as DevToolsMessage;
      if (message.id !== undefined) {
        const waiting = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(message.error.message));
        else waiting?.resolve(message.result);
        return;
      }
      for (const listener of this.listeners) listener(message);
    });
  }

  /** Chromium writes the port it chose to `DevToolsActivePort` in the profile. */
  static async open(userDataDir: string): Promise<DevToolsConnection> {
    if (typeof WebSocket === 'undefined') {
      throw new Error(
        'the probe needs a global WebSocket: Node ≥ 22, or Node 20 with --experimental-websocket',
      );
    }
    const file = join(userDataDir, 'DevToolsActivePort');
    const text = await waitFor(
      'DevToolsActivePort (launch Chromium with --remote-debugging-port=0)',
      async () => (existsSync(file) ? readFileSync(file, 'utf8') : undefined),
    );
    const [port, path] = text.trim().split('\n');
    const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`);
    await new Promise<void>((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener(
        'error',
        () => reject(new Error('the DevTools endpoint refused the connection')),
        {
          once: true,
        },
      );
    });
    return new DevToolsConnection(socket);
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  on(listener: (message: DevToolsMessage) => void): void {
    this.listeners.add(listener);
  }

  close(): void {
    this.socket.close();
  }
}

/** The extension's service worker, watched from the DevTools protocol. */
export class WorkerProbe {
  private readonly recorded: ProbeEvent[] = [];
  private readonly problems: string[] = [];
  private sessionId: string | null = null;
  private versionId: string | null = null;
  private runningStatus = 'unknown';
  /** Times the worker was seen stopped: a stop followed at once by a start is still counted. */
  private stoppedCount = 0;
  /** Every running status seen, for the failure message of a stop that did not happen. */
  private readonly statusHistory: string[] = [];

  private constructor(
    private readonly devTools: DevToolsConnection,
    private readonly pageSession: CDPSession,
    private readonly workerUrl: string,
  ) {}

  /**
   * Attach to the worker of `session` (launched with `--remote-debugging-port=0`); `page`
   * is an extension page whose CDP session stops the worker.
   */
  static async attach(session: ExtensionSession, page: Page): Promise<WorkerProbe> {
    const devTools = await DevToolsConnection.open(session.userDataDir);
    const pageSession = await session.context.newCDPSession(page);
    const probe = new WorkerProbe(
      devTools,
      pageSession,
      `chrome-extension://${session.extensionId}/background.js`,
    );
    devTools.on((message) => probe.onDevToolsMessage(message));
    pageSession.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) {
        if (version.scriptURL !== probe.workerUrl) continue;
        probe.versionId = version.versionId;
        if (version.runningStatus === 'stopped' && probe.runningStatus !== 'stopped') probe.stoppedCount += 1;
        probe.runningStatus = version.runningStatus;
        probe.statusHistory.push(version.runningStatus);
      }
    });
    await pageSession.send('ServiceWorker.enable');
    await devTools.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: true,
      flatten: true,
      filter: [{ type: 'service_worker' }],
    });
    await waitFor('the probe in the service worker', async () =>
      probe.recorded.some((event) => event.type === 'start') ? true : undefined,
    );
    return probe;
  }

  private onDevToolsMessage(message: DevToolsMessage): void {
    const params = message.params ?? {};
    if (message.method === 'Target.attachedToTarget') {
      const info = params['targetInfo'] as { url: string };
      const sessionId = params['sessionId'] as string;
      const isWaiting = params['waitingForDebugger'] === true;
      this.handle(async () => {
        if (info.url === this.workerUrl) {
          this.sessionId = sessionId;
          // Wrapped first: with the breakpoint set, this evaluation would itself pause.
          await this.devTools.send('Runtime.addBinding', { name: BINDING }, sessionId);
          await this.patch(sessionId);
          await this.devTools.send('Debugger.enable', {}, sessionId);
          await this.devTools.send(
            'Debugger.setInstrumentationBreakpoint',
            { instrumentation: 'beforeScriptExecution' },
            sessionId,
          );
        }
        if (isWaiting) await this.devTools.send('Runtime.runIfWaitingForDebugger', {}, sessionId);
      });
    } else if (message.method === 'Debugger.paused' && message.sessionId !== undefined) {
      // Every script the worker runs pauses here first (its own, the extension bindings',
      // each evaluation): the worker's script in a new life is wrapped, then all resume.
      const sessionId = message.sessionId;
      const url = (params['data'] as { url?: string } | undefined)?.url ?? '';
      this.handle(async () => {
        if (url === this.workerUrl) {
          // A new life of the worker: its global scope is new, the binding with it.
          await this.devTools.send('Runtime.addBinding', { name: BINDING }, sessionId);
          await this.patch(sessionId);
        }
        await this.devTools.send('Debugger.resume', {}, sessionId);
      });
    } else if (message.method === 'Runtime.bindingCalled' && params['name'] === BINDING) {
      this.recorded.push(JSON.parse(String(params['payload'])) as ProbeEvent);
    }
  }

  private async patch(sessionId: string): Promise<void> {
    const result = await this.devTools.send<{ result: { value?: unknown } }>(
      'Runtime.evaluate',
      { expression: PATCH, returnByValue: true },
      sessionId,
    );
    if (result.result.value !== 'patched' && result.result.value !== 'already') {
      this.problems.push(`the probe could not wrap the worker's APIs: ${JSON.stringify(result)}`);
    }
  }

  /**
   * Handle one attach or pause. Not queued behind one another: an evaluation waiting for
   * its result may itself be paused, and only the pause's handler lets it go on.
   */
  private handle(work: () => Promise<void>): void {
    work().catch((error: unknown) => {
      // A worker stopped while paused ends its session mid-command: that is expected.
      if (!/not paused|No target|No session|closed/i.test(String(error))) this.problems.push(String(error));
    });
  }

  /** Everything reported so far, in order, across every life of the worker. */
  events(): readonly ProbeEvent[] {
    if (this.problems.length > 0) throw new Error(this.problems.join('\n'));
    return [...this.recorded];
  }

  /** The notifications the worker gave to the browser, in order, across every life. */
  created(): { id: string; title: string; message: string }[] {
    return this.events().flatMap((event) => (event.type === 'create' ? [event] : []));
  }

  /** How many times the worker's script started (1 + each restart) while attached. */
  starts(): number {
    return this.events().filter((event) => event.type === 'start').length;
  }

  /** Wait for an event after the first `after` events. */
  async waitForEvent<T extends ProbeEvent>(
    what: string,
    match: (event: ProbeEvent) => event is T,
    after = 0,
  ): Promise<T> {
    return waitFor(what, async () => this.events().slice(after).find(match));
  }

  /** The worker's next pass at `point` holds it there (only once; a restarted worker is clean). */
  async injectFault(point: FaultPoint): Promise<void> {
    await this.evaluate(`globalThis.__trancheProbe.fault = ${JSON.stringify(point)}`);
  }

  /** Evaluate an expression in the running worker (awaiting a promise), by value. */
  async evaluate<T>(expression: string): Promise<T> {
    if (this.sessionId === null) throw new Error('the probe is not attached to the worker');
    const reply = await this.devTools.send<{
      result: { value?: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    }>('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, this.sessionId);
    if (reply.exceptionDetails) {
      throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
    }
    return reply.result.value as T;
  }

  /** Whether the worker runs now ('running', 'stopped', 'starting', 'stopping'). */
  status(): string {
    return this.runningStatus;
  }

  /** Stop the worker as Chrome does when it is idle (ServiceWorker.stopWorker) and wait until it is stopped. */
  async stopWorker(): Promise<void> {
    if (this.versionId === null) throw new Error('the worker has no known version');
    const stoppedBefore = this.stoppedCount;
    await this.pageSession.send('ServiceWorker.stopWorker', { versionId: this.versionId });
    await waitFor('the worker to stop', async () =>
      this.stoppedCount > stoppedBefore ? true : undefined,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)} (statuses seen: ${this.statusHistory.slice(-8).join(' → ')})`);
    });
  }

  /** Wait until the worker runs again (something woke it). */
  async waitRunning(): Promise<void> {
    await waitFor('the worker to run again', async () =>
      this.runningStatus === 'running' ? true : undefined,
    );
  }

  async close(): Promise<void> {
    await this.pageSession.detach().catch(() => undefined);
    this.devTools.close();
  }
}
