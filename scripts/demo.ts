/**
 * `npm run demo`: the simulator over the project's own example plans and price files, each
 * fill as a table row and the trade's summary below it. It stands in for the browser demo
 * market until that exists, so it runs the real path: plan validation, CSV parsing and
 * `simulate`, exactly what `tranche sim` runs. Exits 1 if any example fails or fills nothing.
 */
import { runBrowserDemo } from './browser-demo';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { Decimal, toCanonical } from '../lib/decimal';
import { positionOf, unrealizedPnl } from '../lib/engine/position';
import type { Lot } from '../lib/engine/types';
import { formatAtStep, formatUpTo } from '../lib/format';
import type { Plan } from '../lib/plan/schema';
import { checkPlan } from '../lib/checks/check-plan';
import { formatProblem } from '../lib/plan/problems';
import type { PriceData } from '../lib/sim/csv';
import { parseCsv } from '../lib/sim/csv';
import type { SimLine } from '../lib/sim/run';
import { simulate } from '../lib/sim/run';

interface Example {
  readonly title: string;
  readonly plan: string;
  readonly data: string;
}

const EXAMPLES: readonly Example[] = [
  { title: 'Breakout pyramid', plan: 'plans/pyramid.json', data: 'data/pyramid-ticks.csv' },
  { title: 'Short out in thirds', plan: 'plans/short-thirds.json', data: 'data/short-thirds-ticks.csv' },
  { title: 'Turtle on daily candles', plan: 'plans/turtle.json', data: 'data/turtle-candles.csv' },
];

/** Money is shown in the quote currency's cents, whatever the instrument's tick. */
const MONEY_STEP = '0.01';

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));

/** A column: its heading, whether numbers line up on the right, and the cell of each row. */
interface Column<Row> {
  readonly heading: string;
  readonly isNumeric: boolean;
  readonly cell: (row: Row) => string;
}

function main(): number {
  let failures = 0;
  for (const example of EXAMPLES) {
    try {
      process.stdout.write(`${runExample(example)}\n`);
    } catch (error) {
      failures += 1;
      process.stderr.write(`demo: ${example.title} failed: ${(error as Error).message}\n\n`);
    }
  }
  if (failures > 0) process.stderr.write(`demo: ${failures} of ${EXAMPLES.length} examples failed\n`);
  return failures > 0 ? 1 : 0;
}

