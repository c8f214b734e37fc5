import { z } from 'zod';
import type { Span } from '../language/span.ts';

export const severities = ['error', 'warning', 'info'] as const;
export type Severity = (typeof severities)[number];

/** A secondary location, such as "first defined here". */
export interface RelatedSpan {
  file: string;
  span: Span;
  message: string;
}

/**
 * A problem in user input. Diagnostics are data: every phase produces this one shape, and
 * `src/render/` turns it into text, JSON, SARIF or GitHub annotations.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  help?: string;
  file: string;
  span: Span;
  related?: RelatedSpan[];
}

const located = {
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endLine: z.number().int().min(1),
  endColumn: z.number().int().min(1),
};

export const locatedRelatedSchema = z.object({ ...located, message: z.string() });

/** The public, 1-based form printed by `swarm check --format json`. */
export const locatedDiagnosticSchema = z.object({
  code: z.string().regex(/^SW\d{4}$/),
  severity: z.enum(severities),
  message: z.string(),
  help: z.string().optional(),
  ...located,
  related: z.array(locatedRelatedSchema).optional(),
});
export type LocatedDiagnostic = z.infer<typeof locatedDiagnosticSchema>;
export type LocatedRelated = z.infer<typeof locatedRelatedSchema>;

export const checkReportSchema = z.object({
  diagnostics: z.array(locatedDiagnosticSchema),
  errors: z.number().int().min(0),
  warnings: z.number().int().min(0),
});
export type CheckReport = z.infer<typeof checkReportSchema>;

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Orders by file, then position, then severity, so output is deterministic. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.span.start !== b.span.start) return a.span.start - b.span.start;
  if (a.severity !== b.severity) return severityRank[a.severity] - severityRank[b.severity];
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

export function bySeverityFirst(a: LocatedDiagnostic, b: LocatedDiagnostic): number {
  return severityRank[a.severity] - severityRank[b.severity];
}

export function countSeverities(diagnostics: readonly { severity: Severity }[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return { errors, warnings };
}
