import { parseAgentFile, type AgentDefinition } from '../agent-file.ts';
import type { CheckContext } from '../check-context.ts';
import type { Decl } from '../ir.ts';
import type { Located, TextSource } from '../values.ts';
import { checkModel, checkTool } from './tools-models.ts';

const reasons = { missing: 'does not exist', directory: 'is a directory, not a file', unreadable: 'cannot be read' } as const;

/** Loads `file(…)` texts and agent files, reporting those that cannot be read. */
export function checkFiles(ctx: CheckContext): Map<Decl, AgentDefinition> {
  const agents = new Map<Decl, AgentDefinition>();
  const systems: [Decl, TextSource | undefined][] = [
    ...ctx.ir.workers.map((w): [Decl, TextSource | undefined] => [w, w.attrs.system]),
    ...ctx.ir.nodes.map((n): [Decl, TextSource | undefined] => [n, (n as Decl<'decompose'>).attrs.system]),
  ];
  for (const [, source] of systems) if (source?.kind === 'file') load(ctx, source.path);

  for (const agent of ctx.ir.agents) {
    const { file, description, prompt } = agent.attrs;
    if (!file) {
      if (!description || !prompt) {
        const missing = !description ? 'description' : 'prompt';
        if (!agent.sources.has(missing)) {
          ctx.reporter.report('missing-attribute', agent.name.span, `agent \`${agent.name.name}\` has no \`${missing}\``, {
            help: 'give `file = "agents/NAME.md"`, or both `description` and `prompt`',
          });
        }
      }
      continue;
    }
    for (const key of ['description', 'prompt'] as const) {
      const given = agent.sources.get(key);
      if (given) {
        ctx.reporter.report('duplicate-attribute', given.name.span, `\`${key}\` is already given by the agent file`, {
          related: [ctx.reporter.related(file.span, 'the agent file is named here')],
          help: 'keep it in the file, or drop `file` and write the agent inline',
        });
      }
    }
    const text = load(ctx, file);
    if (text === undefined) continue;
    const path = ctx.files.resolve(file.value);
    const parsed = parseAgentFile(text);
    const usedBy = [ctx.reporter.related(file.span, `used by agent \`${agent.name.name}\``)];
    for (const p of parsed.problems) ctx.reporter.report('agent-file', p.span, p.message, { file: path, help: p.help, related: usedBy });
    for (const tool of parsed.tools) checkTool(ctx.reporter, tool.value, tool.span, path, usedBy);
    if (parsed.model) checkModel(ctx.reporter, parsed.model.value, parsed.model.span, true, path, usedBy);
    if (parsed.agent?.name && parsed.agent.name !== agent.name.name && parsed.nameSpan) {
      ctx.reporter.report('agent-file', parsed.nameSpan, `the agent file calls itself \`${parsed.agent.name}\`, but the workflow names it \`${agent.name.name}\``, {
        file: path,
        severity: 'warning',
        related: [ctx.reporter.related(agent.name.span, 'swarm passes it to Claude Code under this name')],
        help: 'use one name in both places',
      });
    }
    if (parsed.agent) agents.set(agent, parsed.agent);
  }
  return agents;
}

function load(ctx: CheckContext, path: Located<string>): string | undefined {
  const loaded = ctx.files.load(path.value);
  if (loaded.ok) return loaded.text;
  ctx.reporter.report('missing-file', path.span, `\`${loaded.path}\` ${reasons[loaded.error]}`, {
    help: 'paths are relative to the .swarm file',
  });
  return undefined;
}
