import { renderArtifacts, renderFindings } from '../runtime/render-template.ts';
import type { ArtifactText } from './read-artifacts.ts';
import type { UpstreamEntry } from './upstream.ts';

/** How much of the upstream work one request may carry. */
export interface SectionCaps {
  /** The most characters of one artifact, or of one upstream result's text. */
  perFileChars: number;
  /** The most characters of all artifacts together. */
  totalChars: number;
}

/** Each finished upstream node: its text, findings and artifact paths. */
export function upstreamSection(upstream: readonly UpstreamEntry[], caps: SectionCaps, runDir?: string): string {
  const entries = upstream.map((u) => {
    const text = cut(u.result.result, caps.perFileChars);
    return [
      `<result node="${attr(u.id)}"${u.worker === undefined ? '' : ` worker="${attr(u.worker)}"`}>`,
      text.shown + (text.cut ? `\n${cutLine(text.shown.length, `${count(u.result.result.length)}-character result`)}` : ''),
      '',
      'Findings:',
      renderFindings(u.result.findings),
      '',
      'Artifacts:',
      renderArtifacts(u.result.artifacts, runDir),
      '</result>',
    ].join('\n');
  });
  return ['<upstream-results>', ...(entries.length > 0 ? entries : ['(no upstream node has a result)']), '</upstream-results>'].join('\n');
}

/**
 * Each artifact under its path, cut to the caps. Earlier files get the room first: they are
 * the upstream nodes' in plan order, so the later (planned) work is what a tight cap loses.
 */
export function artifactSection(artifacts: readonly ArtifactText[], caps: SectionCaps): string {
  let room = caps.totalChars;
  const entries = artifacts.map((a) => {
    const head = `<artifact path="${attr(a.path)}" bytes="${a.bytes}"`;
    if (a.text === undefined) return `${head} omitted="${attr(a.note ?? 'not read')}"/>`;
    if (room <= 0 && a.text.length > 0) {
      return `${head} omitted="not included: the request already holds ${count(caps.totalChars)} characters of artifacts, its limit"/>`;
    }
    const text = cut(a.text, Math.min(caps.perFileChars, room));
    room -= text.shown.length;
    // A read limit shortens the text too: the note then says so even when the request cut nothing.
    const short = text.cut || a.note !== undefined;
    const tail = short ? `\n${cutLine(text.shown.length, `${count(a.bytes)}-byte file`)}` : '';
    return `${head}>\n${text.shown}${tail}\n</artifact>`;
  });
  return ['<artifacts>', ...(entries.length > 0 ? entries : ['(no upstream node produced a file)']), '</artifacts>'].join('\n');
}

function cutLine(shown: number, of: string): string {
  return `[swarm: cut here; the rest is not included: ${count(shown)} characters shown of a ${of}]`;
}

/** The first `max` characters, never splitting a surrogate pair. */
function cut(text: string, max: number): { shown: string; cut: boolean } {
  if (text.length <= max) return { shown: text, cut: false };
  let end = Math.max(0, max);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { shown: text.slice(0, end), cut: true };
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
