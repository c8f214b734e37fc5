import { checkReportSchema, countSeverities, type Diagnostic } from '../diagnostics/diagnostic.ts';
import { locateDiagnostics } from '../diagnostics/locate.ts';

export interface JsonOptions {
  /**
   * Indent the output for people rather than tools.
   * @default false
   */
  pretty?: boolean;
}

/**
 * Renders `{"diagnostics":[…],"errors":N,"warnings":N}` followed by a newline. The report goes
 * through `checkReportSchema` first, so a malformed diagnostic (a bug) throws instead of
 * reaching a consumer; parsing also fixes the key order to the schema's.
 */
export function renderJson(diagnostics: Diagnostic[], sources: ReadonlyMap<string, string>, options: JsonOptions = {}): string {
  const located = locateDiagnostics(diagnostics, sources);
  const report = checkReportSchema.parse({ diagnostics: located, ...countSeverities(located) });
  return JSON.stringify(report, null, options.pretty === true ? 2 : undefined) + '\n';
}
