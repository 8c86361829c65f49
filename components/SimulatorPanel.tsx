import { useMemo, useState } from 'preact/hooks';

import type { Plan } from '../lib/plan/schema';
import { DataError, parseCsv, type PriceData } from '../lib/sim/csv';
import { backtest, type Backtest } from '../lib/sim/equity';
import { SimError, type SimLine } from '../lib/sim/run';
import { shortTrancheName } from '../lib/words/tranche-words';
import { equityChartData, priceChartData, priceFormatter } from './chart-data';
import * as format from './format';
import { HistoryReplay, type HistorySource } from './HistoryReplay';
import { LadderChart } from './LadderChart';

export interface SimulatorPanelProps {
  /** The editor's plan when it is valid. */
  readonly plan: Plan | null;
  /** The prices the extension recorded; null where there is no background to ask. */
  readonly history?: HistorySource | null;
}

type Loaded =
  | { readonly ok: true; readonly fileName: string; readonly data: PriceData }
  | { readonly ok: false; readonly error: string };

type Outcome = { readonly ok: true; readonly run: Backtest } | { readonly ok: false; readonly error: string };

/**
 * The plan over a CSV of ticks or candles, or over the prices the extension recorded (the
 * same simulator as `tranche sim`): the fills, the equity curve (realized + unrealized
 * P&L) and the single-entry baseline's.
 */
export function SimulatorPanel({ plan, history = null }: SimulatorPanelProps) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [fill, setFill] = useState<'level' | 'observed'>('level');
  const outcome = useMemo((): Outcome | null => {
    if (plan === null || loaded === null || !loaded.ok) return null;
    try {
      return { ok: true, run: backtest(plan, loaded.data, { fill }) };
    } catch (error) {
      if (error instanceof SimError) return { ok: false, error: error.message };
      throw error;
    }
  }, [plan, loaded, fill]);
  const readFile = (file: File) => {
    void file.text().then((text) => {
      try {
        setLoaded({ ok: true, fileName: file.name, data: parseCsv(text, file.name) });
      } catch (error) {
        if (!(error instanceof DataError)) throw error;
        setLoaded({ ok: false, error: error.message });
      }
    });
  };
  return (
    <section class="tr-section" aria-labelledby="tr-sim-title">
      <h2 id="tr-sim-title">Simulator</h2>
      <div class="tr-actions" style={{ marginTop: 0, alignItems: 'center' }}>
        <label class="tr-check">
          Price data (CSV: <code>time,price</code> or <code>time,open,high,low,close</code>):{' '}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (file !== undefined) readFile(file);
              input.value = '';
            }}
          />
        </label>
        <label class="tr-check">
          Fills:{' '}
          <select
            class="tr-select"
            value={fill}
            onChange={(event) => setFill(event.currentTarget.value === 'observed' ? 'observed' : 'level')}
          >
            <option value="level">at the level (resting orders)</option>
            <option value="observed">at the first price beyond it (market orders)</option>
          </select>
        </label>
      </div>
      {history !== null && (
        <HistoryReplay
          source={history}
          symbol={plan?.instrument.symbol ?? null}
          onData={(result) =>
            setLoaded(
              'error' in result
                ? { ok: false, error: result.error }
                : { ok: true, fileName: result.name, data: result.data },
            )
          }
        />
      )}
      {loaded?.ok === false && (
        <p role="alert" class="tr-error">
          {loaded.error}
        </p>
      )}
      {loaded === null && (
        <p class="tr-muted">
          Load a CSV{history === null ? '' : ', or replay the prices Tranche recorded,'} to replay the plan on
          it, tick by tick or candle by candle.
        </p>
      )}
      {loaded?.ok === true && plan === null && (
        <p class="tr-muted">Fix the plan above to simulate it on {loaded.fileName}.</p>
      )}
      {outcome?.ok === false && (
        <p role="alert" class="tr-error">
          {outcome.error}
        </p>
      )}
      {outcome?.ok === true && plan !== null && loaded?.ok === true && (
        <SimulationResult plan={plan} run={outcome.run} fileName={loaded.fileName} />
      )}
    </section>
  );
}

