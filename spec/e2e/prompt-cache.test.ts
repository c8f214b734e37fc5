import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/compiler/compile.ts';
import { nodeHost } from '../../src/compiler/node-host.ts';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { messagesRequestSchema, type MessagesRequest } from '../../src/model-server/request.ts';
import type { RecordedRequest } from '../../src/model-server/server.ts';
import { PromptCache, type Usage } from '../../src/model-server/usage.ts';
import { taskSchema } from '../../src/queue/protocol.ts';
import type { RunInfo } from '../../src/runner/run-files.ts';
import { taskClaudeSpec, taskPlace } from '../../src/worker/run-task.ts';
import { eventsOf, project, type Project } from './harness.ts';

const source = `workflow lessons {
  agent checker {
    description = "Checks a lesson plan against the syllabus"
    prompt      = "You check lesson plans. Report problems only."
    tools       = [Read]
  }
  worker marie {
    system    = "You are Marie, the studio's lead ballet teacher. Plan lessons that are safe and build on each other."
    workspace = "notes"
    readonly  = false
    tools     = [Read, Write, Task]
    agents    = [checker]
  }
  task monday {
    worker  = marie
    prompt  = "[task:monday] Plan Monday's Ballet 3 class."
    outputs = ["monday.md"]
  }
  task tuesday {
    worker  = marie
    after   = [monday]
    prompt  = "[task:tuesday] Plan Tuesday's class, following on from: \${monday.result}"
    outputs = ["tuesday.md"]
  }
}
`;

const lesson = (day: string) => [
  { tool: 'Agent', input: { subagent_type: 'checker', description: 'Check the plan', prompt: `[sub:${day}] Check ${day}'s plan against the syllabus` } },
  { tool: 'Write', input: { file_path: `${day}.md`, content: `# ${day}\n\nBarre, centre, across the floor.\n` } },
  { tool: 'StructuredOutput', input: { summary: `${day} planned`, findings: [`${day}: barre, centre, across the floor`], artifacts: [`${day}.md`] } },
];

const body = (r: RecordedRequest): MessagesRequest => messagesRequestSchema.parse(r.body);
const isOpening = (r: RecordedRequest) => !r.subagent && !body(r).messages.some((m) => m.role === 'assistant');
const ofTask = (p: Project, task: string) => p.server.messages().filter((r) => r.headers['x-swarm-task'] === task);
// Claude Code's attribution line differs per conversation; the API does not cache it (see prompt-blocks.ts).
const cachedSystem = (b: MessagesRequest) => (Array.isArray(b.system) ? b.system.filter((s) => !String(s['text']).startsWith('x-anthropic-billing-header:')) : b.system);

describe("a worker's prompt is the same for each of its tasks (unit)", () => {
  it('keeps the system prompt, protocol note and sub-agents byte-identical and puts what varies in the prompt', () => {
    const file = fileURLToPath(new URL('../../workflows/student-review.swarm', import.meta.url));
    const plan = compile(readFileSync(file, 'utf8'), file, nodeHost).plan as Plan;
    const info: RunInfo = { run_id: 'r1', workflow_file: file, base_dir: dirname(file), inputs: { student: 'Emma Rodriguez' }, created_at: new Date(0).toISOString() };
    const marie = plan.workers.find((w) => w.name === 'marie')!;
    const specOf = (id: string) => {
      const task = taskSchema.parse({ task_id: id, worker: 'marie', description: `Do ${id}.`, outputs: [`${id}.md`] });
      return taskClaudeSpec(plan, info, marie, task, taskPlace('/runs/r1', info, marie, task));
    };
    const [a, b] = [specOf('evaluate'), specOf('placement')];
    expect([b.systemPrompt, b.appendSystemPrompt, JSON.stringify(b.agents), JSON.stringify(b.jsonSchema)]).toEqual([a.systemPrompt, a.appendSystemPrompt, JSON.stringify(a.agents), JSON.stringify(a.jsonSchema)]);
    expect(a.appendSystemPrompt).not.toContain('evaluate');
    expect(b.prompt).toBe(`Do placement.\n\n<swarm-task id="placement">\nYour working directory is /runs/r1/results/marie/placement.\nRead the material in ${dirname(file)}/studio (read-only). Write every file you produce in /runs/r1/results/marie/placement.\nThe task must produce: placement.md (relative to the working directory).\n</swarm-task>`);
  });
});

describe('prompt caching across the two tasks of one worker, through the real CLI', () => {
  let p: Project;
  let done: ReturnType<typeof eventsOf<'task:done'>>;
  beforeAll(async () => {
    p = await project(source, { 'notes/syllabus.md': '# Ballet 3\n\nPirouettes en dehors from fifth.\n' }, {
      script: {
        tasks: { '[task:monday]': lesson('monday'), '[task:tuesday]': lesson('tuesday') },
        subagents: { '[sub:monday]': [{ text: 'Monday is fine.' }], '[sub:tuesday]': [{ text: 'Tuesday is fine.' }] },
      },
    });
    const outcome = await p.run({ runId: 'cache' });
    expect(outcome.status).toBe('done');
    done = eventsOf(outcome.events, 'task:done');
  }, 120_000);
  afterAll(() => p.close());

  it("sends the same tools and system prompt for both tasks, the task's own note in its prompt", () => {
    const [monday, tuesday] = [ofTask(p, 'monday').find(isOpening)!, ofTask(p, 'tuesday').find(isOpening)!];
    expect(JSON.stringify(body(tuesday).tools)).toBe(JSON.stringify(body(monday).tools));
    expect(JSON.stringify(cachedSystem(body(tuesday)))).toBe(JSON.stringify(cachedSystem(body(monday))));
    expect(JSON.stringify(body(tuesday).system)).not.toContain('tuesday');
    expect(JSON.stringify(body(tuesday).messages[0])).toContain('<swarm-task id=\\"tuesday\\">');
    // With a writable workspace the CLI's cwd is the same for both, so the sub-agent's system prompt is too.
    const subs = [ofTask(p, 'monday'), ofTask(p, 'tuesday')].map((rs) => body(rs.find((r) => r.subagent)!));
    expect(JSON.stringify(cachedSystem(subs[1]!))).toBe(JSON.stringify(cachedSystem(subs[0]!)));
  });

  it("reads at least the tools and system prompt from the cache on the second task's first request", () => {
    const opening = ofTask(p, 'tuesday').find(isOpening)!;
    const b = body(opening);
    const toolsAndSystem = new PromptCache().measure({ model: b.model, tools: b.tools, system: b.system, messages: [] });
    const size = toolsAndSystem.input_tokens + toolsAndSystem.cache_creation_input_tokens + toolsAndSystem.cache_read_input_tokens;
    expect(size).toBeGreaterThan(1024);
    expect(opening.usage!.cache_read_input_tokens).toBeGreaterThanOrEqual(size);
  });

  it("reports in each task's result exactly the usage the server reported for that task's requests, sub-agent included", () => {
    for (const task of ['monday', 'tuesday']) {
      const reported = ofTask(p, task).map((r) => r.usage!);
      expect(reported.length).toBeGreaterThanOrEqual(4);
      const sum = (field: keyof Omit<Usage, 'cache_creation' | 'service_tier'>) => reported.reduce((n, u) => n + u[field], 0);
      expect(done.find((e) => e.task === task)!.result.usage).toMatchObject({
        input_tokens: sum('input_tokens'),
        cache_creation_input_tokens: sum('cache_creation_input_tokens'),
        cache_read_input_tokens: sum('cache_read_input_tokens'),
        output_tokens: sum('output_tokens'),
      });
    }
  });
});
