import { sectionMarkerPattern } from './synthesis-rules.ts';

export type SectionsOutcome = { ok: true; files: { name: string; text: string }[] } | { ok: false; message: string };

/**
 * The text of each output file in an answer. One file gets the whole answer (less a marker
 * line for it, should the model write one anyway); several are cut at their marker lines
 * (`=== file: NAME ===`, see `synthesisRules`). A file with no section, an empty one, or two,
 * is a failure naming it: a guess at where the brief ends would be worse than none.
 */
export function splitSections(answer: string, outputs: readonly string[]): SectionsOutcome {
  const markers = [...answer.matchAll(sectionMarkerPattern)].map((m) => ({ name: m[1]!, start: m.index, end: m.index + m[0].length }));
  if (outputs.length === 1) {
    const only = markers.length === 1 && markers[0]!.name === outputs[0] ? markers[0]! : undefined;
    const text = fileText(only === undefined ? answer : answer.slice(only.end));
    return text === '' ? { ok: false, message: `the answer has no text for ${outputs[0]}` } : { ok: true, files: [{ name: outputs[0]!, text }] };
  }
  const files: { name: string; text: string }[] = [];
  const problems: string[] = [];
  for (const name of outputs) {
    const found = markers.filter((m) => m.name === name);
    if (found.length === 0) problems.push(`no \`=== file: ${name} ===\` section`);
    else if (found.length > 1) problems.push(`${found.length} sections for ${name}`);
    else {
      const at = markers.indexOf(found[0]!);
      const text = fileText(answer.slice(found[0]!.end, markers[at + 1]?.start ?? answer.length));
      if (text === '') problems.push(`an empty section for ${name}`);
      else files.push({ name, text });
    }
  }
  return problems.length === 0 ? { ok: true, files } : { ok: false, message: `the answer has ${problems.join(', ')}` };
}

/** Trimmed of blank lines around it, ending in one newline; empty for no text. */
function fileText(text: string): string {
  const trimmed = text.replace(/^\s*\n/, '').trimEnd();
  return trimmed === '' ? '' : trimmed + '\n';
}
