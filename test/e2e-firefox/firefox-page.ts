import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { RESULTS_DIR } from '../e2e/fixture-files';
import type { BidiConnection } from './bidi-connection';

/*
 * One Firefox page in a window of its own (a BiDi top-level browsing context): navigate,
 * run a function in the page, click as a user does, take a screenshot. Each page has its
 * own window so that every page stays visible: the popup is sent its views only while it is.
 */

/** A BiDi remote value, as far as the page reads one. */
interface RemoteValue {
  readonly type: string;
  readonly value?: unknown;
  readonly sharedId?: string;
}

type EvaluateResult =
  | { readonly type: 'success'; readonly result: RemoteValue }
  | { readonly type: 'exception'; readonly exceptionDetails: { readonly text: string } };

interface BrowsingContextInfo {
  readonly context: string;
  readonly url: string;
  readonly children: readonly BrowsingContextInfo[] | null;
}

/** Every context of a browsing context tree, parents before their frames (frames nest a few levels at most). */
function flatten(contexts: readonly BrowsingContextInfo[]): BrowsingContextInfo[] {
  return contexts.flatMap((info) => [info, ...flatten(info.children ?? [])]);
}

/** Which browsing contexts to look through: one page's tree, or every top-level page or chrome window. */
export type ContextScope = { readonly root: string } | { readonly 'moz:scope': 'content' | 'chrome' };

export class FirefoxPage {
  private constructor(
    private readonly bidi: BidiConnection,
    /** The BiDi id of the page's browsing context. */
    readonly context: string,
  ) {}

  static async open(bidi: BidiConnection): Promise<FirefoxPage> {
    const { context } = await bidi.send<{ context: string }>('browsingContext.create', { type: 'window' });
    return new FirefoxPage(bidi, context);
  }

  /**
   * The pages (or frames, or with system access Firefox's own windows) in `scope` whose
   * address starts with `urlPrefix`, to read them like a page.
   */
  static async findAll(bidi: BidiConnection, scope: ContextScope, urlPrefix: string): Promise<FirefoxPage[]> {
    const { contexts } = await bidi.send<{ contexts: BrowsingContextInfo[] }>(
      'browsingContext.getTree',
      scope,
    );
    return flatten(contexts)
      .filter((info) => info.url.startsWith(urlPrefix))
      .map((info) => new FirefoxPage(bidi, info.context));
  }

  /** This page's frame whose address starts with `urlPrefix`, once it is there. */
  async frame(urlPrefix: string): Promise<FirefoxPage | undefined> {
    return (await FirefoxPage.findAll(this.bidi, { root: this.context }, urlPrefix))[0];
  }

  /** Load `url` and wait until the page and its resources have loaded. */
  async navigate(url: string): Promise<void> {
    await this.bidi.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
  }

  /** Make this page its window's selected tab (only visible pages are sent their views). */
  async bringToFront(): Promise<void> {
    await this.bidi.send('browsingContext.activate', { context: this.context });
  }

  /** The page's viewport in CSS pixels (what a screenshot of the page shows). */
  async setViewport(width: number, height: number): Promise<void> {
    await this.bidi.send('browsingContext.setViewport', {
      context: this.context,
      viewport: { width, height },
    });
  }

  /**
   * Run `fn(...args)` in the page and return its (awaited) result. Arguments and result
   * cross as JSON, so `fn` must use only its arguments and the page's globals.
   */
  async evaluate<A extends unknown[], R>(
    fn: (...args: A) => R | Promise<R>,
    ...args: A
  ): Promise<Awaited<R>> {
    const reply = await this.bidi.send<EvaluateResult>('script.callFunction', {
      functionDeclaration: `async (argsJson) => JSON.stringify({ value: await (${fn.toString()})(...JSON.parse(argsJson)) })`,
      arguments: [{ type: 'string', value: JSON.stringify(args) }],
      target: { context: this.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    const result = this.resultOf(reply, fn.name || 'a function');
    return (JSON.parse(String(result.value)) as { value?: Awaited<R> }).value as Awaited<R>;
  }

  /** Click the first element matching `selector` at its centre, with the mouse, as a user does. */
  async click(selector: string): Promise<void> {
    const element = await this.element(selector);
    const origin = { type: 'element', element };
    await this.bidi.send('input.performActions', {
      context: this.context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: 0, y: 0, origin },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await this.bidi.send('input.releaseActions', { context: this.context });
  }

  /** A PNG of the element matching `selector` (or of the viewport) under test-results/. */
  async screenshot(name: string, selector?: string): Promise<string> {
    const clip =
      selector === undefined ? undefined : { type: 'element', element: await this.element(selector) };
    const { data } = await this.bidi.send<{ data: string }>('browsingContext.captureScreenshot', {
      context: this.context,
      ...(clip && { clip }),
    });
    mkdirSync(RESULTS_DIR, { recursive: true });
    const path = join(RESULTS_DIR, `${name}.png`);
    writeFileSync(path, Buffer.from(data, 'base64'));
    return path;
  }

  async close(): Promise<void> {
    await this.bidi.send('browsingContext.close', { context: this.context });
  }

  /** A reference to the first element matching `selector`, scrolled into view. */
  private async element(selector: string): Promise<{ sharedId: string }> {
    const reply = await this.bidi.send<EvaluateResult>('script.evaluate', {
      expression: `(() => {
        const element = document.querySelector(${JSON.stringify(selector)});
        element?.scrollIntoView({ block: 'center' });
        return element;
      })()`,
      target: { context: this.context },
      awaitPromise: false,
      resultOwnership: 'none',
    });
    const result = this.resultOf(reply, `querySelector(${selector})`);
    if (result.type !== 'node' || result.sharedId === undefined) {
      throw new Error(`No element matches ${selector} in the page`);
    }
    return { sharedId: result.sharedId };
  }

  private resultOf(reply: EvaluateResult, what: string): RemoteValue {
    if (reply.type === 'exception')
      throw new Error(`${what} threw in the page: ${reply.exceptionDetails.text}`);
    return reply.result;
  }
}
