import { EXTENSION_DIR } from '../../scripts/launch-chromium';
import { round, verdict, type Table } from '../report-format';
import { BUNDLES, bundleSizes, type Bundle, type BundleSize } from './bundle-size';
import { ensureFreshBuild } from './fresh-build';
import { measurePageOverhead, type PageOverheadFigures } from './page-overhead';
import { measurePopupReady, type PopupReadyFigures } from './popup-ready';
import { measureTickLatency, type TickLatencyFigures } from './tick-latency';
import { measureWorkerMemory, type WorkerMemoryFigures } from './worker-memory';

/*
 * The browser figures of `npm run bench`: the built extension in Debian's Chromium on the
 * bench market (docs/bench.md says how each is taken). Each figure gets a fresh browser.
 * Progress goes to standard error, so `--json` keeps standard output to the one object.
 */

export const TARGETS = {
  alertP95Millis: 20,
  alertP99Millis: 50,
  panelP95Millis: 50,
  pageOverheadRatio: 1.02,
  popupReadyMillis: 100,
  contentKb: 40,
  workerMemoryMb: 30,
} as const;

export interface BrowserFigures {
  readonly latency: TickLatencyFigures;
  readonly pageOverhead: PageOverheadFigures;
  readonly popupReady: PopupReadyFigures;
  readonly bundles: Record<Bundle, BundleSize>;
  readonly workerMemory: WorkerMemoryFigures;
}

