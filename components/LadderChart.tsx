import {
  createChart,
  createSeriesMarkers,
  LineSeries,
  LineStyle,
  LineType,
  type IPriceLine,
  type ISeriesApi,
  type SeriesMarker,
  type SeriesType,
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
  /** What the level is (`entry`, `stop`, `add-1`…): a level with a key can be dragged when the chart takes drags. */
  readonly key?: string;
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
  /**
   * Levels with a key can be dragged up and down; on release this gets the level's key and
   * its new price, already snapped. The chart moves only the line; the owner redraws it.
   */
  readonly onDragLevel?: (key: string, price: number) => void;
  /** Where a dragged price lands (the instrument's tick); unchanged without it. */
  readonly snapPrice?: (price: number) => number;
}

/** How near a line the pointer must be to grab it, in CSS pixels. */
const GRAB_PIXELS = 6;

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
  // Callbacks change identity on every render of the owner; the chart is rebuilt only for data.
  const drag = useRef({ onDragLevel: props.onDragLevel, snapPrice: props.snapPrice });
  drag.current = { onDragLevel: props.onDragLevel, snapPrice: props.snapPrice };
  const isDraggable = props.onDragLevel !== undefined;
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
    const lines: { level: ChartLevel; line: IPriceLine }[] = [];
    let first: ISeriesApi<SeriesType> | null = null;
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
      first = drawn;
      for (const level of levels ?? []) {
        const priceLine = drawn.createPriceLine({
          price: level.price,
          title: level.title,
          color: color(level.color),
          lineWidth: 1,
          lineStyle: LINE_STYLES[level.style],
          axisLabelVisible: true,
        });
        lines.push({ level, line: priceLine });
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
    const stopDragging = isDraggable && first !== null ? dragLevels(element, first, lines, drag) : undefined;
    return () => {
      stopDragging?.();
      chart.remove();
    };
  }, [series, levels, markers, height, formatValue, formatTime, isDraggable, range]);
  return <div ref={container} class="tr-chart" role="img" aria-label={props.label} style={{ height }} />;
}

type DragHandlers = { current: Pick<LadderChartProps, 'onDragLevel' | 'snapPrice'> };

/**
 * Pointer dragging of the keyed levels: grab a line within a few pixels, move it (snapped),
 * release to hand its key and price to the owner. Returns what removes the listeners.
 */
function dragLevels(
  element: HTMLElement,
  drawn: ISeriesApi<SeriesType>,
  lines: readonly { level: ChartLevel; line: IPriceLine }[],
  handlers: DragHandlers,
): () => void {
  const draggable = lines.filter((entry) => entry.level.key !== undefined);
  let held: { entry: (typeof draggable)[number]; price: number } | null = null;
  const yOf = (event: PointerEvent) => event.clientY - element.getBoundingClientRect().top;
  const nearest = (y: number) => {
    let found: (typeof draggable)[number] | null = null;
    let best = GRAB_PIXELS;
    for (const entry of draggable) {
      const at = drawn.priceToCoordinate(entry.level.price);
      if (at !== null && Math.abs(at - y) <= best) {
        best = Math.abs(at - y);
        found = entry;
      }
    }
    return found;
  };
  const onDown = (event: PointerEvent) => {
    const entry = nearest(yOf(event));
    if (entry === null) return;
    event.preventDefault();
    element.setPointerCapture(event.pointerId);
    held = { entry, price: entry.level.price };
  };
  const onMove = (event: PointerEvent) => {
    if (held === null) {
      element.style.cursor = nearest(yOf(event)) === null ? '' : 'ns-resize';
      return;
    }
    const raw = drawn.coordinateToPrice(yOf(event));
    if (raw === null) return;
    const snap = handlers.current.snapPrice;
    held.price = snap === undefined ? raw : snap(raw);
    held.entry.line.applyOptions({ price: held.price });
  };
  const onUp = (event: PointerEvent) => {
    if (held === null) return;
    const { entry, price } = held;
    held = null;
    if (element.hasPointerCapture(event.pointerId)) element.releasePointerCapture(event.pointerId);
    if (price !== entry.level.price && entry.level.key !== undefined) {
      handlers.current.onDragLevel?.(entry.level.key, price);
    }
  };
  element.addEventListener('pointerdown', onDown);
  element.addEventListener('pointermove', onMove);
  element.addEventListener('pointerup', onUp);
  element.addEventListener('pointercancel', onUp);
  return () => {
    element.removeEventListener('pointerdown', onDown);
    element.removeEventListener('pointermove', onMove);
    element.removeEventListener('pointerup', onUp);
    element.removeEventListener('pointercancel', onUp);
  };
}
