import { agent, bash, finish, read, write, type TaskAuthor } from '../conversation.ts';
import { patchAuditKey } from './agent-reports.ts';
import { onPatchedCopy, serverProbe, winterRun } from './desk-commands.ts';
import { enrolmentFixFindings, enrolmentFixReport, enrolmentFixSummary } from './enrolment-fix-report.ts';
import { enrolmentPatch } from './enrolment-patch.ts';

// The existing suite, run inside the patched copy.
const suite = String.raw`(cd "$WS" && node --test 2>&1 | grep -E "^ℹ (tests|pass|fail)")`;

/**
 * Anga's planned fix: the patch written from the code as it stands, proved on scratch copies
 * (Monday's experiment, the test suite, the server requests) and re-checked by the
 * security-reviewer, with the install steps for the office. The workspace stays untouched.
 */
export const fixEnrolment: TaskAuthor = (c) => {
  const ws = c.place.material;
  const patch = c.out('enrolment-fix.patch');
  return [
    read(c.at('src/age.ts'), "I'll write the patch from the code as it stands, file by file."),
    read(c.at('src/tuition.ts')),
    read(c.at('src/booking.ts')),
    read(c.at('src/server.ts')),
    write(patch, enrolmentPatch, 'Seven fixes in four files. Writing them as one patch for patch -p1.'),
    bash(
      onPatchedCopy(ws, patch, `${winterRun}\n${suite}`),
      "Apply the patch to a scratch copy, re-run Monday's check and the tests on it, remove the copy",
      "Applying it to a scratch copy and re-running Monday's check there.",
    ),
    bash(
      onPatchedCopy(ws, patch, serverProbe),
      'The same requests against a patched local server, then stop it and remove the copy',
      'Everyone enrolled, the Thompsons at 232.80, tests pass. Now the server requests on a patched copy.',
    ),
    agent(
      'security-reviewer',
      'Re-check the server patch',
      `${patchAuditKey} in ${patch} against ${c.at('src/server.ts')} (read-only). Is the /invoices/ traversal closed for encoded, absolute and nested names while real invoice names still open? Is there any default admin token left? Does /tuition still return personal data? Say what stays open.`,
      'Traversal 404, token refused, no children in the quote. Asking the security-reviewer to re-check the server changes.',
    ),
    write(c.out('enrolment-fix.md'), enrolmentFixReport, "The reviewer agrees. Writing the go / no-go and the install steps."),
    finish({ summary: enrolmentFixSummary, findings: enrolmentFixFindings, artifacts: ['enrolment-fix.patch', 'enrolment-fix.md'] }),
  ];
};

