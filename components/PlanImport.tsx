import { useState } from 'preact/hooks';

/** What the last import gave: stored as a draft (with any warnings), or refused with the reasons. */
export type ImportResult =
  | { readonly kind: 'imported'; readonly name: string; readonly warnings: readonly string[] }
  | { readonly kind: 'refused'; readonly error: string; readonly problems: readonly string[] };

export interface PlanImportProps {
  readonly result: ImportResult | null;
  readonly isBusy: boolean;
  /** A file's text (chosen or dropped) or pasted JSON, with where it came from ("pyramid.json"). */
  readonly onImport: (text: string, source: string) => void;
}

/**
 * Plans in: a file input, a drop zone and a box for pasted JSON. The background checks
 * the plan; a bad one is stored nowhere and its problems are listed field by field.
 */
export function PlanImport({ result, isBusy, onImport }: PlanImportProps) {
  const [pasted, setPasted] = useState('');
  const [isOver, setIsOver] = useState(false);
  const readFile = (file: File | undefined) => {
    if (file === undefined) return;
    void file.text().then((text) => onImport(text, file.name));
  };
  return (
    <section class="tr-section" aria-labelledby="tr-import-title">
      <h2 id="tr-import-title">Import a plan</h2>
      <div
        class={`tr-drop${isOver ? ' tr-drop-active' : ''}`}
        data-testid="plan-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setIsOver(true);
        }}
        onDragLeave={() => setIsOver(false)}
        onDrop={(event) => {
          event.preventDefault();
          setIsOver(false);
          readFile(event.dataTransfer?.files[0]);
        }}
      >
        <label>
          Plan file (<code>tranche.plan/1</code> JSON), or drop it here:{' '}
          <input
            type="file"
            accept=".json,application/json"
            disabled={isBusy}
            onChange={(event) => {
              const input = event.currentTarget;
              readFile(input.files?.[0]);
              // The same file can be chosen again after fixing it.
              input.value = '';
            }}
          />
        </label>
        <label for="tr-import-paste">Or paste the plan's JSON:</label>
        <textarea
          id="tr-import-paste"
          value={pasted}
          spellcheck={false}
          placeholder='{ "format": "tranche.plan/1", … }'
          aria-invalid={result?.kind === 'refused'}
          onInput={(event) => setPasted(event.currentTarget.value)}
        />
        <div class="tr-actions">
          <button
            type="button"
            class="tr-button tr-primary"
            disabled={isBusy || pasted.trim() === ''}
            onClick={() => onImport(pasted, 'The pasted text')}
          >
            Import pasted JSON
          </button>
        </div>
      </div>
      <ImportStatus result={result} isBusy={isBusy} />
    </section>
  );
}

function ImportStatus({ result, isBusy }: { result: ImportResult | null; isBusy: boolean }) {
  if (isBusy) {
    return (
      <p role="status" class="tr-muted">
        Checking the plan…
      </p>
    );
  }
  if (result === null) return null;
  if (result.kind === 'refused') {
    return (
      <div role="alert" class="tr-error" style={{ marginTop: '8px', fontSize: '12px' }}>
        {result.error}
        {result.problems.length > 0 && (
          <ul class="tr-problems" aria-label="Problems">
            {result.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <div role="status" style={{ marginTop: '8px' }}>
      Imported “{result.name}” as a draft: check it below, then arm it.
      {result.warnings.length > 0 && (
        <ul class="tr-warn" aria-label="Warnings" style={{ margin: '4px 0 0', paddingLeft: '18px' }}>
          {result.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
