#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// Type stripping and compiling swarm's modules is most of a small check's time; Node's on-disk
// compile cache (in the temp directory; NODE_DISABLE_COMPILE_CACHE=1 turns it off) skips both
// from the second run on. It must be on before the modules load, so they are imported after.
enableCompileCache();
const { main } = await import('./main.ts');
const { processIo } = await import('./io.ts');

process.exitCode = await main(process.argv.slice(2), processIo());
