import { Decimal, isDecimalString, toCanonical } from '../../lib/decimal';
import { formatProblem } from '../../lib/plan/problems';
import type { SignalPlanOptions } from '../../lib/signal';
import { planFromSignal } from '../../lib/signal';
import type { CommandResult } from './io';
import { failure, readText } from './io';

export interface SignalArgs {
  readonly textFile: string;
  readonly equity: string | undefined;
  readonly riskPercent: string | undefined;
  readonly price: string | undefined;
}

/**
 * Without `--equity` and `--risk-percent` the plan risks 1 % of 10,000, said on standard
 * error: the signal knows nothing of the trader's account, and the plan file shows the
 * account for the trader to set.
 */
const DEFAULT_ACCOUNT = { equity: '10000', riskPercent: '1' } as const;

type Options =
  | { readonly ok: true; readonly options: SignalPlanOptions; readonly isDefaultAccount: boolean }
  | { readonly ok: false; readonly message: string };

function readOptions(args: SignalArgs): Options {
  const wrong: string[] = [];
  /** A number option as a canonical decimal above 0; a wrong one is noted. */
  const positive = (option: string, value: string | undefined): string | undefined => {
    const text = value?.trim();
    if (text === undefined) return undefined;
    if (isDecimalString(text) && new Decimal(text).gt(0)) return toCanonical(new Decimal(text));
    wrong.push(`${option} must be a number above 0, like 10000, not "${value}"`);
    return undefined;
  };
  const equity = positive('--equity', args.equity);
  const riskPercent = positive('--risk-percent', args.riskPercent);
  const lastPrice = positive('--price', args.price);
  const [message] = wrong;
  if (message !== undefined) return { ok: false, message };
  if ((equity === undefined) !== (riskPercent === undefined)) {
    return { ok: false, message: 'signal needs both --equity and --risk-percent, or neither' };
  }
  const account =
    equity !== undefined && riskPercent !== undefined ? { equity, riskPercent } : DEFAULT_ACCOUNT;
  return {
    ok: true,
    options: { account, ...(lastPrice === undefined ? {} : { lastPrice }) },
    isDefaultAccount: account === DEFAULT_ACCOUNT,
  };
}

/**
 * `tranche signal --text-file F [--equity E --risk-percent P] [--price LAST]`: the plan file
 * on standard output (exit 0), or one `field: problem` line per thing the signal leaves
 * missing or ambiguous (exit 1). An unreadable file or a bad option is exit 2.
 */
export function signal(args: SignalArgs): CommandResult {
  const read = readOptions(args);
  if (!read.ok) return failure(2, read.message);
  const text = readText(args.textFile);
  if (!text.ok) return text.result;
  const result = planFromSignal(text.text.replace(/^\uFEFF/u, ''), read.options);
  if (!result.ok) {
    return { exitCode: 1, stdout: result.problems.map(formatProblem).join('\n') + '\n', stderr: '' };
  }
  const notes = [
    ...(read.isDefaultAccount
      ? [
          `note: no --equity and --risk-percent: the plan risks ${DEFAULT_ACCOUNT.riskPercent}% of ${DEFAULT_ACCOUNT.equity}; set your account in it`,
        ]
      : []),
    ...result.warnings.map((warning) => `warning: ${formatProblem(warning)}`),
  ];
  return {
    exitCode: 0,
    stdout: `${JSON.stringify(result.json, null, 2)}\n`,
    stderr: notes.map((note) => `${note}\n`).join(''),
  };
}
