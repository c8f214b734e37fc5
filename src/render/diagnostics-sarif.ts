import { createHash } from 'node:crypto';
import type { Diagnostic, LocatedDiagnostic, Severity } from '../diagnostics/diagnostic.ts';
import { lineIndexes, locateDiagnostics, type LocatedRange } from '../diagnostics/locate.ts';
import { rules } from '../diagnostics/rules.ts';
import { maskSecrets } from '../diagnostics/secrets.ts';

export interface SarifOptions {
  /** swarm's own version, reported as `tool.driver.version`. */
  version: string;
  /** Where to read about swarm, reported as `tool.driver.informationUri`. */
  informationUri?: string;
}

type SarifLevel = 'error' | 'warning' | 'note';
const levels: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/** The key GitHub code scanning reads; when present it uses ours instead of computing its own. */
export const FINGERPRINT_KEY = 'primaryLocationLineHash';

interface PhysicalLocation {
  artifactLocation: { uri: string; uriBaseId?: string };
  region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
}

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: SarifLevel;
  message: { text: string };
  locations: { physicalLocation: PhysicalLocation }[];
  relatedLocations?: { id: number; physicalLocation: PhysicalLocation; message: { text: string } }[];
  partialFingerprints: Record<string, string>;
}

const ruleIndexes = new Map<string, number>(rules.map((r, i) => [r.code, i]));

function sarifRules(): object[] {
  return rules.map((r) => ({
    id: r.code,
    name: r.name,
    shortDescription: { text: r.summary },
    defaultConfiguration: { level: levels[r.severity] },
  }));
}

/** Relative paths resolve against `%SRCROOT%`, which code scanning maps to the checkout. */
function artifactLocation(file: string): PhysicalLocation['artifactLocation'] {
  const path = file.replace(/\\/g, '/');
  const encoded = path.split('/').map(encodeURIComponent).join('/').replace(/%3A/g, ':');
  if (path.startsWith('/')) return { uri: `file://${encoded}` };
  if (/^[A-Za-z]:\//.test(path)) return { uri: `file:///${encoded}` };
  return { uri: encoded.replace(/^(\.\/)+/, ''), uriBaseId: '%SRCROOT%' };
}

function physicalLocation(file: string, r: LocatedRange): PhysicalLocation {
  return {
    artifactLocation: artifactLocation(file),
    region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
  };
}

/**
 * A fingerprint that survives the problem's line moving: it hashes the rule, the file and the
 * trimmed text of the line, plus which occurrence of that triple this is, but no line number.
 */
export function fingerprint(ruleId: string, file: string, lineText: string, occurrence: number): string {
  return createHash('sha256').update([ruleId, file, lineText.trim(), String(occurrence)].join('\0')).digest('hex');
}

/**
 * Renders a SARIF 2.1.0 log with one run, as GitHub code scanning accepts it. Columns count
 * UTF-16 code units and `endColumn` is exclusive, as SARIF defines them.
 */
export function renderSarif(diagnostics: Diagnostic[], sources: ReadonlyMap<string, string>, options: SarifOptions): string {
  const indexOf = lineIndexes(sources);
  const occurrences = new Map<string, number>();
  const results = locateDiagnostics(diagnostics, sources).map((d: LocatedDiagnostic): SarifResult => {
    const lineText = indexOf(d.file)?.lineText(d.line).trim() ?? '';
    const key = [d.code, d.file, lineText].join('\0');
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    const ruleIndex = ruleIndexes.get(d.code);
    const result: SarifResult = {
      ruleId: d.code,
      ...(ruleIndex === undefined ? {} : { ruleIndex }),
      level: levels[d.severity],
      message: { text: maskSecrets(d.help === undefined ? d.message : `${d.message}\nhelp: ${d.help}`) },
      locations: [{ physicalLocation: physicalLocation(d.file, d) }],
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(d.code, d.file, lineText, occurrence) },
    };
    if (d.related !== undefined) {
      result.relatedLocations = d.related.map((r, i) => ({
        id: i + 1,
        physicalLocation: physicalLocation(r.file, r),
        message: { text: maskSecrets(r.message) },
      }));
    }
    return result;
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'swarm', version: options.version, ...(options.informationUri ? { informationUri: options.informationUri } : {}), rules: sarifRules() } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
