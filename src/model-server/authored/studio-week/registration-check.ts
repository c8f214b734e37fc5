import { agent, bash, finish, glob, read, write, type TaskAuthor } from '../conversation.ts';
import { quickAuditKey } from './agent-reports.ts';
import { inDesk, serverProbe, winterRun } from './desk-commands.ts';
import { registrationFindings, registrationReport, registrationSummary } from './registration-report.ts';

/**
 * Anga's Monday check of studio-desk, which is read-only here: the README's rules, the code that
 * enrols and bills, the real students run through it on the winter start date, a quick audit by
 * the security-reviewer confirmed on a local server, then the go / no-go with the patches.
 */
export const registrationCheck: TaskAuthor = (c) => {
  const ws = c.place.material;
  return [
    read(c.at('README.md'), "I'll start with the README's business rules, then the code that enrols and bills."),
    glob('*.ts', c.at('src')),
    read(c.at('src/age.ts')),
    read(c.at('src/booking.ts')),
    read(c.at('src/tuition.ts')),
    read(c.at('data/studio.json'), 'Now the real records, to run each rule on them.'),
    bash(
      inDesk(ws, winterRun),
      'Enrol the real students on 11 January 2027, bill each family for January, fill a class and a waitlist',
      'The age and discount code look wrong on reading. Checking on the real students with the winter start date, 11 January 2027.',
    ),
    agent(
      'security-reviewer',
      'Quick audit of the server',
      `${quickAuditKey} before winter registration. Files: ${c.at('src/server.ts')} and what it reads (${c.at('src/data.ts')}, ${c.at('data/studio.json')}). Read-only.
Who reaches what: parents open /invoices/<name> from the link in the monthly e-mail, and will this week; /tuition is the front-desk tablet's; /admin/contacts.csv is staff only and holds children's birthdates and parents' phones.
Most severe issues only, each with the request that triggers it.`,
      'Three children refused and one family undercharged. Next, the security-reviewer on the server that parents reach this week.',
    ),
    read(c.at('src/server.ts'), "Checking the reviewer's findings against the code."),
    bash(
      inDesk(ws, serverProbe),
      'Start studio-desk on a free local port, try each finding, stop it',
      'All four hold on reading. Confirming the ones that matter this week on a local server, then stopping it.',
    ),
    write(c.out('registration-check.md'), registrationReport, 'Everything reproduced. Writing the go / no-go with the patches.'),
    finish({ summary: registrationSummary, findings: registrationFindings, artifacts: ['registration-check.md'] }),
  ];
};
