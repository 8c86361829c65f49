/**
 * Writes examples/data/turtle-candles.csv: daily crude-oil-like candles for the Turtle example
 * plan. Run once; the CSV is committed, so the example never depends on this script again:
 *
 *   npx tsx examples/generate-turtle-candles.ts
 *
 * 65 range-bound days and a two-day climb give the 20-day ATR more than 3 × its period of
 * history. Then a scripted breakout, priced in ATRs (N) from the breakout level so that
 * every level is crossed or missed by a wide margin: the entry fills intraday, add 1
 * intraday, add 2 on a gap open above its level, add 3 intraday; a shakeout reaches the
 * stops of the two lots that filled after the gap (each at its own price: their stops
 * differ by a tick) but not the older ones; then the trend resumes with the two oldest lots
 * still open. Running it again checks that the example plan still tells that story.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { Decimal, toCanonical } from '../lib/decimal';
import { checkPlan } from '../lib/checks/check-plan';
import { formatProblem } from '../lib/plan/problems';
import { parseCsv } from '../lib/sim/csv';
import { simulate } from '../lib/sim/run';
import { WilderAtr } from '../lib/sizing/atr';

/** Seeded so that a re-run writes the same file byte for byte. */
const SEED = 20_260_105;
const BASE_DAYS = 65;
const ATR_PERIOD = 20;
const RANGE_CENTRE = 74;
const FIRST_DAY = Date.UTC(2026, 0, 5);

