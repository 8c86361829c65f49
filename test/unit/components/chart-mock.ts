import { vi } from 'vitest';

/**
 * lightweight-charts draws on canvas, which happy-dom lacks: this recorder stands in for it
 * (`vi.mock('lightweight-charts', () => import('./chart-mock'))`). Prices map to pixels as
 * y = 1000 − price, so a test can point at a level's line.
 */
export interface RecordedChart {
  priceLines: { price: number; title: string }[];
  moved: { title: string; price: number }[];
  data: unknown[][];
  removed: boolean;
}

export const charts: { created: RecordedChart[] } = { created: [] };

export const LineSeries = 'Line';
export const LineStyle = { Solid: 0, Dotted: 1, Dashed: 2 };
export const LineType = { Simple: 0, WithSteps: 1 };
export const createSeriesMarkers = vi.fn();

export const createChart = vi.fn(() => {
  const chart: RecordedChart = { priceLines: [], moved: [], data: [], removed: false };
  charts.created.push(chart);
  return {
    addSeries: () => ({
      setData: (points: unknown[]) => chart.data.push(points),
      createPriceLine: (line: { price: number; title: string }) => {
        chart.priceLines.push({ price: line.price, title: line.title });
        return {
          applyOptions: (options: { price: number }) =>
            chart.moved.push({ title: line.title, price: options.price }),
        };
      },
      priceToCoordinate: (price: number) => 1000 - price,
      coordinateToPrice: (y: number) => 1000 - y,
    }),
    timeScale: () => ({ fitContent: () => undefined }),
    remove: () => {
      chart.removed = true;
    },
  };
});
