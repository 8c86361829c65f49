// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { PRESETS } from '../../../lib/plan/presets';
import { fieldInput, fieldProblems, jsonText, renderDesigner } from './designer-setup';

vi.mock('lightweight-charts', () => import('./chart-mock'));

afterEach(cleanup);

/**
 * A valid plan that uses every section of the form: the pyramid preset with a fixed ATR,
 * limits, an approach distance, a tick rule and a key level.
 */
const FULL = {
  ...(PRESETS.find((preset) => preset.id === 'pyramid')?.plan ?? {}),
  volatility: { atr: '2' },
  stopRules: [
    { on: 'add', set: 'breakeven' },
    { on: 'tick', activateAt: { r: '1' }, set: { trail: { percent: '3' } } },
  ],
  limits: { maxOpenRiskPercent: '2', maxQty: '100', leverage: '5', maintenanceMarginRate: '0.004' },
  alerts: { approachPercent: '0.25' },
  levels: [{ price: '120', label: 'resistance' }],
};

/** Type the plan file into the advanced view. */
function typeJson(plan: unknown): void {
  fireEvent.input(jsonText(), { target: { value: JSON.stringify(plan, null, 2) } });
}

function typeField(field: string, value: string): void {
  fireEvent.input(fieldInput(field), { target: { value } });
}

const withField = (path: readonly (string | number)[], value: unknown) => {
  const copy = structuredClone(FULL) as Record<string, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = value;
  return copy;
};

