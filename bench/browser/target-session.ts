import type { CDPSession } from 'playwright-core';

/**
 * A DevTools session on a target Playwright does not drive itself (the extension's service
 * worker): attached through the browser's own session without `flatten`, so each command
 * travels inside `Target.sendMessageToTarget` and each answer comes back as
 * `Target.receivedMessageFromTarget`. Playwright's CDPSession speaks only to pages and
 * frames, and this needs no WebSocket of its own.
 */
export interface TargetSession {
  send<T = Record<string, unknown>>(method: string, params?: object): Promise<T>;
  detach(): Promise<void>;
}

interface TargetReply {
  readonly id?: number;
  readonly result?: unknown;
  readonly error?: { readonly message: string };
}

export async function attachToTarget(browserSession: CDPSession, targetId: string): Promise<TargetSession> {
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId, flatten: false });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  const onMessage = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as TargetReply;
    if (reply.id === undefined) return;
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.error) waiting?.reject(new Error(reply.error.message));
    else waiting?.resolve(reply.result);
  };
  browserSession.on('Target.receivedMessageFromTarget', onMessage);
  return {
    send: <T>(method: string, params: object = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        browserSession
          .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
          .catch((error: unknown) => {
            pending.delete(id);
            reject(error instanceof Error ? error : new Error(String(error)));
          });
      }),
    detach: async () => {
      browserSession.off('Target.receivedMessageFromTarget', onMessage);
      await browserSession.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}
