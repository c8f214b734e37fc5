import type { Argv } from 'yargs';
import { countSeverities, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { rules } from '../diagnostics/rules.ts';
import { stylerFor } from '../render/color.ts';
import { renderGithub } from '../render/diagnostics-github.ts';
import { renderHuman } from '../render/diagnostics-human.ts';
import { renderJson } from '../render/diagnostics-json.ts';
import { renderSarif } from '../render/diagnostics-sarif.ts';
import { exitCodes, type ExitCode, type Io } from './io.ts';
import { compileWorkflow, expandWorkflowPaths } from './load.ts';
import { version } from './version.ts';

export const checkFormats = ['human', 'json', 'sarif', 'github'] as const;

export interface CheckOptions {
  files: string[];
  format: (typeof checkFormats)[number];
  strict: boolean;
  list: boolean;
}

export function checkCommand(yargs: Argv): Argv<CheckOptions> {
  return yargs
    .positional('files', { type: 'string', array: true, describe: 'Workflow files, or directories to search for .swarm files', default: [] as string[] })
    .option('format', { alias: 'f', choices: checkFormats, default: 'human' as const, describe: 'Output format' })
    .option('strict', { type: 'boolean', default: false, describe: 'Fail on warnings as well as errors' })
    .option('list', { type: 'boolean', default: false, describe: 'List every check swarm runs, with its code' })
    .example('$0 check workflows/*.swarm', 'Check every workflow; exit 1 if any has an error')
    .example('$0 check .', 'Check every .swarm file under the current directory')
    .example('$0 check --format json wf.swarm | jq .errors', 'Read the results from a program')
    .example('$0 check --format sarif workflows/*.swarm > swarm.sarif', 'Upload to GitHub code scanning')
    .example('$0 check --format github workflows/*.swarm', 'Annotate a pull request from GitHub Actions')
    .example('$0 check --list', 'Print the table of checks') as unknown as Argv<CheckOptions>;
}

/** Compiles every file and prints all problems at once; exit 1 on any error (or warning with --strict). */
export async function runCheck(options: CheckOptions, io: Io): Promise<ExitCode> {
  if (options.list) return listRules(options, io);
  if (options.files.length === 0) {
    io.stderr.write('swarm check: name at least one workflow file, e.g. `swarm check workflows/*.swarm`\n');
    return exitCodes.usage;
  }
  const files = await expandWorkflowPaths(io, options.files);
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  for (const file of files) {
    const result = await compileWorkflow(io, file, { plan: false });
    diagnostics.push(...result.diagnostics);
    for (const [path, text] of result.sources) sources.set(path, text);
  }
  const filesChecked = files.length;
  const out = {
    human: () => renderHuman(diagnostics, sources, { style: stylerFor({ isTTY: io.stdout.isTTY, env: io.env }), filesChecked }),
    json: () => renderJson(diagnostics, sources),
    sarif: () => renderSarif(diagnostics, sources, { version }),
    github: () => renderGithub(diagnostics, sources, { filesChecked }),
  }[options.format]();
  io.stdout.write(out.endsWith('\n') ? out : out + '\n');
  const { errors, warnings } = countSeverities(diagnostics);
  return errors > 0 || (options.strict && warnings > 0) ? exitCodes.problems : exitCodes.ok;
}

function listRules(options: CheckOptions, io: Io): ExitCode {
  if (options.format === 'json') {
    io.stdout.write(JSON.stringify({ rules }, null, 2) + '\n');
    return exitCodes.ok;
  }
  const width = Math.max(...rules.map((r) => r.name.length));
  for (const r of rules) io.stdout.write(`${r.code}  ${r.name.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.summary}\n`);
  return exitCodes.ok;
}
