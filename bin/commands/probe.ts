import { readFile } from 'node:fs/promises';
import { Window } from 'happy-dom';
import { readQuote } from '../../lib/sites/registry';

export interface ProbeArgs {
  readonly url: string;
  /** Path of a saved HTML page. */
  readonly html: string;
}

export interface ProbeOutcome {
  /** 0: a quote was read; 1: the page shows none (with the reason); 2: bad input. */
  readonly exitCode: number;
  readonly output: string;
}

export interface ParsedPage {
  readonly document: Document;
  close(): Promise<void>;
}

/**
 * Parses saved HTML as a static page: scripts are neither run nor fetched, no style,
 * image or frame is loaded, so a 1 MB page parses in a fraction of a second and a saved
 * page can never reach the network.
 */
export function parseHtml(html: string, url: string): ParsedPage {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptFileLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: {
        disableMainFrameNavigation: true,
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
      },
    },
  });
  const parsed = new window.DOMParser().parseFromString(html, 'text/html');
  return {
    // happy-dom implements the DOM the adapters use; its types are its own classes.
    document: parsed as unknown as Document,
    close: () => window.happyDOM.close(),
  };
}

/**
 * `tranche probe --url U --html F`: what the adapters read from a saved page, as one JSON
 * line. It is also what a user runs to report a page Tranche misreads.
 */
export async function probe(args: ProbeArgs): Promise<ProbeOutcome> {
  let url: URL;
  try {
    url = new URL(args.url);
  } catch {
    return { exitCode: 2, output: `probe: --url "${args.url}" is not a URL` };
  }
  let html: string;
  try {
    html = await readFile(args.html, 'utf8');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { exitCode: 2, output: `probe: cannot read ${args.html}: ${detail}` };
  }
  const page = parseHtml(html, url.href);
  try {
    const reading = readQuote(page.document, url);
    if (reading.ok) {
      const line = {
        ok: true,
        adapter: reading.adapterId,
        symbol: reading.quote.symbol,
        price: reading.quote.price,
      };
      return { exitCode: 0, output: JSON.stringify(line) };
    }
    const reason =
      reading.adapterId === undefined ? reading.reason : `${reading.adapterId}: ${reading.reason}`;
    return { exitCode: 1, output: JSON.stringify({ ok: false, reason }) };
  } finally {
    await page.close();
  }
}
