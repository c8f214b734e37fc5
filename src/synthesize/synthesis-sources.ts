import { readArtifacts } from './read-artifacts.ts';
import type { SynthesisContext } from './synthesis-request.ts';
import { artifactPathsOf, type UpstreamEntry } from './upstream.ts';

/** Where a synthesis's context comes from, before its artifacts are read. */
export interface SynthesisSources {
  inputs: SynthesisContext['inputs'];
  upstream: readonly UpstreamEntry[];
  /** The run directory: relative artifact paths are taken from it, and files in it may be read. */
  runDir: string;
  /** Other directories artifacts may be read from: the workflow's workspaces. */
  allowedRoots?: readonly string[];
  /** @default defaultMaxArtifactBytes */
  maxBytes?: number;
}

/** The context for `synthesisRequest`: every upstream artifact read, in the upstream order. */
export async function gatherContext(sources: SynthesisSources): Promise<SynthesisContext> {
  const artifacts = await readArtifacts({
    paths: artifactPathsOf(sources.upstream),
    runDir: sources.runDir,
    ...(sources.allowedRoots !== undefined && { roots: sources.allowedRoots }),
    ...(sources.maxBytes !== undefined && { maxBytes: sources.maxBytes }),
  });
  return { inputs: sources.inputs, upstream: sources.upstream, artifacts, runDir: sources.runDir };
}

export function isSynthesisContext(context: SynthesisContext | SynthesisSources): context is SynthesisContext {
  return 'artifacts' in context;
}
