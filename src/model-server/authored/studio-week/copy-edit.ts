/** One change the copy-editor makes: what Fabien's draft said, what the final piece says, and why. */
export interface Edit {
  draft: string;
  final: string;
  why: string;
}

/** A piece as Fabien drafts it, the copy-editor's answer in its agent file's format, and the final text. */
export interface CopyEdit {
  /** The first line of Fabien's brief to the copy-editor, by which its conversation is known. */
  key: string;
  draft: string;
  final: string;
  report: string;
}

/**
 * The draft is the final piece with each change undone, so what Fabien sends, what the
 * copy-editor returns and what Fabien writes can never drift apart.
 */
export function copyEdit(key: string, final: string, edits: Edit[], flags: string[]): CopyEdit {
  const draft = edits.reduce((text, e) => {
    if (!text.includes(e.final)) throw new Error(`copy edit for ${key}: the final text has no ${JSON.stringify(e.final)}`);
    return text.replace(e.final, e.draft);
  }, final);
  const report = ['Edited draft:', final.trimEnd(), '', 'Changes:', ...edits.map((e) => `- ${e.why}`), 'Flags:', ...flags.map((f) => `- ${f}`)].join('\n');
  return { key, draft, final, report };
}

/** Fabien's brief to the copy-editor: the key line, the sources to check against, the rules of the piece, then the draft. */
export function editBrief(edit: CopyEdit, sources: string[], rules: string): string {
  return `${edit.key}\nBrand voice: ${sources[0]}. Facts to check against: ${sources.slice(1).join(' and ')}.\n${rules}\n\n${edit.draft}`;
}
