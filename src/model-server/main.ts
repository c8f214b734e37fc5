import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { scriptSchema } from './script.ts';
import { startModelServer } from './server.ts';

// `node src/model-server/main.ts --script file.json --port N`: prints the URL, serves until killed.
const { values } = parseArgs({ options: { script: { type: 'string' }, port: { type: 'string', default: '0' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Expected --port to be an integer from 0 to 65535, got ${values.port}`);
  process.exit(2);
}
const parsed = values.script === undefined ? { success: true as const, data: {} } : scriptSchema.safeParse(JSON.parse(readFileSync(values.script, 'utf8')));
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${values.script}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  process.exit(2);
}
const server = await startModelServer({ script: parsed.data, port });
console.log(server.url);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.close().then(() => process.exit(0)));
