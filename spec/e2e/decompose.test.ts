import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLedger } from '../../src/report/ledger-file.ts';
import { reportData } from '../../src/report/report-data.ts';
import { journalPath, readJournal } from '../../src/runtime/journal.ts';
import { plain } from '../../src/render/color.ts';
import { describeEvent } from '../../src/render/run-log.ts';
import { run } from '../support/io.ts';
import { eventsOf, project, type Project } from './harness.ts';
import { firstTurnsFor } from './processes.ts';

const source = (approve: boolean) => `workflow planned {
  worker marie {
    description = "Marie, the studio's lead teacher"
    tools = [Read]
  }
  worker fabien {
    description = "Fabien, the marketer"
    tools = [Read]
  }
  task check {
    worker = marie
    prompt = "[task:check] Check the studio"
  }
  decompose follow-up {
    after     = [check]
    workers   = [marie, fabien]
    max-tasks = 3${approve ? '\n    approve   = true' : ''}
    prompt    = "[task:plan] Plan the follow-up to: \${check.result}"
  }
  synthesize brief {
    after   = [follow-up]
    prompt  = "[task:brief] Write the brief"
    outputs = ["brief.md"]
  }
}
`;

const summary = (text: string) => ({ tool: 'StructuredOutput', input: { summary: text, findings: [], artifacts: [] } });
const plan = {
  tool: 'submit_plan',
  input: {
    tasks: [
      { id: 'call-families', worker: 'marie', prompt: '[task:call] Call the two families' },
      { id: 'newsletter', worker: 'fabien', prompt: '[task:news] Draft the newsletter after the calls', after: ['call-families'] },
    ],
  },
};
const script = {
  tasks: {
    '[task:check]': [summary('Two families to call')],
    '[task:plan]': [plan],
    '[task:call]': [summary('Both families called')],
    '[task:news]': [summary('Newsletter drafted')],
    '[task:brief]': [{ text: '# Brief\n\nThe week is on track.\n\n1. Marie calls the families on Monday.\n2. Fabien sends the newsletter on Tuesday.\n' }],
  },
};

describe('a decompose node that plans tasks and a synthesize node that sums them up', () => {
  let p: Project;
  let outcome: Awaited<ReturnType<Project['run']>>;
  beforeAll(async () => {
    p = await project(source(false), {}, { script });
    outcome = await p.run({ runId: 'planned' });
  }, 120_000);
  afterAll(() => p.close());

  it('splices the accepted plan under the decompose node and runs it with the real CLI', () => {
    expect(outcome.status, JSON.stringify(outcome.report.summary)).toBe('done');
    const planned = eventsOf(outcome.events, 'task:done').find((e) => e.task === 'follow-up')!;
    expect(planned.worker).toBe('@planner');
    expect(planned.planned?.map((t) => [t.id, t.worker, t.after])).toEqual([
      ['follow-up/call-families', 'marie', ['follow-up']],
      ['follow-up/newsletter', 'fabien', ['follow-up', 'follow-up/call-families']],
    ]);
    const done = eventsOf(outcome.events, 'task:done').map((e) => e.task);
    expect(done).toEqual(['check', 'follow-up', 'follow-up/call-families', 'follow-up/newsletter', 'brief']);
    expect(outcome.report.tasks.map((t) => t.id)).toContain('follow-up/newsletter');
    expect(describeEvent(planned, plain)).toMatch(/^follow-up done on @planner in .*; planned 2 tasks: follow-up\/call-families \[marie\], follow-up\/newsletter \[fabien\]$/);
  });

  it('asks the planner once, with its instructions marked for the cache and the upstream result in the prompt', () => {
    const asks = p.server.messages().filter((m) => JSON.stringify(m.body).includes('[task:plan]'));
    expect(asks).toHaveLength(1);
    const body = asks[0]!.body as { system: { cache_control?: unknown }[]; messages: { content: unknown }[]; tool_choice: unknown };
    expect(body.system.every((b) => b.cache_control !== undefined)).toBe(true);
    expect(JSON.stringify(body.messages)).toContain('Two families to call');
    expect(body.tool_choice).toMatchObject({ type: 'tool', name: 'submit_plan' });
  });

  it('shows the spliced tasks in the report, with their edges, and the runner’s calls as rows of their own', async () => {
    const runDir = join(p.runsDir, 'planned');
    const data = reportData(p.plan, readJournal(journalPath(runDir)).events, readLedger(runDir)?.entries);
    expect(data.tasks.find((t) => t.id === 'follow-up/newsletter')).toMatchObject({ worker: 'fabien', status: 'done', after: ['follow-up', 'follow-up/call-families'] });
    expect(data.tasks.find((t) => t.id === 'brief')?.after).toEqual(['follow-up', 'follow-up/call-families', 'follow-up/newsletter']);
    expect(data.workers.map((w) => w.worker)).toEqual(['marie', 'fabien', '@planner', '@synthesizer']);
    expect(data.workers.reduce((sum, w) => sum + w.cost_usd, 0)).toBeCloseTo(data.totals.cost_usd, 10);
    // The planner's and the synthesizer's calls went through the gateway too: the ledger agrees with the journal.
    expect(data.tasks.every((t) => t.ledger_matches !== false)).toBe(true);
    expect(data.tasks.find((t) => t.id === 'follow-up')!.input_tokens + data.tasks.find((t) => t.id === 'follow-up')!.cache_creation_input_tokens).toBeGreaterThan(0);
  });

  it('is drawn by swarm graph --run with its planned tasks, and its JSON is the spliced plan', async () => {
    const mermaid = await run(['graph', p.workflowFile, '--run', 'planned', '--runs-dir', p.runsDir]);
    expect(mermaid.code, mermaid.stderr).toBe(0);
    for (const id of ['follow-up/call-families', 'follow-up/newsletter', 'brief']) expect(mermaid.stdout).toContain(`"${id}`);
    const json = await run(['graph', p.workflowFile, '--run', 'planned', '--runs-dir', p.runsDir, '-f', 'json']);
    const spliced = JSON.parse(json.stdout) as { nodes: { id: string; after: string[] }[] };
    expect(spliced.nodes.find((n) => n.id === 'brief')?.after).toEqual(['follow-up', 'follow-up/call-families', 'follow-up/newsletter']);
    expect((await run(['graph', p.workflowFile, '--run', 'nope', '--runs-dir', p.runsDir])).code).toBe(2);
  });

  it('writes the synthesis to its output, after every planned task', () => {
    const brief = eventsOf(outcome.events, 'task:done').find((e) => e.task === 'brief')!;
    expect(brief.worker).toBe('@synthesizer');
    const file = brief.result.artifacts.find((a) => a.endsWith('brief.md'))!;
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('Fabien sends the newsletter on Tuesday.');
    const asked = p.server.messages().find((m) => JSON.stringify(m.body).includes('[task:brief]'))!;
    // The brief reads every upstream node's result, the check-in two steps back included.
    for (const text of ['Two families to call', 'Both families called', 'Newsletter drafted']) expect(JSON.stringify(asked.body)).toContain(text);
  });
});

