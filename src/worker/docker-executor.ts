import { appendFileSync, chownSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { readRunFiles } from '../runner/run-files.ts';
import { RunLayout, queueAreas } from '../queue/layout.ts';
import { containerMounts, containerName, runLabel, workerLabel, type Mount } from './container-spec.ts';
import type { Executor, WorkerExit, WorkerMessage, WorkerProcess, WorkerProcessSpec } from './executor.ts';
import { workerImageTag } from './docker-image.ts';

export interface DockerExecutorOptions {
  /** The worker image, unless a worker names its own `image`. @default workerImageTag() */
  image?: string;
  /** The docker CLI. @default "docker" */
  docker?: string;
}

/** Variables that describe the host, not the worker: inside the image they would be wrong. */
const hostOnly = new Set(['PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'SHELL', 'USER', 'LOGNAME', 'ANTHROPIC_BASE_URL', 'NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR']);

/** The uid the container runs as: the runner's own, except that root's work is done by the image's user. */
const imageUid = 1000;

/**
 * Runs each worker as `swarm worker NAME` in a container of its own: named and labelled after
 * its run and worker, given only its own mounts (see `containerMounts`), its own key, no
 * network but the run gateway's socket unless the worker asks, and its CPU and memory limits.
 * The docker client stays attached: its stdin is the worker's lifeline (the container's stdin
 * closes when the runner dies) and its stdout carries the worker's notes as JSON lines.
 */
export function dockerExecutor(options: DockerExecutorOptions = {}): Executor {
  const docker = options.docker ?? 'docker';
  return {
    kind: 'docker',
    needsGatewaySocket: true,
    async cleanup(runId) {
      await removeContainers({ runId }, docker);
    },
    start(spec: WorkerProcessSpec): WorkerProcess {
      const runDir = resolve(spec.runDir);
      const { plan, info } = readRunFiles(runDir);
      const worker = plan.workers.find((w) => w.name === spec.worker);
      if (!worker) throw new Error(`the plan in ${runDir} has no worker \`${spec.worker}\``);
      const layout = new RunLayout(runDir);
      const uid = process.getuid?.() ?? imageUid;
      const gid = process.getgid?.() ?? imageUid;
      const user = uid === 0 ? { uid: imageUid, gid: imageUid } : { uid, gid };
      // The worker's own queue folders exist before the container starts, and are its user's to write.
      for (const area of queueAreas) {
        const dir = layout.workerDir(area, worker.name);
        mkdirSync(dir, { recursive: true });
        if (uid === 0) chownSync(dir, user.uid, user.gid);
      }
      const mounts: Mount[] = containerMounts({ layout, worker, baseDir: info.base_dir, ...(spec.gatewaySocket !== undefined && { gatewaySocket: spec.gatewaySocket }) });
      const name = containerName(info.run_id, worker.name);
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(spec.env)) if (v !== undefined && !hostOnly.has(k)) env[k] = v;
      if (spec.gatewaySocket !== undefined) env['SWARM_GATEWAY_SOCKET'] = spec.gatewaySocket;
      const args = ['run', '-i', '--rm', '--name', name, '--label', `${runLabel}=${info.run_id}`, '--label', `${workerLabel}=${worker.name}`];
      args.push('--user', `${user.uid}:${user.gid}`, '--network', worker.network ?? 'none', '--init');
      if (worker.cpus !== undefined) args.push('--cpus', String(worker.cpus));
      if (worker.memoryBytes !== undefined) args.push('--memory', String(worker.memoryBytes), '--memory-swap', String(worker.memoryBytes));
      for (const m of mounts) args.push('--mount', `type=bind,source=${m.source},target=${m.target}${m.readonly ? ',readonly' : ''}`);
      // Names only: docker reads each value from its own environment, so no key is on a command line.
      for (const k of Object.keys(env)) args.push('-e', k);
      args.push(worker.image ?? options.image ?? workerImageTag(), spec.worker, '--run-dir', runDir, ...withoutHostPaths(spec.args ?? []));

      mkdirSync(resolve(spec.logFile, '..'), { recursive: true });
      const child: ResultPromise = execa(docker, args, {
        env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...dockerClientEnv(), ...env },
        extendEnv: false,
        stdin: 'pipe',
        stdout: 'pipe',
        stderr: { file: spec.logFile, append: true },
        reject: false,
        buffer: false,
        detached: true,
      });
      const listeners: ((m: WorkerMessage) => void)[] = [];
      let rest = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        rest += chunk.toString();
        const lines = rest.split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          if (line.trim() === '') continue;
          let message: WorkerMessage | undefined;
          try {
            message = JSON.parse(line) as WorkerMessage;
          } catch {
            // Not a note: whatever else reached stdout belongs in the worker's log.
            appendFileSync(spec.logFile, line + '\n');
            continue;
          }
          for (const fn of listeners) fn(message);
        }
      });
      let done = false;
      const exited: Promise<WorkerExit> = child.then(
        (r) => {
          done = true;
          return { code: r.exitCode ?? null, signal: (r.signal as NodeJS.Signals | undefined) ?? null };
        },
        () => {
          done = true;
          return { code: null, signal: null };
        },
      );
      const dockerCmd = (...a: string[]) => execa(docker, a, { reject: false, env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...dockerClientEnv() } });
      return {
        worker: spec.worker,
        pid: child.pid,
        exited,
        alive: () => !done,
        async stop(graceMs = 10_000) {
          if (!done) await dockerCmd('stop', '--time', String(Math.max(1, Math.ceil(graceMs / 1000))), name);
          const exit = await exited;
          return exit;
        },
        kill: () => void (done ? undefined : dockerCmd('kill', name)),
        onMessage: (fn) => void listeners.push(fn),
      };
    },
  };
}

/** What the docker client itself needs to find its engine. */
function dockerClientEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && /^DOCKER_/.test(k)) out[k] = v;
  return out;
}

/** Removes the containers of a run (or of every run), whatever state they are in. */
export async function removeContainers(filter: { runId?: string } = {}, docker = 'docker'): Promise<string[]> {
  const label = filter.runId === undefined ? runLabel : `${runLabel}=${filter.runId}`;
  const list = await execa(docker, ['ps', '-aq', '--filter', `label=${label}`], { reject: false });
  const ids = String(list.stdout ?? '').split('\n').filter((s) => s.trim() !== '');
  if (ids.length > 0) await execa(docker, ['rm', '-f', ...ids], { reject: false });
  return ids;
}

/** `--claude PATH` names a binary of the host; inside, the image's pinned CLI runs. */
function withoutHostPaths(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--claude') i++;
    else out.push(args[i]!);
  }
  return out;
}
