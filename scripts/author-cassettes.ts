/**
 * `npm run author-cassettes [NAME…]`: writes `workflows/NAME.cassette.jsonl` for each shipped
 * workflow by running it for real (worker processes, the file queue, the Claude Code CLI)
 * against swarm's Messages API stand-in playing the model with authored answers, through the
 * same recorder `swarm run --record` uses. No key can be used here, so the shipped cassettes
 * are authored this way; one recorded from the real API has the same format.
 */
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCassettePath, readCassette } from '../src/cassette/cassette-file.ts';
import { compile } from '../src/compiler/compile.ts';
import { nodeHost } from '../src/compiler/node-host.ts';
import { responderFor } from '../src/model-server/authored/index.ts';
import { startModelServer } from '../src/model-server/server.ts';
import { resolveInputs } from '../src/runtime/render-template.ts';
import { runWorkflow } from '../src/runner/run-workflow.ts';
import { repoRoot } from './conformance-fixtures.ts';
import { copyProject } from './project-copy.ts';

const shipped = ['student-review', 'code-review', 'campaign-launch', 'studio-week'];
const names = process.argv.slice(2).length > 0 ? process.argv.slice(2) : shipped;

for (const name of names) {
  // The run works on a copy of workflows/, prompts/ and agents/ (without run directories or
  // cassettes), so a worker with a writable workspace (code-review's workflows/code) changes
  // the copy and never the repository; only the cassette is written back, beside the workflow.
  const copy = copyProject(`swarm-author-${name}-`, { cassettes: false });
  const workflowFile = join(copy, 'workflows', `${name}.swarm`);
  const plan = compile(readFileSync(workflowFile, 'utf8'), workflowFile, nodeHost).plan;
  if (!plan) throw new Error(`${workflowFile} does not compile: run swarm check on it`);
  const inputs = resolveInputs(plan, {});
  if (!inputs.ok) throw new Error(inputs.problems.join('\n'));
  const server = await startModelServer({ respond: responderFor(plan) });
  const runsDir = join(copy, 'runs');
  // Recorded in the copy and put in place only when the run ends done, so a failed run never
  // leaves a partial cassette where the shipped one was.
  const cassette = defaultCassettePath(workflowFile);
  const shippedCassette = defaultCassettePath(join(repoRoot, 'workflows', `${name}.swarm`));
  try {
    const outcome = await runWorkflow({
      plan,
      workflowFile,
      inputs: inputs.values,
      runsDir,
      runId: `authored-${name}`,
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ANTHROPIC_BASE_URL: server.url, ANTHROPIC_API_KEY: 'sk-authoring', ...Object.fromEntries(plan.workers.flatMap((w) => (w.apiKeyEnv ? [[w.apiKeyEnv, 'sk-authoring']] : []))) },
      model: { mode: 'record', cassette, source: 'authored' },
      onNotice: (m) => process.stderr.write(`  ${m}\n`),
    });
    if (outcome.status !== 'done') throw new Error(`${name}: the authored run ended ${outcome.status}; see ${outcome.runDir}`);
    copyFileSync(cassette, shippedCassette);
    process.stdout.write(`${name}: ${readCassette(shippedCassette).exchanges.length} exchanges → ${shippedCassette}\n`);
    rmSync(copy, { recursive: true, force: true });
  } finally {
    await server.close();
  }
}
