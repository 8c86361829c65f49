import { useId, useState } from 'preact/hooks';

import { NumberField } from './NumberField';
import { typedNumber } from './adjust-port';
import { HeatMeter, type HeatView } from './HeatMeter';

/**
 * The account heat setting (plan format, "Account heat"): the account's equity and the cap
 * on the open risk of all armed and active plans together, as a % of it. A planned add
 * beyond the cap is cut or skipped, an add now refused.
 */
export function HeatSetting({
  heat,
  onHeat,
}: {
  heat: HeatView;
  onHeat: (equity: string | null, capPercent: string | null) => Promise<void> | void;
}) {
  const id = `tr-${useId()}`;
  const [equity, setEquity] = useState(heat?.equity ?? '');
  const [cap, setCap] = useState(heat?.capPercent ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const typedEquity = typedNumber(equity, 'Equity');
    const typedCap = typedNumber(cap, 'Cap');
    const problem = !typedEquity.ok ? typedEquity.message : !typedCap.ok ? typedCap.message : null;
    setError(problem);
    if (typedEquity.ok && typedCap.ok) void onHeat(typedEquity.value, typedCap.value);
  };
  return (
    <section class="tr-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Account heat</h2>
      <p class="tr-muted" style={{ margin: '0 0 6px' }}>
        The open risk of all your armed and active plans together, capped as a % of your equity: an add that
        would go past the cap is cut or skipped, and “add now” is refused.
      </p>
      <HeatMeter heat={heat} />
      <form class="tr-form" aria-label="Account heat setting" onSubmit={submit} style={{ maxWidth: '480px' }}>
        <NumberField label="Equity" value={equity} onValue={setEquity} />
        <NumberField label="Cap, % of equity" value={cap} onValue={setCap} />
        <button type="submit" class="tr-button tr-primary">
          Save
        </button>
        {heat !== null && (
          <button type="button" class="tr-button" onClick={() => void onHeat(null, null)}>
            No cap
          </button>
        )}
        {error !== null && (
          <div class="tr-error" role="alert">
            {error}
          </div>
        )}
      </form>
    </section>
  );
}
