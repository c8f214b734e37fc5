import fc from 'fast-check';
import { planSchema } from '../../src/compiler/plan-schema.ts';
import { planIdOf, queueIdOf, queueIdPattern } from '../../src/queue/protocol.ts';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { parseJsonText } from '../../src/queue/atomic.ts';
import {
  leaseSchema,
  resultSchema,
  taskSchema,
  taskToFile,
  type Priority,
  type Task,
  type TaskResult,
} from '../../src/queue/protocol.ts';

// The seed plan's examples (architecture-plan.md, Phase 2), character for character.
const seedTask = `{
  "task_id": "sec-001",
  "worker": "marie",
  "description": "Review student Emma Rodriguez progress and create detailed evaluation",
  "dependencies": [],
  "timeout": 300,
  "priority": "high"
}`;
const seedResult = `{
  "task_id": "sec-001",
  "status": "complete",
  "worker": "marie",
  "findings": ["Student shows excellent progress in turnout"],
  "artifacts": ["/results/marie/emma-evaluation.md"],
  "execution_time": 45.2
}`;

describe('task files', () => {
  it('accept the seed format as written by hand', () => {
    const read = parseJsonText(seedTask, taskSchema);
    expect(read).toEqual({
      kind: 'ok',
      value: {
        task_id: 'sec-001',
        worker: 'marie',
        description: 'Review student Emma Rodriguez progress and create detailed evaluation',
        dependencies: [],
        timeout: 300,
        priority: 'high',
        attempt: 1,
      },
    });
  });

  it("accept the seed orchestrator's shorter format, filling in defaults", () => {
    const task = taskSchema.parse({ task_id: 't', worker: 'fabien', description: 'd', dependencies: ['a'], priority: 'medium' });
    expect(task).toMatchObject({ dependencies: ['a'], timeout: 600, priority: 'normal', attempt: 1 });
    expect(taskSchema.parse({ task_id: 't', worker: 'w', description: 'd' })).toMatchObject({ dependencies: [], priority: 'normal' });
  });

  it.each([
    ['low', 'low'],
    ['medium', 'normal'],
    ['normal', 'normal'],
    ['high', 'high'],
    ['critical', 'critical'],
  ] as const)('read priority %s as %s', (written, read) => {
    expect(taskSchema.parse({ task_id: 't', worker: 'w', description: 'd', priority: written }).priority).toBe(read);
  });

  it("are written with the seed's word for each priority the seed has", () => {
    const task = taskSchema.parse({ task_id: 't', worker: 'w', description: 'd' });
    expect(taskToFile(task).priority).toBe('medium');
    expect(taskToFile({ ...task, priority: 'critical' }).priority).toBe('critical');
    expect(taskSchema.parse(taskToFile(task))).toEqual(task);
  });

  it('keep the extensions and fields they do not know', () => {
    const task = taskSchema.parse({
      task_id: 'evaluate',
      worker: 'marie',
      description: 'd',
      run_id: 'r1',
      attempt: 2,
      model: 'sonnet',
      tools: ['Read'],
      max_turns: 5,
      budget_usd: 0.5,
      outputs: ['evaluation.md'],
      chain: 3,
      created_at: '2026-11-25T09:00:00.000Z',
      from_the_future: { x: 1 },
    });
    expect(task).toMatchObject({ run_id: 'r1', attempt: 2, chain: 3, outputs: ['evaluation.md'], from_the_future: { x: 1 } });
  });

  it.each([
    ['a missing description', { task_id: 't', worker: 'w' }, 'description'],
    ['a path in the id', { task_id: '../etc/passwd', worker: 'w', description: 'd' }, 'task_id'],
    ['an unknown priority', { task_id: 't', worker: 'w', description: 'd', priority: 'urgent' }, 'priority'],
    ['a zero attempt', { task_id: 't', worker: 'w', description: 'd', attempt: 0 }, 'attempt'],
    ['a timeout in words', { task_id: 't', worker: 'w', description: 'd', timeout: '5m' }, 'timeout'],
  ])('reject %s, naming the field', (_, json, field) => {
    const read = parseJsonText(JSON.stringify(json), taskSchema);
    expect(read.kind).toBe('malformed');
    expect(read.kind === 'malformed' && read.message).toMatch(new RegExp(`^${field}: `));
  });

  it('reject text that is not JSON, quoting the parser', () => {
    const read = parseJsonText('{"task_id": ', taskSchema);
    expect(read.kind === 'malformed' && read.message).toMatch(/^not valid JSON: /);
  });
});

describe('result files', () => {
  it('accept the seed format as written by hand', () => {
    const read = parseJsonText(seedResult, resultSchema);
    expect(read.kind === 'ok' && read.value).toMatchObject({ task_id: 'sec-001', status: 'complete', execution_time: 45.2, attempt: 1 });
  });

  it('carry usage, cost and a typed error', () => {
    const result = resultSchema.parse({
      task_id: 't',
      status: 'failed',
      worker: 'w',
      findings: [],
      artifacts: [],
      execution_time: 1,
      run_id: 'r',
      attempt: 2,
      result: 'partial',
      usage: { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: 0, cache_read_input_tokens: 100 },
      cost_usd: 0.01,
      num_turns: 3,
      session_id: 's',
      model: 'claude-sonnet-5',
      started_at: '2026-11-25T09:00:00Z',
      finished_at: '2026-11-25T09:00:01Z',
      error: { kind: 'rate-limited', message: '429', retryable: true, status: 429, retry_after_seconds: 30 },
    });
    expect(result.error).toEqual({ kind: 'rate-limited', message: '429', retryable: true, status: 429, retry_after_seconds: 30 });
  });

  it('reject a status the seed does not have', () => {
    expect(resultSchema.safeParse({ task_id: 't', status: 'done', worker: 'w' }).success).toBe(false);
  });
});

describe('leases', () => {
  it('need every field', () => {
    const lease = { task_id: 't', worker: 'w', owner: 'host:1:ab', attempt: 1, expires_at: 2, renewed_at: 1, claim_id: 'c' };
    expect(leaseSchema.parse(lease)).toEqual(lease);
    expect(leaseSchema.safeParse({ ...lease, owner: '' }).success).toBe(false);
  });
});

describe('types', () => {
  it('come from the schemas', () => {
    expectTypeOf<Task['priority']>().toEqualTypeOf<Priority>();
    expectTypeOf<Task['dependencies']>().toEqualTypeOf<string[]>();
    expectTypeOf<Task['attempt']>().toEqualTypeOf<number>();
    expectTypeOf<TaskResult['status']>().toEqualTypeOf<'complete' | 'failed'>();
    expectTypeOf<TaskResult['findings']>().toEqualTypeOf<string[]>();
  });
});

describe('planned tasks on the queue', () => {
  it('maps every plan id to a queue id and back, one to one', () => {
    const segment = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,12}$/);
    const planId = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));
    const idSchema = planSchema.shape.order.element;
    fc.assert(
      fc.property(planId, (id) => {
        expect(idSchema.safeParse(id).success).toBe(true);
        expect(queueIdPattern.test(queueIdOf(id))).toBe(true);
        expect(planIdOf(queueIdOf(id))).toBe(id);
      }),
    );
  });
});