describe('a decompose node whose plan needs approval', () => {
  const projects: Project[] = [];
  // One scripted server per run: its answers are used up as they are given.
  const fresh = async () => {
    const p = await project(source(true), {}, { script });
    projects.push(p);
    return p;
  };
  afterAll(async () => {
    for (const p of projects) await p.close();
  });

  it('runs nothing of a rejected plan: the node fails saying so and the synthesis is skipped', async () => {
    const p = await fresh();
    const seen: string[] = [];
    const outcome = await p.run({ runId: 'rejected', approve: async ({ tasks }) => (seen.push(...tasks.map((t) => t.id)), false) });
    expect(seen).toEqual(['follow-up/call-families', 'follow-up/newsletter']);
    expect(outcome.status).toBe('failed');
    expect(eventsOf(outcome.events, 'task:failed')).toMatchObject([{ task: 'follow-up', error: { kind: 'plan-rejected' } }]);
    expect(eventsOf(outcome.events, 'task:skipped').map((e) => e.task)).toEqual(['brief']);
    expect(firstTurnsFor(p.server, '[task:call]')).toHaveLength(0);
  });

  it('runs an accepted plan, and without an approver rejects it', async () => {
    const accepted = await (await fresh()).run({ runId: 'accepted', approve: async () => true });
    expect(accepted.status, JSON.stringify(accepted.report.tasks.map((t) => [t.id, t.status, t.error]))).toBe('done');
    const unasked = await (await fresh()).run({ runId: 'unasked' });
    expect(eventsOf(unasked.events, 'task:failed')).toMatchObject([{ task: 'follow-up', error: { kind: 'plan-rejected' } }]);
  });
});

describe('a run stopped after its plan was accepted', () => {
  let p: Project;
  let asked!: () => void;
  const hanging = new Promise<void>((resolve) => (asked = resolve));
  beforeAll(async () => {
    p = await project(source(false), {}, {
      script: { tasks: { ...script.tasks, '[task:call]': [{ hang: true }, summary('Both families called')] } },
      respond: (request) => {
        if (request.firstUserText.includes('[task:call]')) asked();
        return undefined;
      },
    });
  });
  afterAll(() => p.close());

  it('resumes the planned tasks from the journal without asking the planner again', async () => {
    const stop = new AbortController();
    const running = p.run({ runId: 'stopped', signal: stop.signal });
    // The planned task's call is hanging on the model: stop the run there, as Ctrl-C would.
    await hanging;
    stop.abort();
    const first = await running;
    expect(first.status).toBe('interrupted');
    expect(eventsOf(first.events, 'task:done').map((e) => e.task)).toEqual(['check', 'follow-up']);
    const resumed = await p.run({ resume: 'stopped' });
    expect(resumed.status).toBe('done');
    expect(eventsOf(resumed.events, 'task:done').map((e) => e.task)).toEqual(['follow-up/call-families', 'follow-up/newsletter', 'brief']);
    expect(p.server.messages().filter((m) => JSON.stringify(m.body).includes('[task:plan]'))).toHaveLength(1);
  });
});
