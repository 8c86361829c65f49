/*
 * A WebDriver BiDi connection (https://w3c.github.io/webdriver-bidi/): JSON commands with
 * an id over one WebSocket, each answered once by a `success` or an `error` with the same
 * id; `event` messages in between. Every command has a bounded wait, so a browser that
 * hangs fails the test with the command's name instead of holding it until vitest's limit.
 */

/** How long a command may take before it is reported as unanswered. */
const COMMAND_TIMEOUT_MILLIS = 30_000;

type Listener = (params: Record<string, unknown>) => void;

interface Pending {
  readonly method: string;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

interface BidiMessage {
  readonly type?: 'success' | 'error' | 'event';
  readonly id?: number;
  readonly result?: unknown;
  readonly error?: string;
  readonly message?: string;
  readonly method?: string;
  readonly params?: Record<string, unknown>;
}

export class BidiConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private closedReason: string | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => this.receive(String(event.data)));
    socket.addEventListener('close', () => this.fail('the connection to Firefox closed'));
  }

  /** Connect to a BiDi endpoint (`ws://127.0.0.1:PORT/session`). */
  static async open(url: string, timeoutMillis: number): Promise<BidiConnection> {
    if (typeof WebSocket === 'undefined') {
      throw new Error(
        'WebDriver BiDi needs a global WebSocket: Node ≥ 22, or Node 20 with --experimental-websocket',
      );
    }
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.close();
        reject(
          new Error(`Firefox's BiDi endpoint ${url} did not accept a connection within ${timeoutMillis} ms`),
        );
      }, timeoutMillis);
      socket.addEventListener('open', () => (clearTimeout(timer), resolve()), { once: true });
      socket.addEventListener(
        'error',
        () => (
          clearTimeout(timer),
          reject(new Error(`Firefox's BiDi endpoint ${url} refused the connection`))
        ),
        { once: true },
      );
    });
    return new BidiConnection(socket);
  }

  /** Send a command and wait for its result. */
  send<T = Record<string, unknown>>(
    method: string,
    params: object = {},
    timeoutMillis = COMMAND_TIMEOUT_MILLIS,
  ): Promise<T> {
    if (this.closedReason !== null) return Promise.reject(new Error(`BiDi ${method}: ${this.closedReason}`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`BiDi ${method} got no answer within ${timeoutMillis} ms`));
      }, timeoutMillis);
      this.pending.set(id, { method, resolve: resolve as (result: unknown) => void, reject, timer });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  /** Call `listener` with the parameters of every `method` event; returns the unsubscribe. */
  on(method: string, listener: Listener): () => void {
    const set = this.listeners.get(method) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(method, set);
    return () => set.delete(listener);
  }

  close(): void {
    this.fail('the connection was closed by the test');
    this.socket.close();
  }

  private receive(text: string): void {
    const message = JSON.parse(text) as BidiMessage;
    if (message.type === 'event' && message.method !== undefined) {
      for (const listener of this.listeners.get(message.method) ?? []) listener(message.params ?? {});
      return;
    }
    if (message.id === undefined) return;
    const waiting = this.pending.get(message.id);
    if (waiting === undefined) return;
    this.pending.delete(message.id);
    clearTimeout(waiting.timer);
    if (message.type === 'error') {
      waiting.reject(
        new Error(`BiDi ${waiting.method}: ${message.error ?? 'error'}: ${message.message ?? ''}`),
      );
    } else {
      waiting.resolve(message.result);
    }
  }

  /** Every command still waiting fails at once with `reason`. */
  private fail(reason: string): void {
    this.closedReason ??= reason;
    for (const [id, waiting] of this.pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error(`BiDi ${waiting.method}: ${reason}`));
      this.pending.delete(id);
    }
  }
}
