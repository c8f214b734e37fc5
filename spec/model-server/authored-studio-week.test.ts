import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../../scripts/project-copy.ts';
import { compile } from '../../src/compiler/compile.ts';
import { nodeHost } from '../../src/compiler/node-host.ts';
import type { Plan } from '../../src/compiler/plan-schema.ts';
import { responderFor } from '../../src/model-server/authored/index.ts';
import { enrolmentPatch } from '../../src/model-server/authored/studio-week/enrolment-patch.ts';
import { weekPlan } from '../../src/model-server/authored/studio-week/week-plan.ts';
import { messagesRequestSchema } from '../../src/model-server/request.ts';
import { startModelServer, type RecordedRequest } from '../../src/model-server/server.ts';
import { checkPlan } from '../../src/planner/check-plan.ts';
import type { DecomposeNode } from '../../src/planner/decompose-node.ts';
import type { RunEvent } from '../../src/runtime/events.ts';
import { resolveInputs } from '../../src/runtime/render-template.ts';
import { runWorkflow, type RunOutcome } from '../../src/runner/run-workflow.ts';
import { eventsOf, testEnv } from '../e2e/harness.ts';
import { repoRoot } from '../support/workspace.ts';

const workflowFile = join(repoRoot, 'workflows', 'studio-week.swarm');

function shippedPlan(file = workflowFile): Plan {
  return compile(readFileSync(file, 'utf8'), file, nodeHost).plan!;
}

/** Every block of a given type in the requests' messages, as the CLI and the runner sent them. */
function blocks(requests: RecordedRequest[], type: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  for (const r of requests) {
    const body = messagesRequestSchema.safeParse(r.body);
    if (!body.success) continue;
    for (const m of body.data.messages) if (typeof m.content !== 'string') found.push(...m.content.filter((b) => b.type === type));
  }
  return found;
}

const words = (text: string) => text.split(/\s+/).filter((w) => /\w/.test(w)).length;

