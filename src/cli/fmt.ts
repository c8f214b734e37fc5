import { writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { Argv } from 'yargs';
import { format } from '../language/format.ts';
import { stylerFor } from '../render/color.ts';
import { renderHuman } from '../render/diagnostics-human.ts';
import { exitCodes, type ExitCode, type Io } from './io.ts';
import { readWorkflow } from './load.ts';

export interface FmtOptions {
  files: string[];
  write?: boolean;
  check?: boolean;
}

export function fmtCommand(yargs: Argv): Argv<FmtOptions> {
  return yargs
    .positional('files', { type: 'string', array: true, default: [] as string[], describe: 'Workflow files to format' })
    // No defaults: yargs counts a defaulted flag as given, and would call the two conflicting.
    .option('write', { alias: 'w', type: 'boolean', describe: 'Rewrite the files in place' })
    .option('check', { type: 'boolean', describe: 'Print the names of files that are not formatted; exit 1 if any' })
    .conflicts('write', 'check')
    .example('$0 fmt wf.swarm', 'Print the canonical form')
    .example('$0 fmt -w workflows/*.swarm', 'Rewrite files in place')
    .example('$0 fmt --check workflows/*.swarm', 'Fail CI when a file is not formatted') as unknown as Argv<FmtOptions>;
}

/** Prints or rewrites files in canonical form. A file with syntax errors is left alone. */
export async function runFmt(options: FmtOptions, io: Io): Promise<ExitCode> {
  if (options.files.length === 0) {
    io.stderr.write('swarm fmt: name at least one workflow file\n');
    return exitCodes.usage;
  }
  if (!options.write && !options.check && options.files.length > 1) {
    io.stderr.write('swarm fmt: to print, name one file; use --write or --check for several\n');
    return exitCodes.usage;
  }
  let status: ExitCode = exitCodes.ok;
  for (const file of options.files) {
    const { display, text } = await readWorkflow(io, file);
    const result = format(text, display);
    if (result.text === undefined) {
      io.stderr.write(renderHuman(result.diagnostics, new Map([[display, text]]), { style: stylerFor({ isTTY: io.stderr.isTTY, env: io.env }), filesChecked: 1 }) + '\n');
      status = exitCodes.problems;
      continue;
    }
    if (options.check) {
      if (result.text !== text) {
        io.stdout.write(`${display}\n`);
        status = exitCodes.problems;
      }
    } else if (options.write) {
      if (result.text !== text) await writeFile(isAbsolute(file) ? file : join(io.cwd, file), result.text);
    } else {
      io.stdout.write(result.text);
    }
  }
  return status;
}
