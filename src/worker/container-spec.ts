import { resolve } from 'node:path';
import type { PlanWorker } from '../compiler/plan-schema.ts';
import type { RunLayout } from '../queue/layout.ts';

export const runLabel = 'swarm.run';
export const workerLabel = 'swarm.worker';

/** One bind mount, at the same path inside as outside, so every path in the queue means the same on both sides. */
export interface Mount {
  source: string;
  target: string;
  readonly: boolean;
}

/** `swarm-<run>-<worker>`: docker names allow what run ids and worker names are made of. */
export function containerName(runId: string, worker: string): string {
  return `swarm-${runId}-${worker}`;
}

/**
 * What a worker's container sees of the host: the run directory (plan, queue, its results),
 * its workspace (read-only unless the worker sets `readonly = false`) and the run gateway's
 * socket. Paths keep their host names, so artifact paths in results need no translation.
 */
export function containerMounts(options: { layout: RunLayout; worker: PlanWorker; baseDir: string; gatewaySocket?: string }): Mount[] {
  const { layout, worker } = options;
  const mounts: Mount[] = [{ source: layout.root, target: layout.root, readonly: false }];
  if (worker.workspace !== undefined) {
    const workspace = resolve(options.baseDir, worker.workspace);
    mounts.push({ source: workspace, target: workspace, readonly: worker.readonly });
  }
  if (options.gatewaySocket !== undefined) mounts.push({ source: options.gatewaySocket, target: options.gatewaySocket, readonly: false });
  return mounts;
}