describe('studio-week, the planner and the synthesizer answered by header', () => {
  const plan = shippedPlan();
  const respond = responderFor(plan);
  const request = (task: string) => ({ body: { model: 'claude-opus-5', max_tokens: 16_000, messages: [{ role: 'user' as const, content: 'Plan the week' }] }, headers: { 'x-swarm-task': task }, subagent: false, firstUserText: 'Plan the week' });

  it('answers plan-week with one submit_plan call that the checker accepts as written', () => {
    const turn = respond(request('plan-week'));
    expect(turn).toEqual({ tool: 'submit_plan', input: weekPlan });
    const node = plan.nodes.find((n): n is DecomposeNode => n.kind === 'decompose')!;
    const inputs = resolveInputs(plan, {});
    const checked = checkPlan(plan, node, weekPlan, { inputs: inputs.ok ? inputs.values : {} });
    expect(checked.ok ? checked.tasks.map((t) => [t.id, t.worker, t.after]) : checked.problems).toEqual([
      ['plan-week/fix-enrolment', 'anga', ['plan-week']],
      ['plan-week/thompson-call', 'marie', ['plan-week']],
      ['plan-week/placement-letters', 'marie', ['plan-week']],
      ['plan-week/december-newsletter', 'fabien', ['plan-week', 'plan-week/fix-enrolment']],
      ['plan-week/programme-ad', 'fabien', ['plan-week']],
    ]);
  });

  it('answers weekly-brief with the brief as text', () => {
    const turn = respond(request('weekly-brief'));
    expect(turn && 'text' in turn ? turn.text : '').toMatch(/^# The week of Monday 30 November/);
  });

  it("ships a patch that applies to workflows/code as it stands", () => {
    const dir = mkdtempSync(join(tmpdir(), 'swarm-studio-week-patch-'));
    try {
      cpSync(join(repoRoot, 'workflows', 'code'), dir, { recursive: true });
      writeFileSync(join(dir, 'fix.patch'), enrolmentPatch);
      expect(execFileSync('patch', ['-p1', '--dry-run', '-i', 'fix.patch'], { cwd: dir, encoding: 'utf8' })).toBe(
        'checking file src/age.ts\nchecking file src/booking.ts\nchecking file src/server.ts\nchecking file src/tuition.ts\n',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('studio-week, authored, through the real CLI', () => {
  let dir: string;
  let outcome: RunOutcome;
  const events: RunEvent[] = [];
  let requests: RecordedRequest[];
  const runsDir = () => join(dir, 'runs');
  const output = (worker: string, task: string, file: string) => readFileSync(join(runsDir(), 'authored', 'results', worker, task, file), 'utf8');

  beforeAll(async () => {
    dir = copyProject('swarm-authored-studio-week-', { cassettes: false });
    const file = join(dir, 'workflows', 'studio-week.swarm');
    const plan = shippedPlan(file);
    const inputs = resolveInputs(plan, {});
    if (!inputs.ok) throw new Error(inputs.problems.join('\n'));
    const server = await startModelServer({ respond: responderFor(plan) });
    try {
      outcome = await runWorkflow({
        plan,
        workflowFile: file,
        inputs: inputs.values,
        runsDir: runsDir(),
        runId: 'authored',
        env: testEnv(server.url, { MARIE_API_KEY: 'marie-test-key', ANGA_API_KEY: 'anga-test-key', FABIEN_API_KEY: 'fabien-test-key' }),
        onEvent: (e) => events.push(e),
      });
      requests = server.messages();
    } finally {
      await server.close();
    }
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the check-ins, the plan, its five tasks and the brief to the end, each with findings, and no tool call fails', () => {
    expect(outcome.status).toBe('done');
    const done = eventsOf(events, 'task:done');
    expect(done.map((e) => e.task).sort()).toEqual(
      ['studio-check', 'registration-check', 'newsletter-data', 'plan-week', ...weekPlan.tasks.map((t) => `plan-week/${t.id}`), 'weekly-brief'].sort(),
    );
    for (const e of done) expect(e.result.findings.length, `${e.task} has findings`).toBeGreaterThan(0);
    expect(blocks(requests, 'tool_result').filter((b) => b['is_error'] === true).map((b) => JSON.stringify(b['content']).slice(0, 300))).toEqual([]);
  });

  // The reports quote what the commands print; these are the commands, run for real in the run.
  it('states what its commands really printed, on the workspace and on the patched copy', () => {
    const printed = blocks(requests, 'tool_result').map((b) => JSON.stringify(b['content'])).join('\n');
    expect(printed).toContain('rejected age 11 is outside 8-10');
    expect(printed).toContain('f-thompson   Ava 167.4, Noah 52 total 219.4');
    expect(printed).toContain('f-thompson   Ava 186, Noah 46.800000000000004 total 232.8');
    expect(printed).toContain('ballet-1 at 14 of 14, one more: waitlisted - roster now 14');
    expect(printed).toContain('      6 \\"birthDate\\"\\n      4 \\"phone\\"\\n      1 200');
    expect(printed).toContain('--- encoded ../ out of invoices/\\n      1 404');
    expect(printed).toContain('ℹ tests 2\\nℹ pass 2\\nℹ fail 0');
    expect(printed).toContain('Tue 19:00                          n=15 open 53.8% click 11.9%');
    expect(printed).toContain('generic (<Month> newsletter)       n=6 open 47.1% click 5.2%');
  });

  it('hands the sub-agents their work: attendance, both routines, two audits, three copy edits', () => {
    const sub = requests.filter((r) => r.subagent).map((r) => JSON.stringify(r.body));
    for (const who of ['You audit attendance for Marie', 'choreography analysis specialist', 'security reviewer working under Anga', 'copy editor working under Fabien']) {
      expect(sub.some((b) => b.includes(who)), who).toBe(true);
    }
    for (const key of ['Quick audit of studio-desk', 'Re-check the server changes', 'Draft: December newsletter subject lines', 'Draft: December newsletter to families', 'Draft: half-page ad']) {
      expect(sub.some((b) => b.includes(key)), key).toBe(true);
    }
  });

  it("gives the newsletter task the fix's findings, and writes every promised file", () => {
    const prompts = blocks(requests, 'text').map((b) => String(b['text']));
    expect(prompts.some((t) => t.includes('Anga\'s fix reported:') && t.includes('Go for Wed 2 Dec once enrolment-fix.patch is installed'))).toBe(true);
    expect(output('marie', 'studio-check', 'studio-check.md')).toContain('| Ava Thompson | Ballet 2 (Mon, Wed) | 5 | 2 | 0 | 3 | 16, 18, 23 Nov |');
    expect(output('anga', 'registration-check', 'registration-check.md')).toContain('**No-go as the code stands.');
    expect(output('fabien', 'newsletter-data', 'newsletter-insights.md')).toContain('**Tuesday 1 December at 19:00**');
    expect(output('anga', 'plan-week.fix-enrolment', 'enrolment-fix.patch')).toBe(enrolmentPatch);
    expect(output('anga', 'plan-week.fix-enrolment', 'enrolment-fix.md')).toContain('STUDIO_ADMIN_TOKEN');
    expect(output('marie', 'plan-week.thompson-call', 'thompson-call.md')).toContain('Dear Daniel,');
    expect(output('fabien', 'plan-week.programme-ad', 'programme-ad.md')).toContain('Dance with us this winter');
  });

  it('keeps the pieces within their limits', () => {
    const newsletter = output('fabien', 'plan-week.december-newsletter', 'december-newsletter.md');
    expect(words(newsletter.split('\n---\n')[1]!)).toBeLessThan(300);
    for (const subject of [...newsletter.matchAll(/^\*\*Subject [AB]:\*\* (.+)$/gm)].map((m) => m[1]!)) expect(subject.length, subject).toBeLessThan(50);
    for (const letter of ['letters/sofia-okafor.md', 'letters/emma-rodriguez.md']) expect(words(output('marie', 'plan-week.placement-letters', letter)), letter).toBeLessThan(300);
    const ad = output('fabien', 'plan-week.programme-ad', 'programme-ad.md').split('\n---\n')[1]!.trim().split('\n');
    expect(words(ad.slice(1).join('\n'))).toBeLessThanOrEqual(80);
  });

  it("writes the owner's brief with numbered actions, and no child's medical or family details", () => {
    const brief = readFileSync(join(runsDir(), 'authored', 'results', '_runner', 'weekly-brief', 'weekly-brief.md'), 'utf8');
    const synthesis = eventsOf(events, 'task:done').find((e) => e.task === 'weekly-brief')!;
    expect(synthesis.result.findings).toHaveLength(8);
    expect(synthesis.result.findings[0]).toMatch(/^Install the enrolment fix — Anga with the office, by Tuesday 1 December 17:00/);
    for (const section of ['## What to do, in order', '## Conflicts, and what I recommend', '## Still missing']) expect(brief).toContain(section);
    for (const detail of ['ankle', 'shin', 'physio', 'soccer', '555-', 'relevé']) expect(brief, detail).not.toContain(detail);
  });
});