describe('the plan form: every field shows its own problem', () => {
  // Each field's message is lib/plan's or lib/checks' own words, shown under the field it names.
  it.each([
    { path: ['name'], value: 5, field: 'name', message: 'must be a string' },
    {
      path: ['instrument', 'venue'],
      value: '',
      field: 'instrument.venue',
      message: 'name the site, or "any"',
    },
    {
      path: ['instrument', 'symbol'],
      value: ' ',
      field: 'instrument.symbol',
      message: 'name the symbol, like "BTCUSDT"',
    },
    {
      path: ['instrument', 'tickSize'],
      value: 'abc',
      field: 'instrument.tickSize',
      message: '"abc" is not a number',
    },
    {
      path: ['instrument', 'lotStep'],
      value: '0',
      field: 'instrument.lotStep',
      message: '"0" must be greater than 0',
    },
    {
      path: ['instrument', 'minQty'],
      value: '-1',
      field: 'instrument.minQty',
      message: 'must be greater than 0, not -1',
    },
    {
      path: ['instrument', 'minNotional'],
      value: 'x',
      field: 'instrument.minNotional',
      message: '"x" is not a number',
    },
    {
      path: ['instrument', 'pointValue'],
      value: 'x',
      field: 'instrument.pointValue',
      message: '"x" is not a number',
    },
    { path: ['account', 'equity'], value: 'x', field: 'account.equity', message: '"x" is not a number' },
    {
      path: ['account', 'riskPercent'],
      value: 'x',
      field: 'account.riskPercent',
      message: '"x" is not a number',
    },
    {
      path: ['account', 'riskAmount'],
      value: '50',
      field: 'account',
      message: 'give either "riskPercent" (with "equity") or "riskAmount", exactly one of them',
    },
    { path: ['side'], value: 'up', field: 'side', message: 'must be "long" or "short"' },
    { path: ['entry', 'price'], value: 'x', field: 'entry.price', message: '"x" is not a number' },
    {
      path: ['entry', 'when'],
      value: 'sideways',
      field: 'entry.when',
      message: 'must be "above" or "below" (or left out)',
    },
    {
      path: ['stop'],
      value: { price: '105' },
      field: 'stop',
      message:
        'stop must be below entry for a long (stop 105, entry 100): move it to the other side of the entry',
    },
    { path: ['volatility'], value: { atr: 'x' }, field: 'volatility', message: '"x" is not a number' },
    {
      path: ['sizing'],
      value: { method: 'magic' },
      field: 'sizing.method',
      message: 'method must be "risk", "unit", "fixed" (with "qty") or "notional" (with "amount")',
    },
    {
      path: ['sizing'],
      value: { method: 'fixed', qty: 'x' },
      field: 'sizing.qty',
      message: '"x" is not a number',
    },
    {
      path: ['sizing'],
      value: { method: 'notional', amount: '0' },
      field: 'sizing.amount',
      message: '"0" must be greater than 0',
    },
    {
      path: ['scaleIn', 0, 'step'],
      value: { r: 'x' },
      field: 'scaleIn[0].step',
      message: '"x" is not a number',
    },
    { path: ['scaleIn', 1, 'size'], value: 'x', field: 'scaleIn[1].size', message: '"x" is not a number' },
    {
      path: ['scaleOut', 0, 'at'],
      value: { r: 'x' },
      field: 'scaleOut[0].at',
      message: '"x" is not a number',
    },
    {
      path: ['scaleOut', 1, 'share'],
      value: 'x',
      field: 'scaleOut[1].share',
      message: 'must be a fraction like "0.5", or "rest"',
    },
    {
      path: ['stopRules', 0, 'on'],
      value: 'never',
      field: 'stopRules[0].on',
      message: 'must be "add", "target" or "tick"',
    },
    { path: ['stopRules', 0, 'index'], value: 0, field: 'stopRules[0].index', message: 'counts from 1' },
    {
      path: ['stopRules', 0, 'set'],
      value: 'x',
      field: 'stopRules[0].action',
      message: 'must be "breakeven", "previousTarget", "budget" or { "trail": distance }',
    },
    {
      path: ['stopRules', 1, 'activateAt'],
      value: { r: 'x' },
      field: 'stopRules[1].activateAt',
      message: '"x" is not a number',
    },
    {
      path: ['limits', 'maxOpenRiskPercent'],
      value: 'x',
      field: 'limits.maxOpenRiskPercent',
      message: '"x" is not a number',
    },
    { path: ['limits', 'maxQty'], value: 'x', field: 'limits.maxQty', message: '"x" is not a number' },
    { path: ['limits', 'leverage'], value: 'x', field: 'limits.leverage', message: '"x" is not a number' },
    {
      path: ['limits', 'maintenanceMarginRate'],
      value: '-1',
      field: 'limits.maintenanceMarginRate',
      message: 'must be 0 or more, not -1',
    },
    {
      path: ['alerts', 'approachPercent'],
      value: 'x',
      field: 'alerts.approachPercent',
      message: '"x" is not a number',
    },
    { path: ['levels', 0, 'price'], value: 'x', field: 'levels[0].price', message: '"x" is not a number' },
    {
      path: ['levels', 0, 'label'],
      value: ' ',
      field: 'levels[0].label',
      message: 'must name the level, like "resistance"',
    },
  ])('$field: $message', ({ path, value, field, message }) => {
    renderDesigner();
    typeJson(FULL);
    expect(screen.getByText('✓ Valid plan.'), 'the plan that uses every section is valid').toBeTruthy();
    typeJson(withField(path, value));
    expect(fieldProblems(field)).toBe(message);
    expect(within(screen.getByRole('list', { name: 'Problems' })).getAllByRole('listitem').length).toBe(1);
  });

  it('says what is missing as the trader types, on the field being typed', () => {
    renderDesigner();
    typeField('entry.price', '');
    expect(fieldProblems('entry.price')).toBe('is missing');
    typeField('entry.price', '10,5');
    expect(fieldProblems('entry.price')).toBe('"10,5" is not a number');
    typeField('entry.price', '101');
    expect(fieldProblems('entry.price')).toBe('');
    expect(screen.getByText('✓ Valid plan.')).toBeTruthy();
  });
});

