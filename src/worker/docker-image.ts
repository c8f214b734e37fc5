import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

/** The project root: the build context of `runtime-image/Dockerfile`. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The pinned Claude Code CLI's version, as installed with swarm. */
export function claudeVersion(): string {
  const require = createRequire(import.meta.url);
  return (JSON.parse(readFileSync(require.resolve('@anthropic-ai/claude-code/package.json'), 'utf8')) as { version: string }).version;
}

function swarmVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The worker image's tag: swarm's version and the CLI's, so a new CLI pin or a new swarm
 * never runs on an old image by accident.
 */
export function workerImageTag(): string {
  return `swarm-worker:${swarmVersion()}-claude-${claudeVersion()}`;
}

/** The tag the offline base is imported as. */
export function offlineBaseTag(): string {
  return `swarm-base:node-${process.versions.node}`;
}

export interface BuildImageOptions {
  /** Build FROM an offline base made from this machine's Node and shared libraries. */
  offline?: boolean;
  /** The image to build FROM, instead of the default Node LTS image (or the offline base). */
  baseImage?: string;
  /** @default workerImageTag() */
  tag?: string;
  /** Each line docker prints. */
  onLine?: (line: string) => void;
}

export interface BuiltImage {
  tag: string;
  base: string;
  /** False when an image of that tag was already there and nothing was built. */
  built: boolean;
}

/** Whether a docker engine answers; `reason` says why not, for a skip message. */
export async function dockerAvailable(): Promise<{ ok: true } | { ok: false; reason: string }> {
  const r = await execa('docker', ['version', '--format', '{{.Server.Version}}'], { reject: false, timeout: 15_000 });
  if (r.exitCode === 0) return { ok: true };
  const why = (r.stderr || r.shortMessage || '').toString().trim().split('\n').pop() ?? '';
  return { ok: false, reason: r.failed && r.exitCode === undefined ? 'the docker CLI is not installed' : `no docker engine answers (${why})` };
}

export async function imageExists(tag: string): Promise<boolean> {
  const r = await execa('docker', ['image', 'inspect', '--format', '{{.Id}}', tag], { reject: false });
  return r.exitCode === 0;
}

/**
 * `swarm image build`: builds `runtime-image/Dockerfile` from the project root. Offline, it
 * first imports a base image made of this machine's Node binary, a shell and the shared
 * libraries they need, since no registry can be pulled from.
 */
export async function buildWorkerImage(options: BuildImageOptions = {}): Promise<BuiltImage> {
  const tag = options.tag ?? workerImageTag();
  const base = options.baseImage ?? (options.offline ? await importOfflineBase(options.onLine) : 'node:24-bookworm-slim');
  const args = ['build', '-f', join(projectRoot, 'runtime-image', 'Dockerfile'), '-t', tag];
  args.push('--build-arg', `BASE_IMAGE=${base}`, '--build-arg', `SWARM_VERSION=${swarmVersion()}`, '--build-arg', `CLAUDE_VERSION=${claudeVersion()}`);
  args.push(projectRoot);
  // The classic builder: BuildKit may not be installed, and it would try to reach a registry for its frontend.
  const child = execa('docker', args, { env: { DOCKER_BUILDKIT: '0' }, all: true, reject: false });
  child.all?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim() !== '') options.onLine?.(line);
  });
  const r = await child;
  if (r.exitCode !== 0) throw new Error(`docker build of ${tag} failed (exit ${r.exitCode}): ${String(r.all ?? '').trim().split('\n').slice(-5).join('\n')}`);
  return { tag, base, built: true };
}

/** Tools a worker's Bash commands commonly use; only those present here are copied. */
const shellTools = ['sh', 'bash', 'cat', 'ls', 'mkdir', 'rm', 'cp', 'mv', 'env', 'id', 'head', 'tail', 'grep', 'sed', 'sort', 'wc', 'date', 'printf', 'true', 'false', 'sleep', 'find', 'touch', 'uname', 'dirname', 'basename', 'tr', 'cut', 'diff'];

/**
 * Imports `swarm-base:node-<version>`: a root file system holding this Node binary as
 * /usr/local/bin/node, /bin/sh and a few shell tools, every shared library `ldd` lists for
 * them, a `swarm` user (uid 1000) and a world-writable /tmp. Kept once imported.
 */
export async function importOfflineBase(onLine?: (line: string) => void): Promise<string> {
  const tag = offlineBaseTag();
  if (await imageExists(tag)) return tag;
  const root = mkdtempSync(join(tmpdir(), 'swarm-rootfs-'));
  try {
    const binaries: [string, string][] = [[realpathSync(process.execPath), '/usr/local/bin/node']];
    for (const tool of shellTools) {
      const found = ['/usr/bin', '/bin'].map((d) => join(d, tool)).find((p) => existsSync(p));
      if (found) binaries.push([realpathSync(found), `/bin/${tool}`]);
    }
    const libs = new Set<string>();
    for (const [from, to] of binaries) {
      place(root, from, to);
      for (const lib of await sharedLibraries(from)) libs.add(lib);
    }
    // The CLI is a native binary too: its libraries must be in the base, since the Dockerfile copies only files.
    const require = createRequire(import.meta.url);
    const manifest = require.resolve('@anthropic-ai/claude-code/package.json');
    const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: { claude: string } };
    for (const lib of await sharedLibraries(join(dirname(manifest), bin.claude))) libs.add(lib);
    for (const lib of libs) place(root, realpathSync(lib), lib);
    mkdirSync(join(root, 'usr/bin'), { recursive: true });
    // Scripts say `#!/usr/bin/env`; the CLI's Bash tool looks for bash on PATH.
    if (existsSync(join(root, 'bin/env'))) copyFileSync(join(root, 'bin/env'), join(root, 'usr/bin/env'));
    mkdirSync(join(root, 'etc'), { recursive: true });
    writeFileSync(join(root, 'etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\nswarm:x:1000:1000:swarm worker:/tmp:/bin/sh\n');
    writeFileSync(join(root, 'etc/group'), 'root:x:0:\nswarm:x:1000:\n');
    for (const f of ['etc/hosts', 'etc/nsswitch.conf']) if (existsSync(`/${f}`)) copyFileSync(`/${f}`, join(root, f));
    mkdirSync(join(root, 'tmp'), { recursive: true });
    chmodSync(join(root, 'tmp'), 0o1777);
    onLine?.(`importing ${tag} from ${binaries.length} binaries and ${libs.size} libraries`);
    const tar = execa('tar', ['-C', root, '-c', '.'], { buffer: false, stdout: 'pipe' });
    const imported = execa('docker', ['import', '--change', 'ENV PATH=/usr/local/bin:/usr/bin:/bin', '-', tag], { stdin: tar.stdout!, reject: false });
    const [, r] = await Promise.all([tar, imported]);
    if (r.exitCode !== 0) throw new Error(`docker import of ${tag} failed: ${String(r.stderr).trim()}`);
    return tag;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

function place(root: string, from: string, to: string): void {
  const target = join(root, to);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(from, target);
  chmodSync(target, 0o755);
}

/** The absolute paths `ldd` lists for a binary (the loader included). */
async function sharedLibraries(binary: string): Promise<string[]> {
  const r = await execa('ldd', [binary], { reject: false });
  const paths: string[] = [];
  for (const line of String(r.stdout).split('\n')) {
    const m = /(?:=>\s*)?(\/\S+)\s+\(0x/.exec(line);
    if (m) paths.push(m[1]!);
  }
  return paths;
}
