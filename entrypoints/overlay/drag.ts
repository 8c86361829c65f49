/** Pointer travel beyond this many pixels makes a press a drag, not a click. */
const DRAG_THRESHOLD_PX = 3;

export interface DragReport {
  readonly phase: 'start' | 'move' | 'end';
  /** Where the pointer is, in screen pixels: stable while the frame itself moves under it. */
  readonly screenX: number;
  readonly screenY: number;
}

/**
 * Dragging the panel from inside its frame: the pointer is captured on the handle and
 * reported in screen coordinates (the content script moves the frame, and follows the
 * pointer on the page wherever the frame loses it); the click that ends a drag is not
 * taken for a click.
 */
export function createDrag(report: (drag: DragReport) => void): {
  start: (event: PointerEvent) => void;
  /** Whether the last press moved the pointer (its click is then ignored). */
  wasDragged: () => boolean;
} {
  let isMoved = false;
  let stop: (() => void) | null = null;
  const at = (event: PointerEvent) => ({
    screenX: Math.round(event.screenX),
    screenY: Math.round(event.screenY),
  });
  const start = (event: PointerEvent) => {
    if (event.button !== 0 || !event.isPrimary) return;
    const handle = event.currentTarget;
    if (!(handle instanceof Element)) return;
    stop?.();
    const from = at(event);
    const noteTravel = (moved: PointerEvent) => {
      const to = at(moved);
      if (Math.abs(to.screenX - from.screenX) + Math.abs(to.screenY - from.screenY) > DRAG_THRESHOLD_PX) {
        isMoved = true;
      }
      return to;
    };
    isMoved = false;
    handle.setPointerCapture(event.pointerId);
    report({ phase: 'start', ...from });
    const onMove = (moved: PointerEvent) => {
      const to = noteTravel(moved);
      if (isMoved) report({ phase: 'move', ...to });
    };
    const onEnd = (ended: PointerEvent) => {
      const to = noteTravel(ended);
      stop?.();
      if (handle.hasPointerCapture(ended.pointerId)) handle.releasePointerCapture(ended.pointerId);
      report({ phase: 'end', ...(isMoved ? to : from) });
    };
    handle.addEventListener('pointermove', onMove as EventListener);
    handle.addEventListener('pointerup', onEnd as EventListener);
    handle.addEventListener('pointercancel', onEnd as EventListener);
    stop = () => {
      handle.removeEventListener('pointermove', onMove as EventListener);
      handle.removeEventListener('pointerup', onEnd as EventListener);
      handle.removeEventListener('pointercancel', onEnd as EventListener);
      stop = null;
    };
  };
  return { start, wasDragged: () => isMoved };
}
