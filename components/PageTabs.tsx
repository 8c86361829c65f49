export type PageTab = 'plans' | 'design';

export interface PageTabsProps {
  readonly tab: PageTab;
  readonly onTab: (tab: PageTab) => void;
}

const TABS: readonly { readonly id: PageTab; readonly label: string }[] = [
  { id: 'plans', label: 'Plans' },
  { id: 'design', label: 'Design & simulate' },
];

/** The planner's two tabs: the stored plans, and the designer with its simulator. */
export function PageTabs({ tab, onTab }: PageTabsProps) {
  return (
    <nav class="tr-tabs" role="tablist" aria-label="Planner">
      <strong class="tr-tabs-brand">Tranche</strong>
      {TABS.map((candidate) => (
        <button
          key={candidate.id}
          type="button"
          role="tab"
          class="tr-tab"
          aria-selected={candidate.id === tab}
          onClick={() => onTab(candidate.id)}
        >
          {candidate.label}
        </button>
      ))}
    </nav>
  );
}
