import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/compiler/compile.ts';
import { nodeHost } from '../../src/compiler/node-host.ts';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { responderFor } from '../../src/model-server/authored/index.ts';
import { roster, studentNamed } from '../../src/model-server/authored/student-review/roster.ts';
import { studentFile } from '../../src/model-server/authored/student-review/student.ts';
import { messagesRequestSchema } from '../../src/model-server/request.ts';
import { startModelServer, type RecordedRequest } from '../../src/model-server/server.ts';
import type { RunEvent } from '../../src/runtime/events.ts';
import { resolveInputs } from '../../src/runtime/render-template.ts';
import { runWorkflow, type RunOutcome } from '../../src/runner/run-workflow.ts';
import { eventsOf, testEnv } from '../e2e/harness.ts';
import { repoRoot } from '../support/workspace.ts';
import { copyProject } from '../../scripts/project-copy.ts';

interface ShippedRun {
  plan: Plan;
  outcome: RunOutcome;
  events: RunEvent[];
  requests: RecordedRequest[];
  /** A task's declared output, read from where its worker wrote it. */
  output(task: string, file: string): string;
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/**
 * A shipped workflow, run from a copy with the real CLI, worker processes and file queue, the
 * model played by its authored responder: what the recorder turns into the shipped cassette.
 */
async function runShipped(name: string, given: Record<string, string> = {}): Promise<ShippedRun> {
  const dir = copyProject(`swarm-authored-${name}-`, { cassettes: true });
  scratch.push(dir);
  const workflowFile = join(dir, 'workflows', `${name}.swarm`);
  const plan = compile(readFileSync(workflowFile, 'utf8'), workflowFile, nodeHost).plan!;
  const inputs = resolveInputs(plan, given);
  if (!inputs.ok) throw new Error(inputs.problems.join('\n'));
  const server = await startModelServer({ respond: responderFor(plan) });
  const runsDir = join(dir, 'runs');
  const events: RunEvent[] = [];
  try {
    const outcome = await runWorkflow({
      plan,
      workflowFile,
      inputs: inputs.values,
      runsDir,
      runId: 'authored',
      env: testEnv(server.url, { MARIE_API_KEY: 'sk-test-marie', ANGA_API_KEY: 'sk-test-anga', FABIEN_API_KEY: 'sk-test-fabien' }),
      onEvent: (e) => events.push(e),
    });
    const output = (task: string, file: string) => {
      const node = plan.nodes.find((n) => n.id === task && n.kind === 'task');
      const worker = plan.workers.find((w) => node?.kind === 'task' && w.name === node.worker)!;
      const cwd = worker.workspace !== undefined && !worker.readonly ? resolve(dir, 'workflows', worker.workspace) : join(runsDir, 'authored', 'results', worker.name, task);
      return readFileSync(join(cwd, file), 'utf8');
    };
    return { plan, outcome, events, requests: server.messages(), output };
  } finally {
    await server.close();
  }
}

/** Every tool result the CLI sent back to the model that it marked as an error. */
function toolErrors(requests: RecordedRequest[]): string[] {
  const errors = new Set<string>();
  for (const r of requests) {
    const body = messagesRequestSchema.safeParse(r.body);
    if (!body.success) continue;
    for (const m of body.data.messages) {
      if (typeof m.content === 'string') continue;
      for (const block of m.content) if (block.type === 'tool_result' && block['is_error'] === true) errors.add(JSON.stringify(block['content']).slice(0, 300));
    }
  }
  return [...errors];
}

/** The text of every tool result the CLI sent back: what the authored tool calls really printed. */
function toolOutputs(requests: RecordedRequest[]): string {
  const texts = new Set<string>();
  for (const r of requests) {
    const body = messagesRequestSchema.safeParse(r.body);
    if (!body.success) continue;
    for (const m of body.data.messages) {
      if (typeof m.content === 'string') continue;
      for (const block of m.content) if (block.type === 'tool_result') texts.add(JSON.stringify(block['content']));
    }
  }
  return [...texts].join('\n');
}

function expectEveryTaskDone(run: ShippedRun): void {
  expect(run.outcome.status).toBe('done');
  expect(eventsOf(run.events, 'task:failed')).toEqual([]);
  const done = eventsOf(run.events, 'task:done');
  expect(done.map((e) => e.task).sort()).toEqual(run.plan.nodes.map((n) => n.id).sort());
  for (const e of done) expect(e.result.findings.length, `${e.task} has findings`).toBeGreaterThan(0);
  expect(toolErrors(run.requests)).toEqual([]);
}

const studentOutputs = [
  ['evaluate', 'evaluation.md'],
  ['placement', 'placement.md'],
  ['practice-plan', 'practice-plan.md'],
  ['parent-letter', 'parent-letter.md'],
] as const;

const studio = join(repoRoot, 'workflows', 'studio');

describe('student-review, authored', () => {
  describe('for the default student', () => {
    let run: ShippedRun;
    beforeAll(async () => {
      run = await runShipped('student-review');
    }, 120_000);

    it('runs every task to completion, each with findings, and no tool call fails', () => {
      expectEveryTaskDone(run);
    });

    it("writes Marie's documents about Emma, from her file and routine", () => {
      for (const [task, file] of studentOutputs) expect(run.output(task, file), file).toContain('Emma');
      const evaluation = run.output('evaluate', 'evaluation.md');
      expect(evaluation).toContain('82.6%');
      expect(evaluation).toContain('Snowflake 3');
      expect(run.output('placement', 'placement.md')).toContain('Pre-Pointe Conditioning');
      expect(run.output('parent-letter', 'parent-letter.md')).toContain('Dear Lucia');
    });

    it('names Emma in the newsletter, as her media consent allows', () => {
      expect(run.output('newsletter', 'newsletter-paragraph.md')).toContain('Emma');
    });

    it('asks the choreography-analyzer about her part, and reads its report', () => {
      expect(run.requests.filter((r) => r.subagent).length).toBeGreaterThan(0);
      // The report comes back to Marie as the Agent tool's result.
      expect(run.requests.some((r) => !r.subagent && JSON.stringify(r.body).includes('Top 3 corrections before the show'))).toBe(true);
    });
  });

  // Each student with a file, by the run's input; the newsletter names only those whose media consent covers it.
  describe.each([
    { student: 'Liam Chen', named: false, detail: 'Hip-Hop Kids' },
    { student: 'Ava Thompson', named: false, detail: 'since Wednesday 11 November' },
    { student: 'Sofia Okafor', named: true, detail: 'Ballet 6' },
    { student: 'Mateo Rodriguez', named: true, detail: 'Toy Soldiers' },
  ])('for $student, named by the input', ({ student, named, detail }) => {
    const first = student.split(' ')[0]!;
    let run: ShippedRun;
    beforeAll(async () => {
      run = await runShipped('student-review', { student });
    }, 120_000);

    it('runs every task to completion, each with findings, and no tool call fails', () => {
      expectEveryTaskDone(run);
    });

    it(`writes about ${first}, not the default student`, () => {
      for (const [task, file] of studentOutputs) {
        expect(run.output(task, file), file).toContain(first);
        if (first !== 'Mateo') expect(run.output(task, file), file).not.toContain('Emma');
      }
      expect(run.output('evaluate', 'evaluation.md')).toContain(detail);
    });

    it(named ? `names ${first} in the newsletter, as the media consent allows` : `keeps ${first}'s name out of the newsletter, as the media consent does not cover it`, () => {
      const paragraph = run.output('newsletter', 'newsletter-paragraph.md');
      if (named) expect(paragraph).toContain(first);
      else expect(paragraph).not.toContain(first);
    });
  });

  describe('for a name with no student file', () => {
    let run: ShippedRun;
    beforeAll(async () => {
      run = await runShipped('student-review', { student: 'Nadia Kowalski' });
    }, 120_000);

    it('still completes, saying what is missing instead of inventing a term', () => {
      expectEveryTaskDone(run);
      const evaluation = run.output('evaluate', 'evaluation.md');
      expect(evaluation).toContain('no file for Nadia Kowalski');
      for (const [task, file] of studentOutputs) expect(run.output(task, file), file).toContain('Nadia');
      expect(run.output('newsletter', 'newsletter-paragraph.md')).not.toContain('Nadia');
    });
  });

  it('has an author for every student file in workflows/studio/students, and no other', () => {
    expect(roster.map(studentFile).sort()).toEqual(readdirSync(join(studio, 'students')).sort());
  });

  it.each(roster)("%s: the evaluation's attendance table matches attendance/fall-2026.csv", (name) => {
    const rows = readFileSync(join(studio, 'attendance', 'fall-2026.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
    const table = studentNamed(name).evaluation.document.replace(/ +/g, ' ');
    const classes = [...new Set(rows.filter((r) => r[3] === name).map((r) => r[2]!))];
    expect(classes.length).toBeGreaterThan(0);
    for (const cls of classes) {
      const statuses = rows.filter((r) => r[3] === name && r[2] === cls).map((r) => r[4]);
      const count = (status: string) => statuses.filter((s) => s === status).length;
      const rate = ((count('present') + count('late')) / statuses.length) * 100;
      const shown = rate === 100 ? '100' : rate.toFixed(1);
      expect(table).toContain(`| ${cls} | ${statuses.length} | ${count('present')} | ${count('late')} | ${count('excused')} | ${count('absent')} | ${shown}% |`);
    }
  });
});

describe('code-review, authored', () => {
  let run: ShippedRun;
  beforeAll(async () => {
    run = await runShipped('code-review');
  }, 180_000);

  it('runs every task to completion, each with findings, and no tool call fails', () => {
    expectEveryTaskDone(run);
  });

  it('writes the reports and the two test files the tasks promise', () => {
    for (const [task, file] of [['review', 'reports/review.md'], ['tests', 'reports/tests.md'], ['security', 'reports/security.md']] as const) {
      expect(run.output(task, file), file).toContain('Summary for the studio owner');
    }
    expect(run.output('tests', 'test/booking.test.ts')).toContain("from '../src/booking.ts'");
    expect(run.output('tests', 'test/billing.test.ts')).toContain("from '../src/tuition.ts'");
    expect(run.output('summary', 'reports/summary.md')).toContain('Wednesday 2 December');
  });

  // The reports quote what the commands print; these are the commands, run for real in the run.
  it('states what its commands really printed', () => {
    const printed = toolOutputs(run.requests);
    expect(printed).toContain('rejected age 11 is outside 8-10');
    expect(printed).toContain('f-thompson   Ava 167.4, Noah 52 total 219.4');
    expect(printed).toMatch(/ℹ tests 21\\nℹ pass 7\\nℹ fail 14/);
    expect(printed).toContain("actual: { status: 'waitlisted', position: 2 }");
    expect(printed).toContain('--- encoded ../ out of invoices/\\n{\\n  \\"classes\\"');
    expect(printed).toContain('Thompson, Daniel,555-0164');
  });

  it('hands work to the test-writer and the security-reviewer', () => {
    const systems = run.requests.filter((r) => r.subagent).map((r) => JSON.stringify((r.body as { system?: unknown }).system));
    expect(systems.some((s) => s.includes('test-writing specialist'))).toBe(true);
    expect(systems.some((s) => s.includes('security reviewer working under Anga'))).toBe(true);
  });
});

describe('campaign-launch, authored', () => {
  let run: ShippedRun;
  beforeAll(async () => {
    run = await runShipped('campaign-launch');
  }, 180_000);

  it('runs every task to completion, each with findings, and no tool call fails', () => {
    expectEveryTaskDone(run);
  });

  it('writes the analysis, the plan, the e-mails, the posts and the tracker', () => {
    expect(run.output('analyse', 'analysis.md')).toContain('What we will do differently');
    expect(run.output('plan', 'campaign-plan.md')).toContain('**600.00**');
    expect(run.output('social-posts', 'social-posts.md')).toContain('Alt text');
    expect(run.output('tracking', 'tracker.md')).toContain('Monday 14 December');
  });

  it('keeps each e-mail under 200 words and its subject lines under 50 characters', () => {
    for (const file of ['emails/2026-12-02-families.md', 'emails/2026-12-09-public.md']) {
      const email = run.output('first-emails', file);
      const body = email.split('\n---\n')[1] ?? '';
      expect(body.split(/\s+/).filter((w) => /\w/.test(w)).length, file).toBeLessThan(200);
      const subjects = [...email.matchAll(/^\*\*Subject [AB]:\*\* (.+)$/gm)].map((m) => m[1]!);
      expect(subjects, file).toHaveLength(2);
      for (const subject of subjects) expect(subject.length, subject).toBeLessThan(50);
    }
  });

  // The analysis quotes the analyst's script and Fabien's own check; these are their real outputs.
  it('states what its commands really printed', () => {
    const printed = toolOutputs(run.requests);
    expect(printed).toContain('families Tue 19:00                           n=15 open 53.8% click 11.9%');
    expect(printed).toContain('generic (<Month> newsletter)                 n=6 open 47.1% click 5.2%');
    expect(printed).toContain('54.1% 14.7% 31.2% 2.1% | 5.8 per 100 | 0.78 per click');
  });

  it('has the copy-editor check each of the three pieces, and the analyst compute the numbers', () => {
    const sub = run.requests.filter((r) => r.subagent).map((r) => JSON.stringify(r.body));
    for (const key of ['Draft: e-mail to current families', 'Draft: public registration e-mail', 'Draft: four social posts']) expect(sub.some((b) => b.includes(key)), key).toBe(true);
    expect(sub.some((b) => b.includes('You are a data analyst working under Fabien'))).toBe(true);
  });
});
