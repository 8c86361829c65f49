import { useEffect, useState } from 'preact/hooks';

import type { HistorySpanView } from '../lib/messages/planner';
import type { PriceData } from '../lib/sim/csv';
import { historyPriceData, type HistoryInput } from '../lib/sim/history-data';
import { normalizeSymbol } from '../lib/sites/symbol';
import * as format from './format';

/** The recorded prices, as the background gives them for a symbol and a period. */
export interface HistorySource {
  readonly spans: readonly HistorySpanView[];
  readonly read: (
    symbol: string,
    fromMillis: number,
    toMillis: number,
  ) => Promise<
    { readonly ok: true; readonly rows: HistoryInput } | { readonly ok: false; readonly error: string }
  >;
}

export interface HistoryReplayProps {
  readonly source: HistorySource;
  /** The plan's symbol: chosen first when the history holds it. */
  readonly symbol: string | null;
  readonly onData: (loaded: { name: string; data: PriceData } | { error: string }) => void;
}

/** `2026-12-05T14:30` in the browser's time zone, as a datetime-local input holds it. */
function localInput(millis: number): string {
  const date = new Date(millis);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Replay on the prices you saw: a symbol of the tick history and a period of it (the last
 * price of every second within the last day, one-minute candles before that).
 */
export function HistoryReplay({ source, symbol, onData }: HistoryReplayProps) {
  const wanted = symbol === null ? null : normalizeSymbol(symbol);
  const initial = source.spans.find((span) => span.symbol === wanted) ?? source.spans[0];
  const [chosen, setChosen] = useState(initial?.symbol ?? '');
  const span = source.spans.find((candidate) => candidate.symbol === chosen);
  const [from, setFrom] = useState(span === undefined ? '' : localInput(span.fromMillis));
  const [to, setTo] = useState(span === undefined ? '' : localInput(span.toMillis));
  const [isBusy, setIsBusy] = useState(false);
  useEffect(() => {
    if (span === undefined) return;
    setFrom(localInput(span.fromMillis));
    setTo(localInput(span.toMillis));
  }, [span?.symbol, span?.fromMillis, span?.toMillis]);
  if (source.spans.length === 0) {
    return (
      <p class="tr-muted">
        No recorded prices yet: Tranche records them while a chart or an exchange tab is open.
      </p>
    );
  }
  const replay = async () => {
    const fromMillis = new Date(from).getTime();
    const toMillis = new Date(to).getTime();
    if (!Number.isFinite(fromMillis) || !Number.isFinite(toMillis) || fromMillis >= toMillis) {
      onData({ error: 'Choose a period whose start comes before its end.' });
      return;
    }
    setIsBusy(true);
    const reply = await source.read(chosen, fromMillis, toMillis);
    setIsBusy(false);
    if (!reply.ok) return onData({ error: reply.error });
    const data = historyPriceData(reply.rows);
    if (data.rows.length === 0) {
      return onData({
        error: `No ${chosen} prices were recorded between ${format.dateTime(fromMillis)} and ${format.dateTime(toMillis)}.`,
      });
    }
    onData({
      name: `${chosen} as recorded, ${format.dateTime(fromMillis)} – ${format.dateTime(toMillis)} (${data.kind === 'ticks' ? 'every second' : 'one-minute candles'})`,
      data,
    });
  };
  return (
    <form
      class="tr-actions"
      style={{ alignItems: 'end' }}
      aria-label="Replay the recorded prices"
      onSubmit={(event) => {
        event.preventDefault();
        void replay();
      }}
    >
      <label class="tr-field">
        <span>Recorded prices of</span>
        <select class="tr-select" value={chosen} onChange={(event) => setChosen(event.currentTarget.value)}>
          {source.spans.map((candidate) => (
            <option key={candidate.symbol} value={candidate.symbol}>
              {candidate.symbol}
            </option>
          ))}
        </select>
      </label>
      <label class="tr-field">
        <span>From</span>
        <input type="datetime-local" value={from} onInput={(event) => setFrom(event.currentTarget.value)} />
      </label>
      <label class="tr-field">
        <span>To</span>
        <input type="datetime-local" value={to} onInput={(event) => setTo(event.currentTarget.value)} />
      </label>
      <button type="submit" class="tr-button" disabled={isBusy}>
        Replay these prices
      </button>
    </form>
  );
}
