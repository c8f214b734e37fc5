import { agent, finish, glob, grepLines, read, write, type TaskAuthor } from '../conversation.ts';
import { studioCheckFindings, studioCheckReport, studioCheckSummary } from './studio-check-report.ts';

/**
 * Marie's Monday check: who is in the records, attendance from the auditor, checked against
 * Ava's rows and file, both routines from the analyzer, checked against the rehearsal notes,
 * then what she has already said about winter, before she writes the report.
 */
export const studioCheck: TaskAuthor = (c) => [
  glob('*.md', c.at('students'), "I'll start with who has a file in students/, so I only name students with a record."),
  agent(
    'attendance-auditor',
    'Attendance 9 to 24 November',
    `Attendance file: ${c.at('attendance/fall-2026.csv')}
Range: 9 to 24 November 2026 (rows dated 2026-11-09 to 2026-11-24 only).
For every student and class in the range: counts, rate, and any streak of two or more missed sessions in a row, with the notes on those rows. Flag whose family I should call before the spacing rehearsal on Saturday 5 December, and for anyone you flag give their rate for the whole term too.`,
    'Five student files. First the attendance for 9 to 24 November, from the attendance-auditor.',
  ),
  grepLines('Ava Thompson', c.at('attendance/fall-2026.csv'), {}, "Only Ava is flagged. Checking her rows myself before I call anyone."),
  read(c.at('students/ava-thompson.md')),
  agent(
    'choreography-analyzer',
    'Both showcase routines',
    `Routine files:
- ${c.at('choreography/winter-showcase-snowflakes.md')}
- ${c.at('choreography/winter-showcase-jingle-bell-rock.md')}
Curriculum: ${c.at('curriculum/ballet-levels.md')}

Go through both routines section by section: which sections are not yet clean, from the rehearsal notes, and which dancers' parts are at risk.
Dancers to judge:
- Emma Rodriguez, 11, Ballet 3 (Snowflake 3, leads the section B diagonal, "First Snow" understudy; Jingle Bell Rock front row centre left): left single pirouette clean 3 of 5 (11 Nov), often late into the final circle (16 Nov), lifts the hip in the solo's développé (18 Nov).
- Ava Thompson, 10, Jazz 2 (Jingle Bell Rock front row centre right): absent 12 and 19 Nov.
The spacing rehearsal is on Saturday 5 December.`,
    "Her rows and her file agree with the auditor: five classes missed since 12 November, no message. Now the routines, with the choreography-analyzer.",
  ),
  read(c.at('choreography/winter-showcase-snowflakes.md'), "Checking the analyzer's section C and finale points against my rehearsal notes."),
  read(c.at('students/emma-rodriguez.md')),
  grepLines('Ballet 6|Ballet 2|pre-pointe|second ballet class', c.at('students'), { glob: '*.md' }, 'Now the decisions: what I have already told families about winter.'),
  grepLines('Ballet 6|Pre-Pointe', c.at('classes/winter-2027-schedule.md')),
  grepLines('relevés on each foot', c.at('curriculum/ballet-levels.md')),
  write(c.out('studio-check.md'), studioCheckReport, 'Everything checks out against the records. Writing the report.'),
  finish({ summary: studioCheckSummary, findings: studioCheckFindings, artifacts: ['studio-check.md'] }),
];
