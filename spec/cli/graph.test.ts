import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planSchema } from '../../src/compiler/plan-schema.ts';
import { run } from '../support/io.ts';

const cyclic = `workflow w {
  worker a {}
  task x {
    worker = a
    prompt = "x"
    after  = [z]
  }
  task y {
    worker = a
    prompt = "y"
    after  = [x]
  }
  task z {
    worker = a
    prompt = "z"
    after  = [y]
  }
}
`;

describe('swarm graph', () => {
  it('prints Mermaid on stdout only, one node per task, coloured by worker', async () => {
    const r = await run(['graph', 'workflows/student-review.swarm']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.startsWith('flowchart LR\n')).toBe(true);
    for (const id of ['evaluate', 'placement', 'practice_plan', 'newsletter', 'parent_letter']) expect(r.stdout).toMatch(new RegExp(`n_${id}\\(".*"\\):::w\\d`));
    expect(r.stdout).toContain('n_evaluate --> n_newsletter');
  });

  it('draws decompose and synthesize nodes distinctly', async () => {
    const r = await run(['graph', 'workflows/studio-week.swarm']);
    expect(r.stdout).toMatch(/\{\{"plan-week"\}\}/);
    expect(r.stdout).toMatch(/\[\/"weekly-brief"\\\]/);
  });

  it('still draws a workflow with a cycle, highlights it, and exits 1 with the error on stderr', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'swarm-graph-'));
    writeFileSync(join(cwd, 'wf.swarm'), cyclic);
    const r = await run(['graph', 'wf.swarm'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('SW0301');
    expect(r.stdout).toContain('linkStyle 0,1,2 stroke:#d62728');
    const dot = await run(['graph', '-f', 'dot', 'wf.swarm'], { cwd });
    expect(dot.stdout.match(/-> "\w" \[color="#d62728"/g)).toHaveLength(3);
  });

  it('prints the compiled plan as JSON, valid against the plan schema', async () => {
    const r = await run(['graph', '--format', 'json', 'workflows/student-review.swarm']);
    expect(r.code).toBe(0);
    const plan = planSchema.parse(JSON.parse(r.stdout));
    expect(plan.order[0]).toBe('evaluate');
    expect(plan.order.at(-1)).toBe('parent-letter');
  });

  it('refuses JSON for a workflow with errors: no half plan on stdout', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'swarm-graph-'));
    writeFileSync(join(cwd, 'wf.swarm'), cyclic);
    const r = await run(['graph', '-f', 'json', 'wf.swarm'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('renders SVG offline through Graphviz', async () => {
    const r = await run(['graph', '-f', 'svg', 'workflows/code-review.swarm']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<\?xml|^<svg/);
    expect(r.stdout).toContain('</svg>');
  });
});
