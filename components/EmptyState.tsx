/** What a new user sees: what Tranche does and the one thing to do next. */
export function EmptyState({ onOpenPlanner }: { onOpenPlanner: () => void }) {
  return (
    <div class="tr-empty">
      <strong>No armed plans</strong>
      Write your plan before the entry: import a plan file in the planner and arm it. Tranche then watches the
      price on your TradingView and exchange tabs and tells you when to add, take profit or move the stop.
      <div class="tr-actions" style={{ justifyContent: 'center' }}>
        <button type="button" class="tr-button tr-primary" onClick={onOpenPlanner}>
          Open the planner
        </button>
      </div>
    </div>
  );
}