function SimulationResult({ plan, run, fileName }: { plan: Plan; run: Backtest; fileName: string }) {
  const { tickSize, lotStep } = plan.instrument;
  const fills = run.lines.filter((line) => line.type === 'fill');
  const priceChart = useMemo(() => priceChartData(run.equity, run.lines, plan.levels), [run, plan]);
  const equitySeries = useMemo(() => equityChartData(run.equity, run.baseline.equity), [run]);
  const formatPrice = useMemo(() => priceFormatter(plan), [plan]);
  const formatMoney = useMemo(() => (value: number) => format.axis(value, '0.01'), []);
  const formatTime = useMemo(() => (time: number) => format.time(time * 1000), []);
  const text = (line: SimLine, key: string): string | null => {
    const value = line[key];
    return value === undefined ? null : String(value);
  };
  const edge = run.final.difference;
  return (
    <>
      <dl class="tr-stats" aria-label="Simulation summary">
        <div>
          <dt>Fills</dt>
          <dd data-stat="fills">{String(run.summary.fills ?? 0)}</dd>
        </div>
        <div>
          <dt>Realized P&amp;L</dt>
          <dd data-stat="realized">{format.money(text(run.summary, 'realizedPnl'))}</dd>
        </div>
        <div>
          <dt>Realized R</dt>
          <dd>{format.r(text(run.summary, 'realizedR'))}</dd>
        </div>
        <div>
          <dt>Max position</dt>
          <dd>{format.qty(text(run.summary, 'maxPosition'), lotStep)}</dd>
        </div>
        <div>
          <dt>Max open risk</dt>
          <dd>{format.money(text(run.summary, 'maxOpenRisk'))}</dd>
        </div>
        <div>
          <dt>Equity at the end</dt>
          <dd>{format.money(run.final.plan)}</dd>
        </div>
        <div>
          <dt>Single entry</dt>
          <dd data-stat="baseline">{format.money(run.final.baseline)}</dd>
        </div>
        <div>
          <dt>Scaling vs single</dt>
          <dd class={edge.startsWith('-') ? 'tr-sell' : 'tr-buy'}>{format.money(edge)}</dd>
        </div>
      </dl>
      <div class="tr-charts">
        <figure>
          <figcaption>Price · {fileName}</figcaption>
          <LadderChart
            label={`Price from ${fileName} with the ${fills.length} fills marked${keyLevelWords(plan)}`}
            series={priceChart.series}
            markers={priceChart.markers}
            levels={priceChart.levels}
            {...(priceChart.range === undefined ? {} : { range: priceChart.range })}
            height={220}
            formatValue={formatPrice}
            formatTime={formatTime}
          />
        </figure>
        <figure>
          <figcaption>
            Equity: <span class="tr-info">plan</span> vs <span class="tr-muted">single entry (dashed)</span>
          </figcaption>
          <LadderChart
            label="Equity curve of the plan and of the single-entry baseline"
            series={equitySeries}
            height={220}
            formatValue={formatMoney}
            formatTime={formatTime}
          />
        </figure>
      </div>
      <table class="tr-table" aria-label="Simulated fills">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Tranche</th>
            <th scope="col">Price</th>
            <th scope="col">Qty</th>
            <th scope="col">Position</th>
            <th scope="col">Average entry</th>
            <th scope="col">Stop</th>
            <th scope="col">Open risk</th>
            <th scope="col">Realized</th>
          </tr>
        </thead>
        <tbody>
          {fills.map((line, index) => (
            <tr key={index} data-fill={String(line.tranche)}>
              <td>{String(line.time)}</td>
              <th scope="row" class={line.side === 'buy' ? 'tr-buy' : 'tr-sell'}>
                {shortTrancheName(String(line.tranche))}
              </th>
              <td>{format.price(text(line, 'price'), tickSize)}</td>
              <td>
                {line.side === 'buy' ? '+' : '−'}
                {format.qty(text(line, 'qty'), lotStep)}
              </td>
              <td>{format.qty(text(line, 'position'), lotStep)}</td>
              <td>{format.average(text(line, 'avgPrice'), tickSize)}</td>
              <td>{format.price(text(line, 'stop'), tickSize)}</td>
              <td>{format.money(text(line, 'openRisk'))}</td>
              <td>{format.money(text(line, 'realizedPnl'))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {run.lines
        .filter((line) => line.type === 'skip' || line.type === 'alert')
        .map((line, index) => (
          <p key={index} class="tr-warn" style={{ margin: '4px 0 0' }}>
            {String(line.time)} · {shortTrancheName(String(line.tranche))}:{' '}
            {String(line.reason ?? line.text ?? '')}
          </p>
        ))}
    </>
  );
}

/** The key levels drawn across the price, for the chart's label: ", key levels: support 59,500.0". */
function keyLevelWords(plan: Plan): string {
  if (plan.levels.length === 0) return '';
  const { tickSize } = plan.instrument;
  return `, key levels: ${plan.levels.map((level) => `${level.label} ${format.price(level.price, tickSize)}`).join(', ')}`;
}