describe('the form and the plan file stay in sync', () => {
  it('an edit in the form prints the file again, keeping every other field', () => {
    renderDesigner();
    typeField('entry.price', '101.5');
    fireEvent.change(fieldInput('entry.when'), { target: { value: 'above' } });
    const file = JSON.parse(jsonText().value) as Record<string, unknown>;
    expect(file['entry']).toEqual({ price: '101.5', when: 'above' });
    expect(file['scaleOut'], 'the rest of the preset is untouched').toEqual([
      { at: { r: '3' }, share: '0.5' },
      { at: { r: '5' }, share: 'rest' },
    ]);
    expect(Object.keys(file).slice(0, 3), 'fields in the plan format’s order').toEqual([
      'format',
      'name',
      'instrument',
    ]);
  });

  it('a measure keeps its unit: × ATR typed after choosing it; emptied, the optional section goes', () => {
    renderDesigner();
    const unit = screen.getByLabelText('ATR: unit') as HTMLSelectElement;
    fireEvent.change(unit, { target: { value: 'atrPeriod' } });
    typeField('volatility', '20');
    expect(JSON.parse(jsonText().value).volatility, 'a period is a whole number').toEqual({ atrPeriod: 20 });
    typeField('volatility', '');
    expect(JSON.parse(jsonText().value).volatility).toBeUndefined();
    typeField('limits.leverage', '5');
    expect(JSON.parse(jsonText().value).limits).toEqual({ leverage: '5' });
    typeField('limits.leverage', '');
    expect(JSON.parse(jsonText().value).limits, 'an emptied section leaves the file').toBeUndefined();
  });

  it('rows are added and removed: adds, targets, stop rules, key levels', () => {
    renderDesigner();
    fireEvent.click(screen.getByRole('button', { name: '+ Add a key level' }));
    typeField('levels[0].price', '120');
    fireEvent.click(screen.getByRole('button', { name: '+ Add a target' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove add 1' }));
    const file = JSON.parse(jsonText().value) as Record<string, unknown>;
    expect(file['levels']).toEqual([{ label: 'resistance', price: '120' }]);
    expect(file['scaleIn'], 'the second add is now the first').toEqual([{ step: { r: '1' }, size: '0.4' }]);
    expect((file['scaleOut'] as unknown[]).length).toBe(3);
    fireEvent.click(screen.getByRole('button', { name: 'Remove add 1' }));
    expect(JSON.parse(jsonText().value).scaleIn, 'no adds: the list goes').toBeUndefined();
  });

  it('a stop rule is written in words: when, which one, what it does', () => {
    renderDesigner();
    fireEvent.change(fieldInput('stopRules[0].on'), { target: { value: 'target' } });
    typeField('stopRules[0].index', '1');
    fireEvent.change(fieldInput('stopRules[0].action'), { target: { value: 'trail' } });
    expect(JSON.parse(jsonText().value).stopRules).toEqual([
      { on: 'target', set: { trail: { percent: '3' } }, index: 1 },
    ]);
  });

  it('a file typed in the advanced view fills the form', () => {
    renderDesigner();
    typeJson({ ...FULL, entry: { price: '102', when: 'below' }, side: 'short', stop: { price: '107' } });
    expect(fieldInput('entry.price').value).toBe('102');
    expect(fieldInput('entry.when').value).toBe('below');
    expect(fieldInput('side').value).toBe('short');
  });

  it('text that is not a plan object keeps what was typed, says why, and leaves the form as it was', () => {
    renderDesigner();
    typeField('entry.price', '101');
    fireEvent.input(jsonText(), { target: { value: '{ "entry": ' } });
    expect(jsonText().value, 'the text is kept').toBe('{ "entry": ');
    expect(screen.getByRole('alert').textContent).toMatch(
      /^The plan file is not JSON \(.+\)\. The form keeps/,
    );
    expect(fieldInput('entry.price').value, 'the form is not lost').toBe('101');
    expect((screen.getByRole('button', { name: 'Save as draft' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(jsonText(), { target: { value: '[1, 2]' } });
    expect(screen.getByRole('alert').textContent).toMatch(/^The plan file is not an object/);
    typeField('entry.price', '103');
    expect(JSON.parse(jsonText().value).entry.price, 'a form edit prints the file again').toBe('103');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('starting points', () => {
  it.each(PRESETS.map((preset) => [preset.label, preset] as const))(
    'the %s preset fills the form',
    (_, preset) => {
      renderDesigner();
      fireEvent.change(screen.getByLabelText(/Start from a preset/), { target: { value: preset.id } });
      const plan = preset.plan as {
        name: string;
        scaleIn?: unknown[];
        scaleOut?: unknown[];
        entry: { price: string };
      };
      expect(fieldInput('name').value).toBe(plan.name);
      expect(fieldInput('entry.price').value).toBe(plan.entry.price);
      expect(document.querySelectorAll('[data-section="scalein"] .tr-row').length).toBe(
        plan.scaleIn?.length ?? 0,
      );
      expect(document.querySelectorAll('[data-section="scaleout"] .tr-row').length).toBe(
        plan.scaleOut?.length ?? 0,
      );
      expect(JSON.parse(jsonText().value)).toEqual(preset.plan);
      expect(screen.getByText(/✓ Valid plan/)).toBeTruthy();
    },
  );

  it('the trader’s own templates are listed with the presets, fill the form, can be saved and deleted', () => {
    const template = { id: 't1', label: 'My ETH scalp', plan: { ...FULL, name: 'ETH scalp' }, savedAt: 1 };
    const props = renderDesigner({ templates: [template] });
    const picker = screen.getByLabelText(/Start from a preset/);
    expect(within(picker).getByRole('group', { name: 'Your templates' }).textContent).toBe('My ETH scalp');
    fireEvent.change(picker, { target: { value: 'template:t1' } });
    expect(fieldInput('name').value).toBe('ETH scalp');
    fireEvent.input(screen.getByPlaceholderText('template name'), { target: { value: 'Pyramid, tight' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save as template' }));
    expect(props.onSaveTemplate).toHaveBeenCalledWith(
      'Pyramid, tight',
      expect.objectContaining({ name: 'ETH scalp' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Delete the template My ETH scalp' }));
    expect(props.onDeleteTemplate).toHaveBeenCalledWith('t1');
  });

  it('the instrument table’s steps for the venue and symbol, in one click', () => {
    renderDesigner();
    typeField('instrument.venue', 'binance-futures');
    typeField('instrument.symbol', 'BTC/USDT');
    const offer = screen.getByText(/binance-futures BTC\/USDT in the instrument table \(2026-12-05\)/);
    expect(offer.textContent).toContain('tickSize 0.1, lotStep 0.001, minQty 0.001, minNotional 100');
    fireEvent.click(within(offer).getByRole('button', { name: 'Use these steps' }));
    expect(JSON.parse(jsonText().value).instrument).toEqual({
      venue: 'binance-futures',
      symbol: 'BTC/USDT',
      tickSize: '0.1',
      lotStep: '0.001',
      pointValue: '1',
      minQty: '0.001',
      minNotional: '100',
    });
    expect(screen.queryByText(/in the instrument table/), 'offered while the steps differ').toBeNull();
  });

  it('the stored draft comes back on a reload, and every change is handed over to be stored', () => {
    const props = renderDesigner({ initialText: JSON.stringify({ ...FULL, name: 'My draft' }) });
    expect(fieldInput('name').value).toBe('My draft');
    typeField('name', 'My draft, edited');
    expect(props.onDraftText).toHaveBeenLastCalledWith(jsonText().value);
    expect(JSON.parse(jsonText().value).name).toBe('My draft, edited');
  });

  it('a stored draft that is not JSON comes back as text, with the reason', () => {
    renderDesigner({ initialText: '{ "name": "half' });
    expect(jsonText().value).toBe('{ "name": "half');
    expect(screen.getByRole('alert').textContent).toMatch(/^The plan file is not JSON/);
  });

  it('each section links to its part of the plan format reference', () => {
    renderDesigner();
    const links = screen.getAllByRole('link').map((link) => link.getAttribute('href'));
    expect(links).toEqual([
      'plan-format.html#instrument',
      'plan-format.html#account',
      'plan-format.html#entry',
      'plan-format.html#stop',
      'plan-format.html#sizing',
      'plan-format.html#scalein',
      'plan-format.html#scaleout',
      'plan-format.html#stoprules',
      'plan-format.html#limits',
      'plan-format.html#alerts',
      'plan-format.html#levels',
    ]);
  });
});
