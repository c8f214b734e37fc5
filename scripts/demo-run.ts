/**
 * `npm run demo`: the main job, offline. Checks the shipped workflows, then runs
 * workflows/student-review.swarm for real (worker processes, the file queue, the Claude Code
 * CLI, its tools writing the artifacts) with the model's answers replayed from the cassette
 * shipped beside it, since no API key can be used here. Any key in the environment is left
 * out, so this is exactly `swarm run workflows/student-review.swarm` on a machine without one.
 * With a key, run the same workflow against the real API (add --record to save its answers):
 *   ANTHROPIC_API_KEY=… MARIE_API_KEY=… npm run swarm -- run workflows/student-review.swarm
 */
import { main } from '../src/cli/main.ts';
import { processIo } from '../src/cli/io.ts';

const workflow = 'workflows/student-review.swarm';
const io = processIo();
const checked = await main(['check', ...['student-review', 'code-review', 'campaign-launch', 'studio-week'].map((w) => `workflows/${w}.swarm`)], io);
if (checked !== 0) process.exit(checked);

const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/(^|_)API_KEY$/.test(name)));
process.exitCode = await main(['run', workflow, ...process.argv.slice(2)], { ...io, env });
