import type { Diagnostic, RelatedSpan, Severity } from '../diagnostics/diagnostic.ts';
import { rule, type RuleName } from '../diagnostics/rules.ts';
import type { Span } from '../language/span.ts';

export interface ReportOptions {
  help?: string | undefined;
  related?: RelatedSpan[];
  /** Overrides the rule's default severity, e.g. a warning-level agent-file finding. */
  severity?: Severity;
  /** The file the span is in, when it is not the workflow file (an agent file, say). */
  file?: string;
}

/** Collects diagnostics for one compilation. Checks call `report`; nothing is thrown. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  readonly file: string;

  constructor(file: string) {
    this.file = file;
  }

  report(name: RuleName, span: Span, message: string, options: ReportOptions = {}): void {
    const r = rule(name);
    const d: Diagnostic = { code: r.code, severity: options.severity ?? r.severity, message, file: options.file ?? this.file, span };
    if (options.help) d.help = options.help;
    if (options.related?.length) d.related = options.related;
    this.diagnostics.push(d);
  }

  related(span: Span, message: string, file = this.file): RelatedSpan {
    return { file, span, message };
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === 'error');
  }
}
