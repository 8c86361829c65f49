/** What a new user sees: what Tranche does and the one thing to do next. */
export function EmptyState({ onOpenPlanner }: { onOpenPlanner: () => void }) {
  return (
    <div class="tr-empty">
      <strong>No armed plans</strong>
      Tranche follows a plan you write before the entry, and tells you when to add, take profit or move the
      stop.
      <ol>
        <li>Import a plan file in the planner.</li>
        <li>Arm it there.</li>
        <li>Keep a TradingView chart or an exchange tab of its symbol open.</li>
      </ol>
      <div class="tr-actions" style={{ justifyContent: 'center' }}>
        <button type="button" class="tr-button tr-primary" onClick={onOpenPlanner}>
          Open the planner
        </button>
      </div>
    </div>
  );
}
