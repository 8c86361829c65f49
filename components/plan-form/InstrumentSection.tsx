import { findInstrument, INSTRUMENT_TABLE_DATE } from '../../lib/instruments/table';
import { ADAPTERS } from '../../lib/sites/registry';
import type { FormProps } from './form-props';
import { FormSection } from './FormSection';
import { textAt } from './plan-json';
import { PathField } from './PathField';
import { problemsIn } from './problem-slots';

/** The venues a plan can name besides a picked site's host: every reader, the Binance family, any. */
const VENUES = ['any', 'binance', ...ADAPTERS.map((adapter) => adapter.id).filter((id) => id !== 'title')];

/**
 * What is traded and its exchange steps (docs/plan-format.md#instrument); when the
 * instrument table knows the venue's symbol, its steps are offered in one click.
 */
export function InstrumentSection({ form }: { form: FormProps }) {
  const venue = textAt(form.json, ['instrument', 'venue']);
  const symbol = textAt(form.json, ['instrument', 'symbol']);
  const known = symbol === '' ? undefined : findInstrument(venue, symbol);
  const steps = known === undefined ? [] : (Object.entries(known) as [string, string][]);
  const isApplied = steps.every(([key, value]) => textAt(form.json, ['instrument', key]) === value);
  return (
    <FormSection title="Instrument" anchor="instrument" problems={problemsIn(form.slots, 'instrument')}>
      <PathField
        form={form}
        path={['instrument', 'venue']}
        label="Venue"
        isText
        hint="the site whose prices feed it, or any"
        suggestions={VENUES}
      />
      <PathField form={form} path={['instrument', 'symbol']} label="Symbol" isText placeholder="BTCUSDT" />
      <PathField
        form={form}
        path={['instrument', 'tickSize']}
        label="Tick size"
        hint="prices are multiples of it"
      />
      <PathField
        form={form}
        path={['instrument', 'lotStep']}
        label="Lot step"
        hint="quantities round down to it"
      />
      <PathField form={form} path={['instrument', 'minQty']} label="Minimum quantity" hint="optional" />
      <PathField
        form={form}
        path={['instrument', 'minNotional']}
        label="Minimum order value"
        hint="optional, in the quote currency"
      />
      <PathField
        form={form}
        path={['instrument', 'pointValue']}
        label="Point value"
        hint="P&L per 1.0 of price per unit; default 1"
      />
      {known !== undefined && !isApplied && (
        <p class="tr-note" role="status">
          {venue} {symbol} in the instrument table ({INSTRUMENT_TABLE_DATE}):{' '}
          {steps.map(([key, value]) => `${key} ${value}`).join(', ')}.{' '}
          <button
            type="button"
            class="tr-button"
            onClick={() => steps.forEach(([key, value]) => form.onSet(['instrument', key], value))}
          >
            Use these steps
          </button>
        </p>
      )}
    </FormSection>
  );
}
