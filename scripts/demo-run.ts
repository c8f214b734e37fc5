/**
 * `npm run demo`: the main job, offline. Checks the shipped workflows, then runs
 * workflows/student-review.swarm for real (worker processes, the file queue, the Claude Code
 * CLI) with swarm's Messages API stand-in in place of the model, since no API key can be used
 * here. With a key, run the same workflow against the real API:
 *   ANTHROPIC_API_KEY=… MARIE_API_KEY=… npm run swarm -- run workflows/student-review.swarm
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli/main.ts';
import { processIo } from '../src/cli/io.ts';
import { compile } from '../src/compiler/compile.ts';
import { nodeHost } from '../src/compiler/node-host.ts';
import { planResponder } from '../src/model-server/plan-responder.ts';
import { startModelServer } from '../src/model-server/server.ts';
import { repoRoot } from './conformance-fixtures.ts';

const workflow = 'workflows/student-review.swarm';
const io = processIo();
const checked = await main(['check', ...['student-review', 'code-review', 'campaign-launch', 'studio-week'].map((w) => `workflows/${w}.swarm`)], io);
if (checked !== 0) process.exit(checked);

const plan = compile(readFileSync(join(repoRoot, workflow), 'utf8'), workflow, nodeHost).plan!;
const server = await startModelServer({ respond: planResponder(plan) });
io.stderr.write(`swarm demo: the model is swarm's stand-in at ${server.url}\n`);
const env = { ...process.env, ANTHROPIC_BASE_URL: server.url, ANTHROPIC_API_KEY: 'sk-demo-runner', MARIE_API_KEY: 'sk-demo-marie' };
const code = await main(['run', workflow, ...process.argv.slice(2)], { ...io, env });
await server.close();
process.exitCode = code;
