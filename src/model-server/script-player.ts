import { defaultTurn, scriptSchema, type Script, type Turn } from './script.ts';
import { firstUserText, isSubagentRequest, type MessagesRequest } from './request.ts';

/** Which script entry answered a request: the table, the key and the turn's index in it. */
export interface ScriptMatch {
  table: 'tasks' | 'subagents';
  key: string;
  index: number;
}

export interface PlayedTurn {
  turn: Turn;
  match?: ScriptMatch;
}

/** Plays a script: remembers, per key, how many turns were already taken. */
export class ScriptPlayer {
  readonly #script;
  readonly #taken = new Map<string, number>();

  constructor(script: Script) {
    this.#script = scriptSchema.parse(script);
  }

  next(request: MessagesRequest): PlayedTurn {
    const table = isSubagentRequest(request) ? 'subagents' : 'tasks';
    const text = firstUserText(request);
    const key = Object.keys(this.#script[table]).find((k) => text.includes(k));
    const fallback = { turn: this.#script.default ?? defaultTurn };
    if (key === undefined) return fallback;
    const id = `${table}\0${key}`;
    const index = this.#taken.get(id) ?? 0;
    const turn = this.#script[table][key]![index];
    if (turn === undefined) return fallback;
    this.#taken.set(id, index + 1);
    return { turn, match: { table, key, index } };
  }
}