async function step<T>(what: string, measure: () => Promise<T>): Promise<T> {
  const started = Date.now();
  process.stderr.write(`bench: ${what}…`);
  const figures = await measure();
  process.stderr.write(` ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  return figures;
}

export async function measureBrowser(): Promise<BrowserFigures> {
  ensureFreshBuild();
  const bundles = bundleSizes(EXTENSION_DIR);
  const latency = await step('tick to alert and to panel', measureTickLatency);
  const popupReady = await step('popup with five active plans', measurePopupReady);
  const workerMemory = await step('worker memory after 10,000 ticks', measureWorkerMemory);
  const pageOverhead = await step('page overhead, with and without the extension', measurePageOverhead);
  return { latency, pageOverhead, popupReady, bundles, workerMemory };
}

/** The fields, in its order, then the detail that explains them. */
export function browserJson(figures: BrowserFigures) {
  const { latency, pageOverhead, popupReady, bundles, workerMemory } = figures;
  const sizes = (pick: (size: BundleSize) => number) =>
    Object.fromEntries(BUNDLES.map((bundle) => [bundle, round(pick(bundles[bundle]), 1)]));
  return {
    tickToAlertMs: {
      p50: round(latency.tickToAlertMs.p50, 1),
      p95: round(latency.tickToAlertMs.p95, 1),
      p99: round(latency.tickToAlertMs.p99, 1),
      n: latency.tickToAlertMs.n,
    },
    tickToPanelMs: {
      p50: round(latency.tickToPanelMs.p50, 1),
      p95: round(latency.tickToPanelMs.p95, 1),
      n: latency.tickToPanelMs.n,
    },
    pageOverhead: {
      ratio: round(pageOverhead.ratio, 3),
      roundRatios: {
        min: round(pageOverhead.roundRatios.min, 3),
        max: round(pageOverhead.roundRatios.max, 3),
      },
      withoutMsPerSecond: round(pageOverhead.withoutMsPerSecond, 1),
      withMsPerSecond: round(pageOverhead.withMsPerSecond, 1),
      rounds: pageOverhead.rounds,
    },
    popupReadyMs: { p50: round(popupReady.p50, 1), openings: popupReady.openings },
    bundleKb: sizes((size) => size.minifiedKb),
    bundleGzipKb: sizes((size) => size.gzippedKb),
    workerMemoryMb: round(workerMemory.mb, 2),
    browserDetail: {
      tickToWorkerMs: {
        p50: round(latency.tickToWorkerMs.p50, 1),
        p95: round(latency.tickToWorkerMs.p95, 1),
        n: latency.tickToWorkerMs.n,
      },
      changes: latency.changes,
      unmatchedAlerts: latency.unmatchedAlerts,
      panelMissed: latency.panelMissed,
      clockOffsetsMs: latency.clockOffsets,
      workerMemoryBeforeTicksMb: round(workerMemory.beforeTicksMb, 2),
      workerPlans: workerMemory.plans,
      workerTicks: workerMemory.ticks,
      workerTicksPerSecond: Math.round(workerMemory.ticksPerSecond),
    },
  };
}

/** The browser figures' rows in the bench's table, and the lines that say what they rest on. */
export function browserTable(figures: BrowserFigures): Table {
  return { rows: browserRows(figures), notes: browserNotes(figures) };
}

function browserRows(figures: BrowserFigures): Table['rows'] {
  const { latency, pageOverhead, popupReady, bundles, workerMemory } = figures;
  const alert = latency.tickToAlertMs;
  const panel = latency.tickToPanelMs;
  const kb = (bundle: Bundle) =>
    `${bundles[bundle].minifiedKb.toFixed(1)} / ${bundles[bundle].gzippedKb.toFixed(1)}`;
  return [
    [
      `tickToAlertMs p50 / p95 / p99 (${alert.n} alerts)`,
      `${ms(alert.p50)} / ${ms(alert.p95)} / ${ms(alert.p99)}`,
      verdict(
        alert.p95 <= TARGETS.alertP95Millis && alert.p99 <= TARGETS.alertP99Millis,
        `p95 ≤ ${TARGETS.alertP95Millis}, p99 ≤ ${TARGETS.alertP99Millis}`,
      ),
    ],
    [
      `tickToPanelMs p50 / p95 (${panel.n} changes)`,
      `${ms(panel.p50)} / ${ms(panel.p95)}`,
      verdict(panel.p95 <= TARGETS.panelP95Millis, `p95 ≤ ${TARGETS.panelP95Millis}`),
    ],
    [
      'pageOverhead: script time with / without',
      pageOverhead.ratio.toFixed(3),
      verdict(pageOverhead.ratio <= TARGETS.pageOverheadRatio, `≤ ${TARGETS.pageOverheadRatio}`),
    ],
    [
      'popupReadyMs p50 (five active plans)',
      ms(popupReady.p50),
      verdict(popupReady.p50 <= TARGETS.popupReadyMillis, `≤ ${TARGETS.popupReadyMillis}`),
    ],
    [
      'bundleKb content, minified / gzipped',
      kb('content'),
      verdict(bundles.content.minifiedKb <= TARGETS.contentKb, `≤ ${TARGETS.contentKb} minified`),
    ],
    ['bundleKb background, minified / gzipped', kb('background'), ''],
    ['bundleKb popup, minified / gzipped', kb('popup'), ''],
    ['bundleKb options, minified / gzipped', kb('options'), ''],
    ['bundleKb overlay (the panel), minified / gzipped', kb('overlay'), ''],
    [
      `workerMemoryMb (${workerMemory.plans} active plans, ${workerMemory.ticks.toLocaleString('en-US')} ticks)`,
      workerMemory.mb.toFixed(2),
      verdict(workerMemory.mb <= TARGETS.workerMemoryMb, `≤ ${TARGETS.workerMemoryMb}`),
    ],
  ];
}

function browserNotes(figures: BrowserFigures): string[] {
  const { latency, pageOverhead, workerMemory } = figures;
  const offsets = latency.clockOffsets;
  return [
    `browser: ${latency.changes} price changes 100 ms apart; ${latency.unmatchedAlerts} alerts unmatched; ` +
      `${latency.panelMissed} changes the panel never caught up with; clock offsets page ${offsets.page} ms, ` +
      `frame ${offsets.frame} ms, worker ${offsets.worker} ms; a change reached the worker in ` +
      `${ms(latency.tickToWorkerMs.p50)} / ${ms(latency.tickToWorkerMs.p95)} ms (p50 / p95)`,
    `  page script ${pageOverhead.withoutMsPerSecond.toFixed(1)} ms/s without the extension, ` +
      `${pageOverhead.withMsPerSecond.toFixed(1)} ms/s with it (median of ${pageOverhead.rounds} rounds; ` +
      `round ratios ${pageOverhead.roundRatios.min.toFixed(3)}–${pageOverhead.roundRatios.max.toFixed(3)})`,
    `  worker heap ${workerMemory.beforeTicksMb.toFixed(2)} MB before the ticks; ` +
      `${Math.round(workerMemory.ticksPerSecond)} ticks/s taken`,
  ];
}

function ms(value: number): string {
  return value.toFixed(1);
}
