import { firstName, type Student } from './student.ts';

/**
 * What Marie can honestly write about a name with no file, no attendance rows and no casting:
 * say what is missing, guess nothing, and still give the family something safe and useful.
 */
export function unknownStudent(name: string, roster: string[]): Student {
  const first = firstName(name);
  const known = roster.join(', ');
  return {
    name,
    routines: [],
    evaluation: {
      document: `# ${name} — Fall 2026 evaluation (incomplete)

**Status: partial.** I could not find ${name} in the studio records, so this evaluation has no
content I can stand behind yet.

## What I looked for

- **students/**: no file for ${name}. The folder holds files for ${known}.
- **attendance/fall-2026.csv**: no rows under this name (7 September – 24 November).
- **choreography/**: not cast in either showcase routine under this name.

## What this means

Every claim in an evaluation has to trace back to a dated note or an attendance row, so I have
not written strengths, areas to develop, showcase readiness or goals from memory. I have not
answered any pointe question either: that needs the readiness criteria checked in class.

## Notes for the office (internal)

- Check the spelling of the name given for this run against the class lists.
- If ${first} is new this term or takes only classes without teacher notes, open a student file
  (details, classes, media consent, medical notes) and I will write the evaluation from it.
- Media consent: unknown. Nothing about ${first} may be used publicly until a form is on file.
`,
      summary: `No evaluation could be written for ${name}: there is no file in students/ (the folder holds ${known}), no rows in attendance/fall-2026.csv and no casting in choreography/ under that name. Strengths, areas to develop, goals, showcase readiness and the pointe question are left open rather than guessed. Media consent is unknown. The office should check the spelling or open a student file.`,
      findings: [
        `${name}: no student file in students/ and no rows in attendance/fall-2026.csv; evaluation left incomplete`,
        `${name}: not cast in either routine in choreography/ under this name`,
        `${name}: media consent unknown, so nothing may be used publicly`,
        `Office: check the name's spelling, or open a student file so the evaluation can be written`,
      ],
    },
    placement: {
      document: `# ${name} — Winter 2027 placement (on hold)

I cannot place ${name} yet: there is no student file or attendance record under this name, and
the evaluation was left incomplete for that reason.

Placement is by skill, not only age (curriculum/ballet-levels.md), so I will not guess a level.
Once the office has found or opened ${first}'s file:

1. If ${first} has been in one of my classes this term, I will confirm the level against its
   move-up criteria and reply within a day.
2. If ${first} is new to the studio, the family books a trial class at the level matching
   their age in classes/winter-2027-schedule.md, and I place them after it.

Registration opens to current families on Wednesday 2 December; the fee is waived before
Friday 18 December, so this should be settled in the first week.
`,
      summary: `No winter 2027 placement for ${name}: with no student file and no evaluation there is nothing to check the level, age range or prerequisites against. Once the office finds or opens the file, Marie confirms the level from the curriculum's move-up criteria, or the family books a trial class first. To settle before the fee waiver ends on 18 December.`,
      findings: [
        `${name}: placement on hold until a student file exists; no level guessed`,
        `Office: find or open ${first}'s file before 18 December so the family keeps the fee waiver`,
      ],
    },
    practicePlan: {
      document: `# Winter break practice plan for ${first}

**19 December to 10 January.** I have no class notes for ${first} yet, so this is the safe
general plan from our curriculum, not one aimed at particular corrections. Three sessions a week
(for example Saturday, Monday and Wednesday), about 15 minutes each, with a chair to hold.

1. **Warm-up (3 minutes).** March on the spot for a minute; 8 ankle circles each way per foot.
2. **Pliés and relevés at the chair (4 minutes).** 8 slow pliés in first position, then 2 × 8
   relevés: up for 2 counts, down for 2, heels rising straight.
3. **Pointed feet (3 minutes).** Sitting with legs long: point for 4 counts, flex for 4, 8 times.
4. **Balance (2 minutes).** Stand on one foot holding the chair, then let go for 5 seconds;
   3 times on each side.
5. **Port de bras and music (3 minutes).** Arms through first, second and fifth to a favourite
   piece, counting aloud.

**For a parent:** watch that the knees stay over the toes in plié, and that the feet do not
roll in or out in relevé.

**Do not practise alone:** pointe work of any kind, turns on carpet or in socks, jumps on hard
floors, forced turnout, splits or big stretches on a cold body.
`,
      summary: `Wrote a general, safe three-week plan for ${name} (19 December to 10 January, three 15-minute sessions a week: warm-up, pliés and relevés at a chair, pointed feet, balance, port de bras), since there were no class notes to aim it at particular areas. It lists what a parent should watch for and the curriculum's list of what not to practise alone.`,
      findings: [
        `${name}: practice plan is the curriculum's general safe routine; not tailored, as no notes exist`,
        `${name}: plan excludes pointe, turns on carpet or in socks, jumps on hard floors, forced turnout and cold stretching`,
      ],
    },
    newsletter: {
      document: `# Spotlight: the fall term

This term every class has been getting ready for the winter showcase, and the progress shows.
Ballet dancers are holding their balances longer and finishing their turns with care. Jazz and
hip-hop classes have learned whole routines, counts and all, and our youngest dancers now know
their places on stage without looking round. Just as important, students are helping each other
with counts and cheering each other on. Come and see what a term of steady work looks like, on
Saturday 12 December at 2 pm at the Riverside Community Theatre.

## Subject-line ideas for the December issue

1. Winter registration is open: 4 new classes
2. Showcase week: see you on Saturday 12 December

*Not a named spotlight: Marie's findings show no student file and no media consent on record,
so the paragraph celebrates the whole term instead. Swap in a named spotlight once a consent
form is on file.*
`,
      summary: `Drafted a Spotlight paragraph about the whole fall term instead of ${name}: Marie's findings say no student file or media consent is on record, so no child is named. Two subject lines: "Winter registration is open: 4 new classes" and "Showcase week: see you on Saturday 12 December".`,
      findings: [
        `Spotlight not written about ${name}: no media consent on record; paragraph celebrates the whole term instead`,
        'Subject lines (both under 50 characters): "Winter registration is open: 4 new classes"; "Showcase week: see you on Saturday 12 December"',
      ],
    },
    parentLetter: {
      document: `Dear parents and guardians of ${first},

Thank you for a lovely fall term with us. I wanted to send ${first}'s end-of-term evaluation
home with this letter, but I could not find ${first}'s student record in our files, and I only
write evaluations from my dated class notes and the attendance register.

So the office will be in touch this week to check our records with you. As soon as they are in
order, I will write the full evaluation, recommend ${first}'s winter classes, and send a practice
plan aimed at what ${first} is working on. In the meantime, a simple, safe practice plan for the
winter break is enclosed: three short sessions a week, holding a chair, with no turning in socks
and no jumping on hard floors.

**The one thing to do next:** register for winter before **Friday 18 December**, and the
registration fee is waived. If you are unsure which class to choose, register for the class you
are in now and I will confirm it.

See you in the studio,
Marie
`,
      summary: `Wrote a short letter to ${name}'s family explaining that the evaluation is waiting on the studio's records, that the office will be in touch, that a general safe practice plan is enclosed, and that they should register before Friday 18 December to have the fee waived.`,
      findings: [
        `Letter to ${name}'s family: evaluation pending records; office to contact them this week`,
        'Letter asks the family to register before Friday 18 December to have the fee waived',
      ],
    },
  };
}
