/* global document, window, location, performance, setTimeout, LightweightCharts */
/*
 * The bench market's own script. Each price change does, in one task, what a live exchange
 * page does on a trade: the title and the order book's ticker show the new price, the
 * chart (TradingView's lightweight-charts, as exchanges use) takes the point, and twenty
 * levels a side of the book and the last thirty trades are written again. The instant of
 * each change (performance.timeOrigin + performance.now(), right after the DOM changed) is
 * what the bench compares the extension's reactions with.
 *
 * window.trancheBench.show(display)            one change now; returns its instant
 * window.trancheBench.play(displays, interval) a change every `interval` ms; resolves to the instants
 */
const BOOK_LEVELS = 20;
const TRADE_ROWS = 30;
const symbol = location.pathname.split('/').pop();
document.getElementById('pair').textContent = `${symbol} Perpetual`;

const chart = LightweightCharts.createChart(document.getElementById('chart'), {
  layout: { background: { color: '#0b0e11' }, textColor: '#848e9c' },
  grid: { vertLines: { color: '#1e2329' }, horzLines: { color: '#1e2329' } },
  timeScale: { timeVisible: true, secondsVisible: true },
});
const series = chart.addSeries(LightweightCharts.LineSeries, { color: '#f0b90b', lineWidth: 2 });
const ticker = document.querySelector('.contractPrice');
const mark = document.querySelector('.markPrice');

function rows(table, count) {
  const cells = [];
  for (let row = 0; row < count; row += 1) {
    const line = table.insertRow();
    cells.push([line.insertCell(), line.insertCell(), line.insertCell()]);
  }
  return cells;
}
const book = rows(document.getElementById('book'), BOOK_LEVELS * 2);
const trades = rows(document.getElementById('trades'), TRADE_ROWS);
const recent = [];
let chartTime = 1_767_225_600;
let sequence = 0;

const grouped = (value) =>
  value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function render(display) {
  const price = Number(display.replace(/,/g, ''));
  sequence += 1;
  document.title = `${display} | ${symbol} | Binance USDⓈ-M Futures`;
  ticker.textContent = display;
  mark.textContent = `$${display}`;
  chartTime += 1;
  series.update({ time: chartTime, value: price });
  const step = price / 20_000;
  book.forEach(([level, size, total], row) => {
    const isAsk = row < BOOK_LEVELS;
    const distance = isAsk ? BOOK_LEVELS - row : row - BOOK_LEVELS + 1;
    const quantity = ((sequence * 7 + row * 13) % 97) / 10 + 0.1;
    level.textContent = grouped(price + (isAsk ? 1 : -1) * distance * step);
    level.className = isAsk ? 'ask' : 'bid';
    size.textContent = quantity.toFixed(3);
    total.textContent = grouped(quantity * price);
  });
  recent.unshift([display, (((sequence * 31) % 53) / 100 + 0.001).toFixed(3), sequence]);
  recent.length = Math.min(recent.length, TRADE_ROWS);
  trades.forEach(([shown, size, time], row) => {
    const trade = recent[row];
    shown.textContent = trade ? trade[0] : '';
    size.textContent = trade ? trade[1] : '';
    time.textContent = trade ? `#${trade[2]}` : '';
  });
  return performance.timeOrigin + performance.now();
}

function play(displays, intervalMillis) {
  const instants = [];
  const start = performance.now();
  return new Promise((done) => {
    const next = (index) => {
      if (index === displays.length) {
        done(instants);
        return;
      }
      instants.push(render(displays[index]));
      // Paced from the start, not from the last change: a late change does not delay the rest.
      const due = start + (index + 1) * intervalMillis;
      setTimeout(() => next(index + 1), Math.max(0, due - performance.now()));
    };
    next(0);
  });
}

window.trancheBench = { show: render, play };
