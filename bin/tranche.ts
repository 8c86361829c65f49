#!/usr/bin/env -S npx tsx
import { parseArgs } from 'node:util';

import type { CommandResult } from './commands/io';
import { failure } from './commands/io';
import { signal } from './commands/signal';
import { sim } from './commands/sim';
import { validate } from './commands/validate';

const USAGE = `usage:
  tranche sim --plan P.json --data F.csv [--fill level|observed] [--alerts risk|all] [--adjust A.jsonl]
  tranche validate P.json
  tranche probe --url URL --html F.html
  tranche signal --text-file F.txt [--equity E --risk-percent P] [--price LAST]`;

async function run(argv: string[]): Promise<CommandResult> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'sim': {
        const { values } = parseArgs({
          args: rest,
          options: {
            plan: { type: 'string' },
            data: { type: 'string' },
            fill: { type: 'string', default: 'level' },
            alerts: { type: 'string', default: 'risk' },
            adjust: { type: 'string' },
          },
        });
        if (!values.plan || !values.data) return failure(2, `sim needs --plan and --data\n${USAGE}`);
        if (values.fill !== 'level' && values.fill !== 'observed')
          return failure(2, `--fill must be "level" or "observed", not "${values.fill}"`);
        if (values.alerts !== 'risk' && values.alerts !== 'all')
          return failure(2, `--alerts must be "risk" or "all", not "${values.alerts}"`);
        const args = {
          plan: values.plan,
          data: values.data,
          fill: values.fill,
          alerts: values.alerts,
          ...(values.adjust === undefined ? {} : { adjust: values.adjust }),
        } as const;
        // Standard output to a file, a pipe or a terminal is written synchronously on Linux:
        // each line leaves before the next row is read.
        return sim(args, (text) => process.stdout.write(text));
      }
      case 'validate': {
        const { positionals } = parseArgs({ args: rest, allowPositionals: true });
        if (positionals.length !== 1 || !positionals[0])
          return failure(2, `validate needs one plan file\n${USAGE}`);
        return validate(positionals[0]);
      }
      case 'probe': {
        const { values } = parseArgs({
          args: rest,
          options: { url: { type: 'string' }, html: { type: 'string' } },
        });
        if (!values.url || !values.html) return failure(2, `probe needs --url and --html\n${USAGE}`);
        const { probe } = await import('./commands/probe');
        const result = await probe({ url: values.url, html: values.html });
        return {
          exitCode: result.exitCode,
          stdout: result.exitCode === 2 ? '' : `${result.output}\n`,
          stderr: result.exitCode === 2 ? `${result.output}\n` : '',
        };
      }
      case 'signal': {
        const { values } = parseArgs({
          args: rest,
          options: {
            'text-file': { type: 'string' },
            equity: { type: 'string' },
            'risk-percent': { type: 'string' },
            price: { type: 'string' },
          },
        });
        if (!values['text-file']) return failure(2, `signal needs --text-file\n${USAGE}`);
        return signal({
          textFile: values['text-file'],
          equity: values.equity,
          riskPercent: values['risk-percent'],
          price: values.price,
        });
      }
      default:
        return failure(2, command ? `unknown command "${command}"\n${USAGE}` : USAGE);
    }
  } catch (error) {
    return failure(2, (error as Error).message);
  }
}

const result = await run(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
