import { startModelServer, type ModelServer } from '../model-server/server.ts';
import type { Cassette } from './cassette-file.ts';
import { replayAnswer } from './replay-answer.ts';
import type { RunPaths } from './run-paths.ts';

/** A Messages API on 127.0.0.1 that answers only from the cassette; `paths` are this run's, put where the recorded run's appear. */
export function startReplayServer(cassette: Cassette, options: { pace?: boolean; paths?: RunPaths } = {}): Promise<ModelServer> {
  return startModelServer({ answer: replayAnswer(cassette, options.paths), pace: options.pace ?? false });
}