interface Candle {
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/** mulberry32; inlined rather than shared with bench/, so that nothing else can change this file's output. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seededRandom(SEED);
const noise = () => random() * 2 - 1;
const cents = (price: number) => Math.round(price * 100) / 100;

/** A mean-reverting range: the kind of market whose 55-day high a Turtle waits above. */
function rangeDays(): Candle[] {
  const days: Candle[] = [];
  let close = RANGE_CENTRE;
  for (let day = 0; day < BASE_DAYS; day += 1) {
    const open = cents(close + 0.25 * noise());
    const next = cents(close + 0.35 * (RANGE_CENTRE - close) + 1.1 * noise());
    const high = cents(Math.max(open, next) + 0.2 + 0.6 * random());
    const low = cents(Math.min(open, next) - 0.2 - 0.6 * random());
    days.push({ open, high, low, close: next });
    close = next;
  }
  return days;
}

function atrOf(days: readonly Candle[]): number {
  const atr = new WilderAtr(ATR_PERIOD);
  for (const day of days) {
    atr.add({ high: new Decimal(day.high), low: new Decimal(day.low), close: new Decimal(day.close) });
  }
  if (atr.value === null) throw new Error('too few range days for the ATR');
  return atr.value.toNumber();
}

type Script = readonly (readonly [open: number, low: number, high: number, close: number])[];

/** Open, low, high, close in N from the breakout level: the climb out of the range. */
const APPROACH: Script = [
  [-1.6, -1.8, -0.9, -1.0],
  [-0.95, -1.1, -0.35, -0.45],
];

/** The same, for the trade itself. */
const SCRIPT: Script = [
  [-0.4, -0.6, 0.3, 0.2], // the breakout: the entry fills at its level
  [0.25, 0.1, 0.7, 0.6], // add 1 at entry + 0.5 N
  [0.55, 0.4, 0.9, 0.85], // quiet: add 2 waits at entry + 1 N
  [1.3, 1.15, 1.7, 1.6], // gap open above add 2's level: it fills at this open
  [1.6, 1.5, 2.1, 2.0], // add 3 at add 2's fill + 0.5 N
  [2.05, 1.9, 2.6, 2.45],
  [2.5, 2.3, 3.1, 2.9],
  [2.8, 1.4, 2.95, 1.5], // the shakeout starts
  [1.4, -0.35, 1.5, -0.1], // reaches the later lots' stops (entry − 0.2 N), not the older ones (− 0.5 N)
  [-0.05, -0.3, 0.6, 0.5],
  [0.55, 0.4, 1.2, 1.1],
];
/** After the script: the trend resumes, N by N, far above the surviving stops. */
const TREND_DAYS = 14;

function main(): void {
  const range = rangeDays();
  // One tick above the whole range's high (so also above its 55-day high, Turtle System 2's
  // breakout): no earlier day may reach the entry before the ATR has its history.
  const breakout = cents(Math.max(...range.map((day) => day.high)) + 0.01);
  // The approach days count in the ATR that prices them: a few rounds settle both.
  let atr = atrOf(range);
  let approach: Candle[] = [];
  for (let round = 0; round < 8; round += 1) {
    approach = scripted(APPROACH, breakout, atr);
    atr = atrOf([...range, ...approach]);
  }
  const before = [...range, ...approach];
  const trade = scripted(SCRIPT, breakout, atr);
  let close = trade.at(-1)?.close ?? breakout;
  for (let day = 0; day < TREND_DAYS; day += 1) {
    const open = cents(close + 0.1 * atr * noise());
    const next = cents(open + atr * (0.35 + 0.5 * noise()));
    const high = cents(Math.max(open, next) + 0.3 * atr * random());
    const low = cents(Math.min(open, next) - 0.3 * atr * random());
    trade.push({ open, high, low, close: next });
    close = next;
  }
  const rows = ['time,open,high,low,close,volume'];
  [...before, ...trade].forEach((day, index) => {
    const volume = 180_000 + Math.round(120_000 * random()) + (index >= before.length ? 150_000 : 0);
    const prices = [day.open, day.high, day.low, day.close].map((price) => price.toFixed(2));
    rows.push([tradingDay(index), ...prices, String(volume)].join(','));
  });
  const path = fileURLToPath(new URL('./data/turtle-candles.csv', import.meta.url));
  writeFileSync(path, `${rows.join('\n')}\n`);
  const atrText = toCanonical(new Decimal(atr).toDecimalPlaces(4));
  process.stdout.write(
    `wrote ${rows.length - 1} candles to ${path}\n` +
      `breakout level (the range's high + 1 tick): ${breakout.toFixed(2)}; ATR(${ATR_PERIOD}) before the breakout ≈ ${atrText}\n`,
  );
  checkStory(path, breakout);
}

/**
 * The example is only worth committing if the plan tells the story above: replay it and
 * fail loudly (naming what to change) if a different seed or script broke it.
 */
function checkStory(csvPath: string, breakout: number): void {
  const planPath = fileURLToPath(new URL('./plans/turtle.json', import.meta.url));
  const check = checkPlan(JSON.parse(readFileSync(planPath, 'utf8')));
  if (!check.ok) throw new Error(`${planPath} is invalid: ${check.problems.map(formatProblem).join('; ')}`);
  if (check.plan.entry.price !== toCanonical(new Decimal(breakout.toFixed(2)))) {
    throw new Error(`set entry.price in ${planPath} to the breakout level ${breakout.toFixed(2)}`);
  }
  const data = parseCsv(readFileSync(csvPath, 'utf8'), csvPath);
  if (data.kind !== 'candles') throw new Error(`${csvPath} is not a candle file`);
  const { lines, state } = simulate(check.plan, data.rows);
  const filled = lines.filter((line) => line.type === 'fill').map((line) => String(line.tranche));
  const gapAdd = lines.find((line) => line.tranche === 'add-2');
  const gapDay = data.rows.findIndex((row) => row.label === String(gapAdd?.time));
  const problems = [
    filled.join(' ') === 'entry add-1 add-2 add-3 stop stop' ? '' : `fills are ${filled.join(', ')}`,
    gapDay > 0 && data.rows[gapDay]?.open === gapAdd?.price ? '' : 'add 2 did not fill at a gap open',
    state.lots.length === 2 ? '' : `${state.lots.length} lots are open at the end, not the 2 oldest`,
  ].filter((problem) => problem !== '');
  if (problems.length > 0) throw new Error(`the Turtle example lost its story: ${problems.join('; ')}`);
}

function scripted(script: Script, breakout: number, atr: number): Candle[] {
  const at = (inN: number) => cents(breakout + inN * atr);
  return script.map(([open, low, high, close]) => ({
    open: at(open),
    low: at(low),
    high: at(high),
    close: at(close),
  }));
}

/** Weekdays from 2026-01-05: daily futures candles have no weekend bars. */
function tradingDay(index: number): string {
  const weeks = Math.floor(index / 5);
  const time = FIRST_DAY + (weeks * 7 + (index % 5)) * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

main();
