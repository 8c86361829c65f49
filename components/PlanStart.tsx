import { useState } from 'preact/hooks';

import type { PlanTemplateView } from '../lib/messages/planner';
import type { Preset } from '../lib/plan/presets';

/** What the last "Save as template" gave. */
export type TemplateResult =
  { readonly kind: 'saved'; readonly label: string } | { readonly kind: 'refused'; readonly error: string };

export interface PlanStartProps {
  readonly presets: readonly Preset[];
  /** The trader's own templates, listed after the presets. */
  readonly templates: readonly PlanTemplateView[];
  readonly templateResult: TemplateResult | null;
  /** Whether the plan in the form may be kept as a template (it is valid). */
  readonly canSaveTemplate: boolean;
  readonly onPreset: (presetId: string) => void;
  readonly onTemplate: (templateId: string) => void;
  readonly onOpenFile: (text: string, fileName: string) => void;
  readonly onSaveTemplate: (label: string) => void;
  readonly onDeleteTemplate: (templateId: string) => void;
}

const TEMPLATE_PREFIX = 'template:';

/**
 * Where a plan starts: a built-in preset or one of the trader's templates (the plan library),
 * a plan file; and the plan in the form kept as a template of one's own.
 */
export function PlanStart(props: PlanStartProps) {
  const [label, setLabel] = useState('');
  return (
    <div class="tr-start">
      <div class="tr-actions" style={{ marginTop: 0, alignItems: 'center' }}>
        <label class="tr-check">
          Start from a preset:{' '}
          <select
            class="tr-select"
            value=""
            onChange={(event) => {
              const id = event.currentTarget.value;
              if (id.startsWith(TEMPLATE_PREFIX)) props.onTemplate(id.slice(TEMPLATE_PREFIX.length));
              else if (id !== '') props.onPreset(id);
            }}
          >
            <option value="">Choose…</option>
            <optgroup label="Presets">
              {props.presets.map((preset) => (
                <option key={preset.id} value={preset.id} title={preset.summary}>
                  {preset.label}
                </option>
              ))}
            </optgroup>
            {props.templates.length > 0 && (
              <optgroup label="Your templates">
                {props.templates.map((template) => (
                  <option key={template.id} value={`${TEMPLATE_PREFIX}${template.id}`}>
                    {template.label}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        <label class="tr-check">
          or open a plan file:{' '}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (file !== undefined) void file.text().then((text) => props.onOpenFile(text, file.name));
              input.value = '';
            }}
          />
        </label>
      </div>
      <form
        class="tr-actions"
        style={{ alignItems: 'center' }}
        onSubmit={(event) => {
          event.preventDefault();
          if (label.trim() === '') return;
          props.onSaveTemplate(label.trim());
          setLabel('');
        }}
      >
        <label class="tr-check">
          Keep this plan as a template:{' '}
          <input
            type="text"
            value={label}
            maxLength={80}
            placeholder="template name"
            onInput={(event) => setLabel(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="tr-button" disabled={!props.canSaveTemplate || label.trim() === ''}>
          Save as template
        </button>
        {props.templateResult?.kind === 'saved' && (
          <span role="status">Saved “{props.templateResult.label}” with the presets.</span>
        )}
        {props.templateResult?.kind === 'refused' && (
          <span role="alert" class="tr-error" style={{ width: 'auto' }}>
            {props.templateResult.error}
          </span>
        )}
      </form>
      {props.templates.length > 0 && (
        <ul class="tr-templates" aria-label="Your templates">
          {props.templates.map((template) => (
            <li key={template.id}>
              {template.label}{' '}
              <button
                type="button"
                class="tr-link"
                aria-label={`Delete the template ${template.label}`}
                onClick={() => props.onDeleteTemplate(template.id)}
              >
                delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
