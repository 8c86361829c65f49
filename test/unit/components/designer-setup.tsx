import { render } from '@testing-library/preact';
import { vi } from 'vitest';

import { PlanDesigner, type PlanDesignerProps } from '../../../components/PlanDesigner';

/** The designer as the planner mounts it, every callback a spy; `overrides` replace any prop. */
export function renderDesigner(overrides: Partial<PlanDesignerProps> = {}): PlanDesignerProps {
  const props: PlanDesignerProps = {
    initialText: null,
    onDraftText: vi.fn(),
    saveResult: null,
    isSaving: false,
    onSaveDraft: vi.fn(),
    onExport: vi.fn(),
    onShowSaved: vi.fn(),
    templates: [],
    templateResult: null,
    onSaveTemplate: vi.fn(),
    onDeleteTemplate: vi.fn(),
    account: { equity: '10000', riskPercent: '1' },
    history: null,
    ...overrides,
  };
  render(<PlanDesigner {...props} />);
  return props;
}

/** The advanced view's text area (the plan file as JSON). */
export function jsonText(): HTMLTextAreaElement {
  return document.getElementById('tr-editor-text') as HTMLTextAreaElement;
}

/** The problems shown under one field of the form (its `data-field`), or '' when none. */
export function fieldProblems(field: string): string {
  const element = document.querySelector(`[data-field="${field}"]`);
  if (element === null) throw new Error(`the form shows no field ${field}`);
  return element.querySelector('.tr-field-error')?.textContent ?? '';
}

/** The input of one field of the form. */
export function fieldInput(field: string): HTMLInputElement | HTMLSelectElement {
  const input = document.querySelector(`[data-field="${field}"] input, [data-field="${field}"] select`);
  if (input === null) throw new Error(`the form shows no field ${field}`);
  return input as HTMLInputElement | HTMLSelectElement;
}
