import { Decimal, isDecimalString } from '../../lib/decimal';
import { formatProblem } from '../../lib/plan/validate';
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

function positive(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (!isDecimalString(text) || !new Decimal(text).gt(0)) {
    throw new UsageError(`${option} must be a number above 0, like 10000, not "${value}"`);
  }
  return text;
}

class UsageError extends Error {}

/**
 * `tranche signal --text-file F [--equity E --risk-percent P] [--price LAST]`: the plan file
 * on standard output (exit 0), or one `field: problem` line per thing the signal leaves
 * missing or ambiguous (exit 1). An unreadable file is exit 2, naming it.
 */
export function signal(args: SignalArgs): CommandResult {
  let options;
  try {
    const equity = positive('--equity', args.equity);
    const riskPercent = positive('--risk-percent', args.riskPercent);
    if ((equity === undefined) !== (riskPercent === undefined)) {
      return failure(2, 'signal needs both --equity and --risk-percent, or neither');
    }
    const lastPrice = positive('--price', args.price);
    const account = equity !== undefined && riskPercent !== undefined ? { equity, riskPercent } : undefined;
    options = { account: account ?? DEFAULT_ACCOUNT, isDefaultAccount: account === undefined, lastPrice };
  } catch (error) {
    if (error instanceof UsageError) return failure(2, error.message);
    throw error;
  }
  const read = readText(args.textFile);
  if (!read.ok) return read.result;
  const text = read.text.replace(/^\uFEFF/u, '');
  const result = planFromSignal(text, {
    account: options.account,
    ...(options.lastPrice === undefined ? {} : { lastPrice: new Decimal(options.lastPrice).toFixed() }),
  });
  if (!result.ok) {
    return { exitCode: 1, stdout: result.problems.map(formatProblem).join('\n') + '\n', stderr: '' };
  }
  const notes = [
    ...(options.isDefaultAccount
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
