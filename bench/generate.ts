/**
 * A seeded generator of large, realistic workflows for benchmarks: the same content as a
 * `.swarm` file and as a plain YAML document, so `swarm check` can be compared with a bare
 * YAML parse of equal size and structure.
 *
 * The workflow checks clean by construction: every `${x.field}` read names a task the reader
 * runs after, every input is read, every worker runs a task, outputs are unique per task, task
 * tools narrow their worker's, and token limits are far above any one request.
 */
import { dump } from 'js-yaml';

export interface GenerateOptions {
  tasks: number;
  /** 3–10; drawn from the seed when omitted. */
  workers?: number;
  seed: number;
}

export interface GeneratedWorkflow {
  swarm: string;
  yaml: string;
}

/** mulberry32: small, fast and deterministic for a given seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Domain = 'dance' | 'code' | 'marketing';

interface Vocabulary {
  verbs: string[];
  objects: string[];
  subjects: string[];
  files: string[];
  audiences: string[];
  sentences: string[];
  tools: string[];
  workspace: string;
  readonly: boolean;
  systemLines: string[];
}

// Sentence templates fill {subject}, {file}, {audience}, {number}, {day}, {amount} from the
// domain's lists; {input:NAME} marks where an input may be read.
const vocab: Record<Domain, Vocabulary> = {
  dance: {
    verbs: ['evaluate', 'plan', 'assess', 'schedule', 'rehearse', 'place', 'review', 'choreograph', 'cast', 'record'],
    objects: ['student', 'showcase', 'placement', 'attendance', 'routine', 'practice-plan', 'recital', 'pointe-readiness', 'costumes', 'spacing'],
    subjects: [
      'the Level 3 ballet class',
      'the Saturday jazz combo',
      'the adult tap beginners',
      'the pre-pointe conditioning group',
      'the spring showcase finale',
      'the Turns & Jumps Lab',
      'the contemporary repertory company',
      'the hip-hop teens on Thursday',
    ],
    files: [
      'attendance/fall-2026.csv',
      'curriculum/ballet-levels.md',
      'classes/winter-2027-schedule.md',
      'choreography/waltz-of-flowers.md',
      'students/roster.md',
      'showcase/running-order.md',
      'injuries/follow-up.md',
    ],
    audiences: ['the parents', 'the studio office', 'the student', 'the assistant teachers', 'the costume volunteers'],
    sentences: [
      'Read {file} and note anything that affects {subject} before the spacing rehearsal on {day}.',
      'Check each dancer in {subject} against the level requirements in {file}, and say plainly who is ready and who is not.',
      'Keep the language warm and plain for {audience}, with no unexplained ballet terms.',
      'List at most {number} areas to develop, each with a dated note from class and one exercise that helps.',
      'If a dancer has missed more than {number} classes this term, flag it for {audience} and suggest a make-up slot.',
      'Compare the casting in {file} with the running order, and point out any quick changes shorter than two minutes.',
      'Do not recommend pointe work for anyone without the teacher sign-off recorded in {file}.',
      'Focus on {input:focus} this time, and say what must be clean before {day}.',
      'Use the term dates for {input:term} and keep every recommendation within the studio schedule.',
      'Write the practice plan so a ten-year-old can follow it without help, in three short sessions a week.',
      'Note media consent and any injury follow-up for the office, but leave both out of anything sent home.',
    ],
    tools: ['Read', 'Write', 'Grep', 'Glob', 'Task'],
    workspace: 'studio',
    readonly: true,
    systemLines: [
      'You are a teacher at a small dance studio that teaches ballet, jazz, tap and contemporary',
      'to children, teens and adults. You know every student by name and you write the way you',
      'speak to families at pick-up: warm, specific and honest. Use the studio records in',
      'students/, attendance/ and curriculum/; never change them. When you judge readiness,',
      'cite the level requirements and a dated class note. Keep injuries and medical details',
      'out of anything a parent or another student could read.',
    ],
  },
  code: {
    verbs: ['review', 'test', 'audit', 'refactor', 'profile', 'document', 'triage', 'migrate', 'harden', 'benchmark'],
    objects: ['auth', 'billing', 'waitlist', 'proration', 'enrolment-api', 'sibling-discount', 'capacity', 'webhooks', 'sessions', 'exports'],
    subjects: [
      'the enrolment service',
      'the tuition proration module',
      'the waitlist queue',
      'the parent portal login',
      'the class capacity check',
      'the invoice export job',
      'the Stripe webhook handler',
      'the sibling discount rule',
    ],
    files: [
      'src/booking/enrol.ts',
      'src/tuition/proration.ts',
      'src/waitlist/queue.ts',
      'src/auth/session.ts',
      'test/tuition.test.ts',
      'README.md',
      'data/studio.json',
    ],
    audiences: ['the studio owner', 'the maintainers', 'the on-call developer', 'the security reviewer', 'new contributors'],
    sentences: [
      'Read {file} and follow the code that implements {subject}, checking it with a concrete example from data/studio.json.',
      'For each finding give a severity, the file and line, a one-line title and a minimal fix; list at most {number} of them.',
      'Run the existing tests first, then add tests for the edge cases you find, and run them again before you write anything up.',
      'Do not edit anything under src/; write new tests under test/ and reports under reports/.',
      'Pay attention to {input:focus}, which is where families notice mistakes first.',
      'Check what happens on the 1st and the 31st of the month, for a class that is exactly full, and for a child whose birthday falls on the first day of term.',
      'Explain the risk in words {audience} can act on, and keep the technical detail in a separate section.',
      'Look for missing authorisation checks, unvalidated input and secrets written into the code or the logs.',
      'If a fix needs a schema change, say so and estimate the migration, but do not write it.',
      'Time the slow path with a realistic data set of {number} hundred rows and report the median of several runs.',
    ],
    tools: ['Read', 'Write', 'Edit', 'Grep', 'Glob', 'Bash', 'Task'],
    workspace: 'code',
    readonly: false,
    systemLines: [
      'You are a careful senior engineer reviewing a small TypeScript service that runs a dance',
      'studio: enrolment, tuition, the waitlist and the parent portal. Prefer evidence to opinion:',
      'run the code, write a failing test, quote the line. Never change source files unless the',
      'task says so; reports go to reports/ and new tests to test/. Rank findings by what a family',
      'or the studio owner would feel first, and keep every fix as small as it can be.',
    ],
  },
  marketing: {
    verbs: ['draft', 'plan', 'write', 'edit', 'schedule', 'research', 'summarise', 'pitch', 'announce', 'localise'],
    objects: ['newsletter', 'open-house', 'reel-calendar', 'press-note', 'landing-page', 'email-sequence', 'flyer', 'social-posts', 'survey', 'ad-copy'],
    subjects: [
      'the December family newsletter',
      'the winter open house',
      'the spring showcase ticket launch',
      'the adult beginners campaign',
      'the summer intensive announcement',
      'the Instagram reel calendar',
      'the referral programme',
      'the local press note',
    ],
    files: [
      'campaign/brand-voice.md',
      'campaign/past-newsletters/',
      'campaign/audience.md',
      'campaign/calendar.md',
      'campaign/offers.md',
      'campaign/photos/consent.csv',
    ],
    audiences: ['current families', 'prospective adult students', 'local press', 'teen dancers', 'the studio owner'],
    sentences: [
      'Follow {file} for tone: warm, confident and never pushy, with short sentences and no exclamation marks in subject lines.',
      'Draft copy for {subject} aimed at {audience}, in {number} variants of different lengths.',
      'Mention the early registration offer of $15 off before {day}, and nothing else about prices.',
      'Use first names only, and only for dancers whose media consent is on file in {file}.',
      'Tie the message to {input:term} and to {input:focus} where it fits naturally.',
      'Add two subject-line ideas and one call to action that fits in a phone notification.',
      'Check every date and class name against {file} before you finish; a wrong date costs more than a dull sentence.',
      'Celebrate effort and progress only: no comparisons between dancers and no mention of injuries.',
      'Suggest when to send it and to which list, and say what you would measure a week later.',
      'Keep the whole piece under {number}0 words, and write alt text for every image you suggest.',
    ],
    tools: ['Read', 'Write', 'Grep', 'WebSearch', 'WebFetch'],
    workspace: 'campaign',
    readonly: true,
    systemLines: [
      'You write for a neighbourhood dance studio: newsletters, social posts, flyers and the odd',
      'press note. Follow campaign/brand-voice.md, reuse what worked in past newsletters, and',
      'check every date and price against the calendar and the offers file. Families trust the',
      'studio because it never oversells; keep it that way. Never publish anything yourself:',
      'write drafts into the task directory for a person to approve.',
    ],
  },
};

const workerNames = ['marie', 'fabien', 'anga', 'lucia', 'tomas', 'priya', 'noor', 'kenji', 'sofia', 'dmitri'];
const workerRoles: Record<Domain, string[]> = {
  dance: ['the lead ballet teacher', 'the jazz and tap teacher', 'the showcase director'],
  code: ['the team coding assistant', 'the security reviewer', 'the test engineer'],
  marketing: ['who writes the studio newsletter', 'who runs the studio social accounts', 'who handles local press'],
};
const days = ['Saturday 5 December', 'Wednesday 2 December', 'Friday 18 December', 'Monday 11 January', 'Sunday 14 March'];
const timeouts = ['5m', '10m', '15m', '20m', '30m', '45m', '1h', '1h30m'];
const priorities = ['low', 'normal', 'normal', 'normal', 'high', 'critical'];
const models = ['sonnet', 'sonnet', 'haiku', 'opus'];

interface Input {
  name: string;
  type: 'string' | 'number';
  default: string | number;
  description: string;
}

const inputs: Input[] = [
  { name: 'term', type: 'string', default: 'winter 2027', description: 'The term the work is for, as the studio calendar names it' },
  { name: 'focus', type: 'string', default: 'what families notice first', description: 'What every task should look at hardest' },
  { name: 'max-findings', type: 'number', default: 5, description: 'The most findings any one report should list' },
];

interface Worker {
  name: string;
  domain: Domain;
  description: string;
  system: string[];
  workspace: string;
  readonly: boolean;
  tools: string[];
  parallel: number;
  model?: string;
  tokensPerMinute: string;
}

/** A prompt as text and interpolations; the same content renders into both formats. */
type Piece = string | { ref: string };

