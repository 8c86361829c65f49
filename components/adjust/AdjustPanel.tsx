import { useEffect, useRef, useState } from 'preact/hooks';

import type { AdjustOutcomeView } from '../../lib/messages/adjust';
import type { PlanView } from '../../lib/worker/view';
import type { AdjustmentFields, AdjustSender, FormResult } from './adjust-port';
import { AddNowForm } from './AddNowForm';
import { AdjustPreview } from './AdjustPreview';
import { KeyLevelForm } from './KeyLevelForm';
import { LadderStepForm } from './LadderStepForm';
import { OverrideReason } from './OverrideReason';
import { StopMoveForm } from './StopMoveForm';
import { TakeOffForm } from './TakeOffForm';

const ACTIONS = [
  ['stop', 'Stop'],
  ['exitNow', 'Take off'],
  ['target', 'Targets'],
  ['add', 'Adds'],
  ['addNow', 'Add now'],
  ['level', 'Levels'],
] as const;
type Action = (typeof ACTIONS)[number][0];

interface Pending {
  readonly adjustment: AdjustmentFields;
  /** One id per previewed adjustment: a second click on Apply applies it once. */
  readonly requestId: string;
  readonly outcome: AdjustOutcomeView;
  /** The guard refused it when applied (and the journal has it): now only a reason lifts it. */
  readonly wasRefused: boolean;
}

/**
 * Adjusting a live trade: pick an action, fill its form, see its effect (the preview),
 * then apply it — or, when the guard refuses it, give the reason to override it, or not.
 * The result, or the refusal, stays shown until the next adjustment.
 */
export function AdjustPanel({
  view,
  send,
  proposal = null,
}: {
  view: PlanView;
  send: AdjustSender;
  /** An adjustment proposed elsewhere (a stop line dragged on the chart): previewed here when it comes. */
  proposal?: { readonly adjustment: AdjustmentFields; readonly at: number } | null;
}) {
  const [action, setAction] = useState<Action | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [isSending, setIsSending] = useState(false);
  const inFlight = useRef(false);

  const run = async (work: () => Promise<void>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setIsSending(true);
    try {
      await work();
    } finally {
      inFlight.current = false;
      setIsSending(false);
    }
  };

  const preview = (result: FormResult) =>
    run(async () => {
      setMessage(null);
      if (!result.ok) {
        setMessage({ text: result.message, isError: true });
        return;
      }
      const requestId = crypto.randomUUID();
      const reply = await send('preview', result.adjustment, requestId);
      if (!reply.ok) {
        setMessage({ text: reply.error, isError: true });
        return;
      }
      setPending({ adjustment: result.adjustment, requestId, outcome: reply.outcome, wasRefused: false });
    });

  const apply = (override?: string) =>
    run(async () => {
      if (pending === null) return;
      const adjustment = override === undefined ? pending.adjustment : { ...pending.adjustment, override };
      const reply = await send('apply', adjustment, pending.requestId);
      if (!reply.ok) {
        setMessage({ text: reply.error, isError: true });
        return;
      }
      const { outcome } = reply;
      if (outcome.status === 'applied') {
        setPending(null);
        setMessage({ text: `Applied: ${outcome.action}`, isError: false });
      } else {
        // Refused, and journaled so: show why, and ask for the reason if one lifts it.
        setPending({ ...pending, requestId: crypto.randomUUID(), outcome, wasRefused: true });
      }
    });

  useEffect(() => {
    if (proposal === null) return;
    setAction(proposal.adjustment['action'] === 'stop' ? 'stop' : null);
    void preview({ ok: true, adjustment: proposal.adjustment });
    // Only a new proposal previews: `preview` is a new function on every render.
  }, [proposal]);

  const form = (chosen: Action) => {
    const props = { view, onPreview: (result: FormResult) => void preview(result) };
    switch (chosen) {
      case 'stop':
        return <StopMoveForm {...props} />;
      case 'exitNow':
        return <TakeOffForm {...props} />;
      case 'target':
        return <LadderStepForm {...props} kind="target" />;
      case 'add':
        return <LadderStepForm {...props} kind="add" />;
      case 'addNow':
        return <AddNowForm {...props} />;
      case 'level':
        return <KeyLevelForm {...props} />;
    }
  };

  return (
    <section class="tr-adjust" aria-label={`Adjust the ${view.symbol} trade`}>
      <div class="tr-subtitle">Adjust the trade · plan v{view.revision + 1}</div>
      <div class="tr-actions" role="group" aria-label="Adjustments">
        {ACTIONS.map(([name, label]) => (
          <button
            key={name}
            type="button"
            class={`tr-button${action === name ? ' tr-primary' : ''}`}
            aria-pressed={action === name}
            onClick={() => {
              setAction(action === name ? null : name);
              setPending(null);
              setMessage(null);
            }}
          >
            {label}
          </button>
        ))}
      </div>
      {action !== null && pending === null && form(action)}
      {pending !== null && (
        <>
          <AdjustPreview outcome={pending.outcome} tickSize={view.tickSize} lotStep={view.lotStep} />
          {pending.wasRefused && (
            <div class="tr-error" role="status">
              Refused, and kept in the journal.
              {pending.outcome.status === 'needs-reason' && ' To apply it anyway, say why.'}
            </div>
          )}
          {pending.outcome.status === 'needs-reason' && pending.wasRefused && (
            <OverrideReason isSending={isSending} onOverride={(reason) => void apply(reason)} />
          )}
          <div class="tr-actions">
            {(pending.outcome.status === 'allowed' ||
              (pending.outcome.status === 'needs-reason' && !pending.wasRefused)) && (
              <button
                type="button"
                class="tr-button tr-primary"
                disabled={isSending}
                onClick={() => void apply()}
              >
                Apply
              </button>
            )}
            <button type="button" class="tr-button" disabled={isSending} onClick={() => setPending(null)}>
              {pending.outcome.status === 'allowed' ? 'Cancel' : 'Back'}
            </button>
          </div>
        </>
      )}
      {message !== null && (
        <div class={message.isError ? 'tr-error' : 'tr-ok'} role={message.isError ? 'alert' : 'status'}>
          {message.text}
        </div>
      )}
    </section>
  );
}
