import {
  createChart,
  createSeriesMarkers,
  LineSeries,
  LineStyle,
  LineType,
  type SeriesMarker,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useRef } from 'preact/hooks';

import type { ThemeColor } from './theme';

/** A line on the chart: one value per time (seconds, strictly increasing). */
export interface ChartSeries {
  readonly title: string;
  /** Label the line at its last value on the price axis (a legend for comparisons). */
  readonly isTitled?: boolean;
  readonly color: ThemeColor;
  readonly points: readonly { readonly time: number; readonly value: number }[];
  readonly isDashed?: boolean;
  /** Drawn as steps (a stop holds until the next fill moves it). */
  readonly isStepped?: boolean;
}

/** A horizontal level across the chart, labelled on the price axis. */
export interface ChartLevel {
  readonly price: number;
  readonly title: string;
  readonly color: ThemeColor;
  readonly style: 'solid' | 'dashed' | 'dotted';
}

export interface ChartMarker {
  readonly time: number;
  readonly isAbove: boolean;
  readonly color: ThemeColor;
  readonly text: string;
}

export interface LadderChartProps {
  /** What the chart shows, for screen readers ("The planned ladder: …"). */
  readonly label: string;
  readonly series: readonly ChartSeries[];
  /** Drawn on the first series. */
  readonly levels?: readonly ChartLevel[];
  /** The price range to show, when the levels reach beyond the lines (a chart of one price). */
  readonly range?: { readonly min: number; readonly max: number };
  /** On the first series. */
  readonly markers?: readonly ChartMarker[];
  readonly height: number;
  readonly formatValue: (value: number) => string;
  readonly formatTime: (time: number) => string;
}

const LINE_STYLES = { solid: LineStyle.Solid, dashed: LineStyle.Dashed, dotted: LineStyle.Dotted } as const;

/**
 * TradingView's lightweight-charts, drawn from props: lines, levels (price lines) and
 * markers in the theme's colours (read from the CSS variables, so dark and light follow the
 * page). The chart is rebuilt when its props change and removed on unmount.
 */
export function LadderChart(props: LadderChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const { series, levels, markers, height, formatValue, formatTime } = props;
  const range = props.range;
  useEffect(() => {
    const element = container.current;
    if (element === null) return undefined;
    const styles = getComputedStyle(element);
    const color = (name: ThemeColor) => styles.getPropertyValue(`--tr-${name}`).trim() || '#888888';
    const chart = createChart(element, {
      autoSize: true,
      height,
      layout: {
        background: { color: color('panel') },
        textColor: color('text'),
        attributionLogo: false,
        fontSize: 11,
      },
      grid: { vertLines: { color: color('border') }, horzLines: { color: color('border') } },
      rightPriceScale: { borderColor: color('border') },
      timeScale: {
        borderColor: color('border'),
        tickMarkFormatter: (time: Time) => formatTime(Number(time)),
        fixLeftEdge: true,
        fixRightEdge: true,
      },
      localization: { priceFormatter: formatValue, timeFormatter: (time: Time) => formatTime(Number(time)) },
      handleScroll: false,
      handleScale: false,
    });
    series.forEach((line, index) => {
      const drawn = chart.addSeries(LineSeries, {
        color: color(line.color),
        lineWidth: 2,
        lineStyle: line.isDashed === true ? LineStyle.Dashed : LineStyle.Solid,
        lineType: line.isStepped === true ? LineType.WithSteps : LineType.Simple,
        title: line.isTitled === true ? line.title : '',
        priceLineVisible: false,
        lastValueVisible: false,
        ...(range === undefined
          ? {}
          : { autoscaleInfoProvider: () => ({ priceRange: { minValue: range.min, maxValue: range.max } }) }),
      });
      drawn.setData(line.points.map((point) => ({ time: point.time as UTCTimestamp, value: point.value })));
      if (index !== 0) return;
      for (const level of levels ?? []) {
        drawn.createPriceLine({
          price: level.price,
          title: level.title,
          color: color(level.color),
          lineWidth: 1,
          lineStyle: LINE_STYLES[level.style],
          axisLabelVisible: true,
        });
      }
      if (markers !== undefined && markers.length > 0) {
        createSeriesMarkers(
          drawn,
          markers.map((marker): SeriesMarker<Time> => ({
            time: marker.time as UTCTimestamp,
            position: marker.isAbove ? 'aboveBar' : 'belowBar',
            shape: marker.isAbove ? 'arrowDown' : 'arrowUp',
            color: color(marker.color),
            text: marker.text,
          })),
        );
      }
    });
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [series, levels, markers, height, formatValue, formatTime, range]);
  return <div ref={container} class="tr-chart" role="img" aria-label={props.label} style={{ height }} />;
}