interface Task {
  name: string;
  worker: Worker;
  after: string[];
  priority?: string;
  timeout?: string;
  model?: string;
  tools?: string[];
  budget?: number;
  retries?: number;
  outputs: string[];
  /** Lines of the prompt; a single line is written as a quoted string. */
  lines: Piece[][];
  block: boolean;
}

export function generateWorkflow(options: GenerateOptions): GeneratedWorkflow {
  const random = rng(options.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const chance = (p: number) => random() < p;

  const workerCount = options.workers ?? int(3, 10);
  if (workerCount < 1 || workerCount > workerNames.length) throw new RangeError(`workers must be 1–${workerNames.length}`);
  const domains: Domain[] = ['dance', 'code', 'marketing'];
  const workers: Worker[] = workerNames.slice(0, workerCount).map((name, i) => {
    const domain = domains[i % 3]!;
    const v = vocab[domain];
    const role = workerRoles[domain][Math.floor(i / 3) % 3]!;
    const cap = name[0]!.toUpperCase() + name.slice(1);
    return {
      name,
      domain,
      description: `${cap}, ${role}`,
      system: [`You are ${cap}, ${role}.`, ...v.systemLines],
      workspace: v.workspace,
      readonly: v.readonly,
      tools: v.tools,
      parallel: int(1, 4),
      ...(chance(0.3) ? { model: pick(models) } : {}),
      tokensPerMinute: `${int(2, 8) * 40}k/min`,
    };
  });

  const unreadInputs = new Set(inputs.map((i) => i.name));
  const tasks: Task[] = [];
  for (let i = 0; i < options.tasks; i++) {
    // Most tasks have one to three upstreams; some start fresh. Edges go only to earlier tasks,
    // mostly recent ones (work flows in stages), sometimes far back.
    const after = new Set<string>();
    if (i > 0 && !chance(0.08)) {
      const want = int(1, 3);
      for (let k = 0; k < want * 2 && after.size < want; k++) {
        const j = chance(0.75) ? Math.max(0, i - int(1, 25)) : int(0, i - 1);
        after.add(tasks[j]!.name);
      }
    }
    // Workers run tasks in turn at first, so every worker has one, then at random.
    const worker = i < workers.length ? workers[i]! : pick(workers);
    const v = vocab[worker.domain];
    const name = `${pick(v.verbs)}-${pick(v.objects)}-${i + 1}`;
    const block = chance(0.7);
    const upstreams = [...after];
    const reads = upstreams.filter(() => chance(0.8));
    // Every input is read by an early task, so none is reported unused.
    const forced = [...unreadInputs][0];
    const lines = prompt(v, name, reads, block, forced, random, pick, int, chance);
    for (const line of lines) for (const piece of line) if (typeof piece !== 'string') unreadInputs.delete(piece.ref);

    const task: Task = {
      name,
      worker,
      after: upstreams,
      outputs: [worker.readonly ? `${name}.md` : `reports/${name}.md`],
      lines,
      block,
    };
    if (chance(0.5)) task.priority = pick(priorities);
    if (chance(0.6)) task.timeout = pick(timeouts);
    if (chance(0.15)) task.model = pick(models);
    if (chance(0.2)) task.tools = worker.tools.filter((t, k) => k === 0 || chance(0.5));
    if (chance(0.25)) task.budget = int(1, 20) / 4;
    if (chance(0.1)) task.retries = int(0, 3);
    tasks.push(task);
  }

  const name = `generated-${options.tasks}`;
  return { swarm: toSwarm(name, workers, tasks), yaml: toYaml(name, workers, tasks) };
}

function prompt(
  v: Vocabulary,
  task: string,
  reads: string[],
  block: boolean,
  forcedInput: string | undefined,
  random: () => number,
  pick: <T>(xs: readonly T[]) => T,
  int: (lo: number, hi: number) => number,
  chance: (p: number) => boolean,
): Piece[][] {
  const target = int(200, 600);
  const sentences: Piece[][] = [];
  let length = 0;
  const add = (pieces: Piece[]) => {
    sentences.push(pieces);
    length += measure(pieces) + 1;
  };
  const fill = (template: string): Piece[] => {
    const out: Piece[] = [];
    let rest = template;
    for (let m = /\{([a-z:-]+)\}/.exec(rest); m; m = /\{([a-z:-]+)\}/.exec(rest)) {
      out.push(rest.slice(0, m.index));
      const slot = m[1]!;
      if (slot.startsWith('input:')) out.push({ ref: slot.slice(6) });
      else if (slot === 'subject') out.push(pick(v.subjects));
      else if (slot === 'file') out.push(pick(v.files));
      else if (slot === 'audience') out.push(pick(v.audiences));
      else if (slot === 'number') out.push(String(int(2, 6)));
      else if (slot === 'day') out.push(pick(days));
      rest = rest.slice(m.index + m[0].length);
    }
    out.push(rest);
    return out.filter((p) => p !== '');
  };

  const subject = pick(v.subjects);
  add([`${cap(task.replace(/-\d+$/, '').replaceAll('-', ' '))} for ${subject}.`]);
  if (forcedInput) add(fill(`Keep {input:${forcedInput}} in mind throughout.`));
  if (random() < 0.3) add(['Keep to at most ', { ref: 'max-findings' }, ' points.']);

  // Upstream results: on lines of their own in a text block, inline in a quoted string.
  const upstream: Piece[][] = [];
  for (const r of reads) {
    const field = chance(0.85) ? 'result' : 'findings';
    if (block) {
      const intro = [pick(['Here is what ', 'Build on what ', 'Start from what ']), r.replace(/-\d+$/, '').replaceAll('-', ' '), ' produced:'];
      upstream.push(intro, [], [{ ref: `${r}.${field}` }], []);
      length += measure(intro) + r.length + field.length + 7;
    } else add([pick(['Build on ', 'Use ', 'Start from ']), { ref: `${r}.${field}` }, '.']);
  }
  // Body sentences until the target length, never past 600 characters with the closing line.
  const closing = [`Write ${task}.md.`];
  const room = () => 600 - length - measure(closing) - 1;
  for (let misses = 0; length + measure(closing) < target && misses < 6; ) {
    const s = fill(pick(v.sentences));
    if (measure(s) + 1 > room()) misses++;
    else add(s);
  }
  add(closing);

  if (!block) return [sentences.flatMap((s, k) => (k === 0 ? s : [' ', ...s]))];
  // A text block: sentences wrapped at about 76 columns, the upstream results set apart.
  const lines: Piece[][] = [];
  let line: Piece[] = [];
  let width = 0;
  const paragraphs = [sentences.slice(0, 2), sentences.slice(2, -1), sentences.slice(-1)];
  paragraphs.forEach((paragraph, k) => {
    if (k === 1 && upstream.length > 0) lines.push(...upstream);
    for (const s of paragraph) {
      for (const piece of s) {
        const words: Piece[] = typeof piece === 'string' ? piece.split(/(?<= )/) : [piece];
        for (const w of words) {
          const n = typeof w === 'string' ? w.length : w.ref.length + 3;
          if (width + n > 76 && width > 0) {
            lines.push(trimEnd(line));
            line = [];
            width = 0;
          }
          line.push(w);
          width += n;
        }
      }
      line.push(' ');
      width++;
    }
    if (line.length > 0) lines.push(trimEnd(line));
    line = [];
    width = 0;
    if (k < paragraphs.length - 1) lines.push([]);
  });
  while (lines.length > 0 && lines.at(-1)!.length === 0) lines.pop();
  return lines;
}

function measure(pieces: Piece[]): number {
  return pieces.reduce((n: number, p) => n + (typeof p === 'string' ? p.length : p.ref.length + 3), 0);
}

function trimEnd(line: Piece[]): Piece[] {
  const out = [...line];
  while (out.length > 0) {
    const last = out.at(-1)!;
    if (typeof last !== 'string') break;
    const t = last.trimEnd();
    if (t === '') out.pop();
    else {
      out[out.length - 1] = t;
      break;
    }
  }
  return out;
}

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

/** The prompt as the runner would hold it before interpolation: `${…}` left in the text. */
function plain(lines: Piece[][]): string {
  return lines.map((l) => l.map((p) => (typeof p === 'string' ? p : `\${${p.ref}}`)).join('')).join('\n');
}

function quoted(s: string): string {
  return `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function swarmString(lines: Piece[][], indent: string): string {
  // Only `${…}` pieces are interpolations; a literal `${` in text would need `\${`.
  const render = (l: Piece[], escape: (s: string) => string) => l.map((p) => (typeof p === 'string' ? escape(p.replaceAll('${', '\\${')) : `\${${p.ref}}`)).join('');
  if (lines.length === 1) return `"${render(lines[0]!, (s) => s.replaceAll('\\', '\\\\').replaceAll('"', '\\"'))}"`;
  const body = lines.map((l) => (l.length === 0 ? '' : indent + '  ' + render(l, (s) => s))).join('\n');
  return `"""\n${body}\n${indent}  """`;
}

function toSwarm(name: string, workers: Worker[], tasks: Task[]): string {
  const out: string[] = [];
  const attrs = (indent: string, pairs: [string, string | undefined][]) => {
    const present = pairs.filter((p): p is [string, string] => p[1] !== undefined);
    const w = Math.max(...present.map(([k]) => k.length));
    for (const [k, v] of present) out.push(`${indent}${k.padEnd(w)} = ${v}`);
  };
  const list = (xs: string[]) => `[${xs.join(', ')}]`;

  out.push(`# Generated for benchmarks: ${tasks.length} tasks, ${workers.length} workers.`, '#', '# Do not edit by hand; see bench/generate.ts.', '');
  out.push(`workflow ${name} {`);
  attrs('  ', [
    ['description', quoted(`A generated workflow of ${tasks.length} tasks across the studio, its code and its campaigns`)],
    ['budget', `$${tasks.length * 2}`],
  ]);
  out.push('', '  limits {');
  attrs('    ', [['requests', '500/min'], ['tokens', '2M/min']]);
  out.push('  }');
  for (const input of inputs) {
    out.push('', `  input ${input.name} {`);
    attrs('    ', [
      ['type', input.type],
      ['default', typeof input.default === 'string' ? quoted(input.default) : String(input.default)],
      ['description', quoted(input.description)],
    ]);
    out.push('  }');
  }
  out.push('', '  defaults {');
  attrs('    ', [['model', 'sonnet'], ['timeout', '10m'], ['retries', '1'], ['max-turns', '30']]);
  out.push('  }');
  for (const w of workers) {
    out.push('', `  worker ${w.name} {`);
    attrs('    ', [
      ['description', quoted(w.description)],
      ['system', swarmString(w.system.map((l) => [l]), '    ')],
      ['model', w.model],
      ['workspace', quoted(w.workspace)],
      ['readonly', String(w.readonly)],
      ['tools', list(w.tools)],
      ['parallel', String(w.parallel)],
    ]);
    out.push('    limits {');
    attrs('      ', [['tokens', w.tokensPerMinute]]);
    out.push('    }', '  }');
  }
  tasks.forEach((t, i) => {
    out.push('');
    if (i % 50 === 0) out.push(`  # Stage ${i / 50 + 1}`);
    out.push(`  task ${t.name} {`);
    attrs('    ', [
      ['worker', t.worker.name],
      ['after', t.after.length > 0 ? list(t.after) : undefined],
      ['priority', t.priority],
      ['timeout', t.timeout],
      ['retries', t.retries === undefined ? undefined : String(t.retries)],
      ['model', t.model],
      ['tools', t.tools && list(t.tools)],
      ['budget', t.budget === undefined ? undefined : `$${t.budget}`],
      ['prompt', swarmString(t.lines, '    ')],
      ['outputs', list(t.outputs.map(quoted))],
    ]);
    out.push('  }');
  });
  out.push('}', '');
  return out.join('\n');
}

function toYaml(name: string, workers: Worker[], tasks: Task[]): string {
  const doc = {
    workflow: name,
    description: `A generated workflow of ${tasks.length} tasks across the studio, its code and its campaigns`,
    budget: tasks.length * 2,
    limits: { requests: '500/min', tokens: '2M/min' },
    inputs: Object.fromEntries(inputs.map((i) => [i.name, { type: i.type, default: i.default, description: i.description }])),
    defaults: { model: 'sonnet', timeout: '10m', retries: 1, 'max-turns': 30 },
    workers: Object.fromEntries(
      workers.map((w) => [
        w.name,
        {
          description: w.description,
          system: w.system.join('\n'),
          ...(w.model ? { model: w.model } : {}),
          workspace: w.workspace,
          readonly: w.readonly,
          tools: w.tools,
          parallel: w.parallel,
          limits: { tokens: w.tokensPerMinute },
        },
      ]),
    ),
    tasks: Object.fromEntries(
      tasks.map((t) => [
        t.name,
        {
          worker: t.worker.name,
          ...(t.after.length > 0 ? { after: t.after } : {}),
          ...(t.priority ? { priority: t.priority } : {}),
          ...(t.timeout ? { timeout: t.timeout } : {}),
          ...(t.retries !== undefined ? { retries: t.retries } : {}),
          ...(t.model ? { model: t.model } : {}),
          ...(t.tools ? { tools: t.tools } : {}),
          ...(t.budget !== undefined ? { budget: t.budget } : {}),
          prompt: plain(t.lines),
          outputs: t.outputs,
        },
      ]),
    ),
  };
  return dump(doc, { lineWidth: -1, noRefs: true });
}
