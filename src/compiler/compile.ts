import { compareDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { parse } from '../language/parse.ts';
import type { FileNode } from '../language/ast.ts';
import { LineIndex } from '../language/span.ts';
import { buildPlan } from './build-plan.ts';
import { emptyResolution, type CheckContext } from './check-context.ts';
import { checkCalls } from './checks/calls.ts';
import { buildGraph, checkCycles } from './checks/cycles.ts';
import { checkExpects } from './checks/expects.ts';
import { checkFiles } from './checks/files.ts';
import { checkInputs } from './checks/inputs.ts';
import { checkLimits } from './checks/limits.ts';
import { checkReferences } from './checks/references.ts';
import { checkSecrets } from './checks/secrets.ts';
import { checkToolsAndModels } from './checks/tools-models.ts';
import { checkUnorderedReads } from './checks/unordered-reads.ts';
import { checkUnused } from './checks/unused.ts';
import { checkWriteRaces } from './checks/write-race.ts';
import { decodeFile } from './decode.ts';
import { FileLoader, type CompileHost } from './file-loader.ts';
import type { GraphModel } from './graph-model.ts';
import { planSchema, type Plan } from './plan-schema.ts';
import { Reporter } from './reporter.ts';
import { SymbolTable } from './symbols.ts';
import { collectTextRefs } from './text-refs.ts';
import { toGraphModel } from './to-graph-model.ts';

export interface CompileOptions {
  /**
   * Build and validate the plan when the workflow has no errors. `swarm check` turns this off:
   * it needs only the diagnostics.
   * @default true
   */
  plan?: boolean;
}

export interface CompileResult {
  /** Present only when no error was found. */
  plan?: Plan;
  diagnostics: Diagnostic[];
  /** Always available, so a broken workflow (a cycle, say) can still be drawn; built on first use. */
  readonly graph: GraphModel;
  ast: FileNode;
  /** Every text the diagnostics point into: the workflow and the files it read. */
  sources: Map<string, string>;
}

/**
 * Compiles one .swarm file. Pure but for `host.readFile`, and never throws on any input:
 * every problem in the file is a diagnostic. Checks run in a fixed order (structure, names,
 * graph, files, values) on whatever the earlier phases recovered.
 */
export function compile(text: string, file: string, host: CompileHost, options: CompileOptions = {}): CompileResult {
  const parsed = parse(text, file);
  const reporter = new Reporter(file);
  reporter.diagnostics.push(...parsed.diagnostics);

  const badCalls = checkCalls(parsed.ast, reporter);
  const ir = decodeFile(parsed.ast, reporter, badCalls);
  const files = new FileLoader(host, file);
  const symbols = SymbolTable.build(ir, reporter);
  const ctx: CheckContext = { ir, reporter, symbols, textRefs: collectTextRefs(ir), resolved: emptyResolution(), files, lines: new LineIndex(text) };

  checkReferences(ctx);
  checkInputs(ctx);
  ctx.graph = buildGraph(ctx);
  const cycles = checkCycles(ctx);
  const order = ctx.graph.topologicalOrder();
  if (order) {
    const topoIndex = new Map(order.map((id, i) => [id, i]));
    checkUnorderedReads(ctx, topoIndex);
    checkWriteRaces(ctx, topoIndex);
  }
  checkToolsAndModels(ctx);
  const agentFiles = checkFiles(ctx);
  checkSecrets(text, reporter);
  checkLimits(ctx);
  checkExpects(ctx);
  checkUnused(ctx);

  const sources = new Map([[file, text], ...files.sources]);
  const diagnostics = reporter.diagnostics.sort(compareDiagnostics);
  let graph: GraphModel | undefined;
  const result: CompileResult = {
    diagnostics,
    ast: parsed.ast,
    sources,
    get graph() {
      return (graph ??= toGraphModel(ctx, cycles));
    },
  };
  if (options.plan !== false && !reporter.hasErrors && order) {
    const chain = ctx.graph.chainLengths(order);
    // The plan crosses a trust boundary (disk, other processes), so it is checked on the way out.
    result.plan = planSchema.parse(buildPlan(ctx, agentFiles, order, ctx.graph.criticalPath(order), chain));
  }
  return result;
}
