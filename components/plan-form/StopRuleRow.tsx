import { ChoiceField } from './ChoiceField';
import type { FormProps } from './form-props';
import { DISTANCE_KINDS, LEVEL_KINDS } from './measures';
import { MeasureField } from './MeasureField';
import { isObject, textAt, valueAt } from './plan-json';
import { PathField } from './PathField';
import { problemsIn } from './problem-slots';

type On = 'add' | 'target' | 'tick';
type Action = 'raise' | 'breakeven' | 'previousTarget' | 'budget' | 'trail';

const ACTIONS: readonly { readonly value: Action; readonly label: string }[] = [
  { value: 'breakeven', label: 'move to break-even (average entry)' },
  { value: 'trail', label: 'trail by a distance' },
  { value: 'raise', label: 'raise the earlier stops by a distance' },
  { value: 'previousTarget', label: 'move to the previous target' },
  { value: 'budget', label: 'the stop that keeps the risk budget' },
];

/** A rule's action as the form names it, from `raise` or `set`. */
function actionOf(rule: unknown): Action {
  if (valueAt(rule, ['raise']) !== undefined) return 'raise';
  const set = valueAt(rule, ['set']);
  if (isObject(set)) return 'trail';
  return set === 'previousTarget' || set === 'budget' || set === 'breakeven' ? set : 'breakeven';
}

/** One stop rule in words: when it acts, what it does to the stops (docs/plan-format.md#how-the-stop-moves). */
export function StopRuleRow({ form, index }: { form: FormProps; index: number }) {
  const path = ['stopRules', index] as const;
  const rule = valueAt(form.json, path);
  const on: On =
    textAt(rule, ['on']) === 'target' ? 'target' : textAt(rule, ['on']) === 'tick' ? 'tick' : 'add';
  const action = actionOf(rule);
  const slot = (key: string) => problemsIn(form.slots, `stopRules[${index}].${key}`);
  const setAction = (next: Action) => {
    const distance = valueAt(rule, ['raise']) ?? valueAt(rule, ['set', 'trail']);
    form.onSet([...path, 'raise'], next === 'raise' ? (distance ?? { atr: '0.5' }) : undefined);
    form.onSet(
      [...path, 'set'],
      next === 'raise' ? undefined : next === 'trail' ? { trail: distance ?? { percent: '3' } } : next,
    );
  };
  return (
    <>
      <ChoiceField<On>
        label="When"
        name={`stopRules[${index}].on`}
        value={on}
        choices={[
          { value: 'add', label: 'after an add fills' },
          { value: 'target', label: 'after a target fills' },
          { value: 'tick', label: 'at every price (from a level)' },
        ]}
        problems={slot('on')}
        onChoice={(next) => form.onSet([...path, 'on'], next)}
      />
      {on !== 'tick' && (
        <PathField
          form={form}
          path={[...path, 'index']}
          label="Only after number"
          hint="empty: every one"
          isWhole
        />
      )}
      <ChoiceField<Action>
        label="Stop"
        name={`stopRules[${index}].action`}
        value={action}
        choices={ACTIONS}
        problems={slot('action')}
        onChoice={setAction}
      />
      {(action === 'raise' || action === 'trail') && (
        <MeasureField
          label={action === 'raise' ? 'Raise by' : 'Trail by'}
          name={`stopRules[${index}].distance`}
          measure={action === 'raise' ? valueAt(rule, ['raise']) : valueAt(rule, ['set', 'trail'])}
          kinds={DISTANCE_KINDS}
          problems={[]}
          onMeasure={(measure) =>
            form.onSet(action === 'raise' ? [...path, 'raise'] : [...path, 'set', 'trail'], measure)
          }
        />
      )}
      {on === 'tick' && (
        <MeasureField
          label="From, measured from the entry"
          name={`stopRules[${index}].activateAt`}
          measure={valueAt(rule, ['activateAt'])}
          kinds={LEVEL_KINDS}
          problems={slot('activateAt')}
          onMeasure={(measure) => form.onSet([...path, 'activateAt'], measure)}
          hint="empty: from the entry"
        />
      )}
    </>
  );
}