function runExample(example: Example): string {
  const planPath = `${examplesDir}${example.plan}`;
  const dataPath = `${examplesDir}${example.data}`;
  const check = checkPlan(JSON.parse(readFileSync(planPath, 'utf8')));
  if (!check.ok)
    throw new Error(`invalid plan ${example.plan}:\n${check.problems.map(formatProblem).join('\n')}`);
  const { plan } = check;
  const data = parseCsv(readFileSync(dataPath, 'utf8'), dataPath);
  const { lines, state } = simulate(plan, data.rows, { fill: 'level', alerts: 'risk' });
  const fills = lines.filter((line) => line.type === 'fill');
  // A demo that fills nothing shows nothing: treat it as broken data or a broken engine.
  if (fills.length === 0) throw new Error(`no fills from ${example.data}`);
  const summary = lines.at(-1);
  if (summary?.type !== 'summary') throw new Error('the simulation ended without a summary');
  const derived = state.derived;
  const price = (value: string) => formatAtStep(value, plan.instrument.tickSize);
  const qty = (value: string) => formatAtStep(value, plan.instrument.lotStep);
  const money = (value: string) => formatAtStep(value, MONEY_STEP);

  const out: string[] = [
    `${example.title} · ${plan.name}`,
    `${plan.instrument.symbol} ${plan.side} · ${example.plan} over ${example.data} (${data.rows.length} ${data.kind})`,
  ];
  if (derived !== null) {
    const atr = derived.atr === null ? '' : ` · ATR ${formatUpTo(derived.atr, 4)}`;
    out.push(
      `planned entry ${price(derived.entryPrice)} · stop ${price(derived.initialStop)} · R ${price(derived.r)}` +
        ` · entry qty ${qty(derived.entryQty)} · risk budget ${money(derived.budget)}${atr}`,
    );
  }
  out.push('');
  const columns: Column<SimLine>[] = [
    { heading: 'time', isNumeric: false, cell: (line) => text(line.time) },
    { heading: 'tranche', isNumeric: false, cell: (line) => text(line.tranche) },
    { heading: 'side', isNumeric: false, cell: (line) => text(line.side) },
    { heading: 'price', isNumeric: true, cell: (line) => price(text(line.price)) },
    { heading: 'qty', isNumeric: true, cell: (line) => qty(text(line.qty)) },
    { heading: 'position', isNumeric: true, cell: (line) => qty(text(line.position)) },
    { heading: 'stop', isNumeric: false, cell: (line) => stopCell(line, price) },
    { heading: 'open risk', isNumeric: true, cell: (line) => money(text(line.openRisk)) },
    {
      heading: '',
      isNumeric: false,
      cell: (line) => (isAtOpen(line, data) ? 'gap: filled at the open' : ''),
    },
  ];
  out.push(...table(columns, fills));
  if (fills.some((line) => Array.isArray(line.stops) && new Set(line.stops).size > 1)) {
    out.push("  stop: every open lot's own stop, oldest lot first, where they differ");
  }
  const notes = lines.filter((line) => line.type === 'skip' || line.type === 'alert');
  for (const note of notes) {
    out.push(
      `  ${text(note.time)} ${text(note.type)} ${text(note.tranche)}: ${text(note.reason ?? note.text)}`,
    );
  }
  out.push('');
  const summaryRows: [string, string][] = [
    ['realized P&L', money(text(summary.realizedPnl))],
    ['realized R', formatUpTo(text(summary.realizedR), 4)],
    ['max position', qty(text(summary.maxPosition))],
    ['max open risk', money(text(summary.maxOpenRisk))],
  ];
  const last = data.rows.at(-1);
  const open = openAtEnd(
    plan,
    state.lots,
    last === undefined ? null : last.kind === 'tick' ? last.price : last.close,
  );
  if (open !== null) {
    summaryRows.push(
      ['open at the end', `${qty(open.position)} at ${price(open.lastPrice)}`],
      ['unrealized P&L', money(open.unrealized)],
    );
  }
  const labelWidth = Math.max(...summaryRows.map(([label]) => label.length));
  const valueWidth = Math.max(...summaryRows.map(([, value]) => value.length));
  for (const [label, value] of summaryRows) {
    out.push(`  ${label.padEnd(labelWidth)}  ${value.padStart(valueWidth)}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * A fill at its candle's open, after the first candle: the open was already past the level
 * (a gap), so the fill is at the open and later steps are measured from it (docs/plan-format.md#fills-and-gaps).
 */
function isAtOpen(line: SimLine, data: PriceData): boolean {
  if (data.kind !== 'candles') return false;
  const index = data.rows.findIndex((row) => row.label === text(line.time));
  return index > 0 && data.rows[index]?.open === line.price;
}

/** Every lot's stop when they differ (per-lot stops after a gap), else the one stop. */
function stopCell(line: SimLine, price: (value: string) => string): string {
  const stops = Array.isArray(line.stops) ? line.stops : [];
  if (new Set(stops).size > 1) return stops.map(price).join(' / ');
  return line.stop === undefined ? '—' : price(text(line.stop));
}

/** The lots still open when the data ends, valued at the last price. */
function openAtEnd(
  plan: Plan,
  lots: readonly Lot[],
  lastPrice: string | null,
): { position: string; lastPrice: string; unrealized: string } | null {
  if (lots.length === 0 || lastPrice === null) return null;
  const { side, instrument } = plan;
  return {
    position: toCanonical(positionOf(lots)),
    lastPrice,
    unrealized: toCanonical(unrealizedPnl(lots, new Decimal(lastPrice), side, instrument.pointValue)),
  };
}

function table<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string[] {
  const cells = rows.map((row) => columns.map((column) => column.cell(row)));
  const widths = columns.map((column, index) =>
    Math.max(column.heading.length, ...cells.map((row) => (row[index] ?? '').length)),
  );
  const render = (values: readonly string[]) =>
    `  ${values
      .map((value, index) => {
        const width = widths[index] ?? 0;
        return columns[index]?.isNumeric ? value.padStart(width) : value.padEnd(width);
      })
      .join('  ')
      .trimEnd()}`;
  return [
    render(columns.map((column) => column.heading)),
    render(widths.map((width) => '─'.repeat(width))),
    ...cells.map(render),
  ];
}

function text(value: SimLine[string] | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(' ') : String(value);
}

// The simulator over the examples first (a second), then the extension on the demo market.
// `--sim-only` stops after the simulator.
const simulated = main();
process.exitCode =
  simulated === 0 && !process.argv.includes('--sim-only') ? await runBrowserDemo() : simulated;
