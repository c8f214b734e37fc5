/** The documents Fabien writes on workflows/campaign-launch.swarm, from the data in workflows/campaign. */

export const analysis = `# What has worked: newsletter and social data, January 2025 to November 2026

Sources: newsletter-history.csv (29 sends), social-2026.csv (17 posts), segments.csv. Open rate =
unique opens / delivered; click rate = unique clicks / delivered; registrations are the
\`registrations_7d\` column. Averages are of per-send rates. With lists of 400 to 800 people,
differences under about 5 points are not evidence, and groups under 5 sends are hints only.

## 1. Day and time, within the same segment

| Segment | Day, time | n | Open | Click |
|---------|-----------|--:|-----:|------:|
| families | Tue 19:00 | 15 | 53.8% | 11.9% |
| families | Thu 19:00 | 2 | 58.9% | 11.0% |
| all | Tue 19:00 | 4 | 53.8% | 12.0% |
| all | Sat 09:00 | 6 | 37.2% | 5.0% |
| all | Sat 09:00, without the holiday send | 5 | 38.4% | 5.5% |

- **To everyone, Tuesday 19:00 beats Saturday 09:00 by about 15 points** on opens and more than
  double on clicks. Part of that is content: the Tuesday sends were the big announcements
  (registration opens, open house), the Saturday ones mostly reminders.
- **For families there is no clear winner.** Both Thursday sends were Spotlights, which do well
  on any day (see 2), and n = 2.
- There are no Wednesday sends in the data. Every strong send went out at 19:00.

## 2. Subject lines (families, so the audience is the same)

| Kind | n | Open | Click |
|------|--:|-----:|------:|
| Dates and deadlines (showcase tickets and call times) | 4 | 59.9% | 23.4% |
| Spotlights ("Spotlight: Jazz 2 learns to leap") | 4 | 58.5% | 10.1% |
| Generic ("October newsletter") | 6 | 47.1% | 5.2% |

Each group is under 5 sends, but the pattern holds every time: all four Spotlights and all four
date sends opened better than all six generic titles (best generic 48.1%, worst Spotlight 56.6%).
Sends with a concrete date and a link get twice the clicks of Spotlights.

## 3. Registrations in the 7 days after a registration send

| Send | Segment | Delivered | Registrations | Per 100 delivered |
|------|---------|----------:|--------------:|------------------:|
| Tue 12 Aug 2025, "Fall registration opens Monday" | all | 672 | 41 | 6.1 |
| Tue 11 Aug 2026, "Fall registration opens Monday 17 August" | all | 788 | 46 | 5.8 |
| Sat 24 Oct 2026, "Adult Beginner Ballet: waitlist open" | adults | 116 | 9 | 7.8 |
| Sat 30 Aug 2025, "Fall classes start 8 September" | all | 676 | 12 | 1.8 |
| Sat 18 Jan 2025, "Last spots in winter classes" | all | 607 | 6 | 1.0 |
| Sat 14 Jun 2025, "Summer intensive: 6 places left" | all | 655 | 5 | 0.8 |
| Sat 24 Jan 2026, "Still time to join winter classes" | all | 727 | 4 | 0.6 |
| Tue 1 Sep 2026, "Welcome back! Fall timetable inside" | prospects-import | 142 | 2 | 1.4 |

The **opening announcement does the work**: about 6 registrations per 100 delivered, three to ten
times any reminder. Both openers had the fee waived for early registration. Winter reminders in
January have been our weakest sends.

## 4. The two paid boosts (social-2026.csv)

| Post | Paid | Reach | Reach per 1.00 | Link clicks | Cost per click | Sign-ups |
|------|-----:|------:|---------------:|------------:|---------------:|----------|
| 4 Mar, reel, open house teaser | 60.00, 5 days | 6,350 | 105.8 | 83 | 0.72 | not recorded |
| 14 Oct, reel, "Adult beginners: it's never too late" | 80.00, 7 days | 7,840 | 98.0 | 102 | 0.78 | 9 waitlist sign-ups |

Unboosted reels averaged 5,582 reach and 23.4 link clicks (n = 5); the "Showcase highlights"
reel reached 9,120 without paying. So **boosts bought clicks, not much reach**: 60 to 80 extra
clicks for 60.00 to 80.00, about 1.00 a click. The 9 adult sign-ups are probably the same 9
people the adults e-mail of 24 October reports (the waitlist is 9 in total), so 8.89 per sign-up
is the best case, not a measured figure.

The unboosted **Fall timetable carousel** (13 August) had the most link clicks of the year: 121
on Instagram and 74 on Facebook.

## 5. Outliers

- **14 Apr 2026, "April newsletter":** 0.6% clicks; the notes say the timetable link was broken.
- **20 Dec 2025, holiday greeting:** 31.2% opens, the lowest to "all"; a holiday weekend.
- **1 Sep 2026, imported old trial contacts:** 21.1% opens and **13.4% unsubscribed** (19 of 142).
- **2 Jun 2026, Adult Ballet Spotlight to "all":** 54.8%, the only Spotlight outside families.

Without the broken-link send, families Tuesday clicks rise from 11.9% to 12.7%; no conclusion
above changes.

## Checked by hand

- Tue 11 Aug 2026: 426 / 788 = 54.1% opens, 116 / 788 = 14.7% clicks, 46 / 788 = 5.8 per 100.
  Matches the analyst.
- Sat 20 Dec 2025: 224 / 717 = 31.2% opens, 15 / 717 = 2.1% clicks. Matches.
- Boost of 14 Oct: 80.00 / 102 = 0.78 a click. Matches.

## What we will do differently

1. **Send every e-mail at 19:00, and none to "all" on Saturday mornings.** The two registration
   dates (Wednesday 2 and 9 December) are fixed by the brief; keep the evening slot.
2. **No generic subject lines.** Every subject names a date, a class or a dancer.
3. **Put the effort into the two opening e-mails** (2 and 9 December), and make the one
   reminder about a real deadline (fee waived until Friday 18 December), not "still time".
4. **Boost for clicks to one action**, about 1.00 a click, and record the sign-ups that follow
   each boost separately from the e-mail's.
5. **Repeat the timetable carousel** on both registration dates; it is our best free post.
6. **Never e-mail old imported contacts** without fresh consent (13.4% unsubscribed).
7. **Test every link before the owner approves a send.**
`;

export const campaignPlan = `# Winter/Spring 2027 enrolment campaign plan

Written from brief.md, segments.csv, winter-2027-timetable.md and analysis.md. Paid social
budget: 600.00; printing: 150.00.

## Goal

By **Friday 15 January 2027**: 124 of 138 fall students re-enrolled (90%); 30 new students, at
least 10 of them adults and at least 8 in Ballet 3/4, Pre-Pointe Conditioning or Turns & Jumps
Lab; and every new class at its minimum of 6 by **Monday 4 January**.

## Audience

| Segment (segments.csv) | Contacts | Last 90 days open | What we ask |
|------------------------|---------:|------------------:|-------------|
| families | 497 | 56.2% | Re-enrol by 18 December; add Pre-Pointe Conditioning or Turns & Jumps Lab |
| adults | 118 | 43.1% | Adult Beginner Ballet II (Sunday); includes the 9 on the waitlist |
| prospects | 188 | 33.8% | Register from 9 December; open house 9 January |
| alumni | 121 | 27.6% | Come back: open house 9 January |

Plus local families with children 4 to 12 within about 10 km, reached through two primary
schools' book bags, the showcase audience (about 250) and paid social.

## Message

**"A place for every dancer this winter: four new classes, and the fee waived until
18 December."** The proof: the new classes themselves (Ballet 6, Pre-Pointe Conditioning,
Turns & Jumps Lab, Adult Beginner Ballet II), the showcase on 12 December, and a fall waitlist
of 9 adults.

## Channels

- **E-mail** carries re-enrolment: the opening send brings about 6 registrations per 100
  delivered, reminders about 1 (analysis.md, 3). Every send at 19:00, with a specific subject.
- **Teachers** carry the new supporting classes and Ballet 6: Marie's end-of-term evaluations
  and invitations, Jamal in Jazz 2.
- **Social**: the timetable carousel (our best free post) on both registration dates; reels for
  the new classes and the open house, with no children's faces unless consent is on file.
- **Paid social** buys clicks at about 1.00 each (analysis.md, 4): only behind pieces with one
  action.
- **Print**: flyers in two primary schools' book bags (week of 7 December), the showcase
  programme's half-page ad, and a poster in the theatre foyer.

## Calendar

| Date | Channel | Segment | Piece | Owner |
|------|---------|---------|-------|-------|
| Wed 2 Dec, 19:00 | E-mail | families | Winter registration is open: re-enrol, new classes, fee waived until 18 Dec | Fabien; owner approves |
| Wed 2 Dec | Instagram carousel | organic | Winter timetable: 4 new classes | Fabien |
| Wed 2 Dec | Personal e-mail | adults (the 9 on the waitlist) | A place in Adult Beginner Ballet II, first offer [OWNER TO CONFIRM they may register on 2 Dec] | Marie |
| Thu 3 – Fri 4 Dec | In class | Ballet 5, Ballet 3/4, Jazz 2 | Ballet 6 invitations; Pre-Pointe and Turns & Jumps Lab recommendations | Marie, Jamal |
| Sat 5 Dec | Instagram reel | organic | What happens in Pre-Pointe Conditioning (feet and ankles only) | Fabien |
| Mon 7 Dec | Print | showcase audience | Programme half-page ad, due to the printer | Fabien |
| Week of 7 Dec | Print | local families | Flyers home in book bags, two primary schools | Fabien |
| Tue 8 Dec, 19:00 | E-mail | families | December newsletter: showcase call times, Spotlight, "fee waived until 18 Dec" | Fabien; owner approves |
| Wed 9 Dec, 19:00 | E-mail | prospects, alumni, adults | Winter registration is open to everyone | Fabien; owner approves |
| Wed 9 – Tue 15 Dec | Instagram + Facebook reel, boosted | adults within 10 km | Adult Beginner Ballet II, Sunday mornings | Fabien |
| Thu 10 – Tue 15 Dec | Facebook carousel, boosted | parents within 10 km | Winter timetable, now open to everyone | Fabien |
| Sat 12 Dec, 14:00 | Showcase | about 250 in the audience | Programme ad and foyer poster, QR code to the timetable | Fabien |
| Mon 14 Dec | Tracker | — | On-track check; decide on the reserve | Fabien, owner |
| Tue 15 Dec, 19:00 | E-mail | families | Three days left: fee waived until Friday 18 December | Fabien; owner approves |
| Tue 22 Dec, 19:00 | E-mail | all | The one holiday greeting, with the open house date | Fabien; owner approves |
| Mon 4 Jan | Decision | — | Each new class at 6 or more? Cancel below 6 | Owner |
| Tue 5 Jan, 19:00 | E-mail | prospects, alumni, adults | Open house Saturday 9 January, free trial classes | Fabien; owner approves |
| Mon 4 – Fri 8 Jan | Instagram reel, boosted | parents and adults within 10 km | Open house Saturday 9 January | Fabien |
| Wed 6 Jan | E-mail | families of any cancelled class | The class will not run; alternatives | Marie |
| Sat 9 Jan, 10:00–13:00 | Open house | everyone | Trial classes every 30 minutes; "bring a friend" | Marie, all teachers |
| Mon 11 Jan | — | — | Winter term starts | — |
| Fri 15 Jan | Tracker | — | Goals measured | Fabien |

No sends between 19 December and 1 January except the holiday greeting.

### Each new class to 6 by Monday 4 January

- **Ballet 6** (8 places, by invitation): Marie invites the Ballet 5 students she judges ready
  (7 in Ballet 5 this fall) in person by Friday 4 December, with a letter home. Not marketed
  publicly. Target: 6 acceptances by 18 December.
- **Pre-Pointe Conditioning** (10 places): recommended in the end-of-term evaluations of Ballet 3
  and 4 students who ask about pointe; a section in the 2 December e-mail; the 5 December reel
  (the February pointe-shoe explainer drew 88 saves and 31 parent questions).
- **Turns & Jumps Lab** (12 places): Jamal tells Jazz 2 (13 students) on Thursday 3 December;
  a section in the 2 December e-mail; open to Ballet 3 students too.
- **Adult Beginner Ballet II** (16 places): first offer to the 9 on the waitlist on 2 December;
  then the 9 December e-mail and the boosted reel.

## Budget

| Item | When | Amount |
|------|------|-------:|
| Adult Beginner Ballet II reel | 9–15 Dec | 150.00 |
| Winter timetable carousel, Facebook | 10–15 Dec | 100.00 |
| Reserve: the new class furthest from 6 on 14 Dec | 15–18 Dec | 50.00 |
| Open house reel | 4–8 Jan | 200.00 |
| Adult Beginner Ballet II, second push | 4–8 Jan | 100.00 |
| **Paid social total** | | **600.00** |
| Flyers for two schools and a foyer poster | by 4 Dec | 150.00 [PRICE TO CONFIRM with the printer] |

The open house gets the most because it brings new students, and our March boost (60.00) bought
83 clicks before the last open house. No boosting during the closure, when nobody answers.

## Measurement

| KPI | Baseline | Target |
|-----|----------|--------|
| Re-enrolled fall students | [BASELINE TO CONFIRM: last winter's rate, from the office] | 124 by 15 Jan |
| New students | 14 trial bookings at the March 2026 open house | 30 by 15 Jan (10 adults, 8 in Ballet 3/4 or supporting) |
| Students per new class | — | 6 each by 4 Jan |
| Opens, registration e-mails | 54.1% (registration opener, 11 Aug 2026) | 55% families; 40% prospects, alumni, adults |
| Registrations in 7 days per send | 5.8 per 100 delivered (11 Aug 2026) | 30 after 2 Dec; 15 after 9 Dec |
| Paid cost per link click | 0.72–0.78 | 1.00 or less |

Tracked every Monday in tracker.md, from the registration system and the e-mail tool.

## Risks

- **A new class stays under 6.** Reserve on 14 Dec, teacher calls; if still short on 4 January,
  cancel and offer the nearest class by 6 January.
- **The registration software is not ready on 2 December.** The e-mail waits for it; same time
  the next evening.
- **Photos without consent.** Feet, silhouettes and costumes only, unless consent is on file.
- **Low opens on 9 December** (prospects and alumni open at 33.8% and 27.6%): the book-bag flyers
  and the showcase reach the same local families in the same week.
- **To confirm with the owner:** the 9 waitlisted adults registering on 2 December; the printing
  quote.
`;

export const familiesEmail = `# E-mail: winter registration for current families

**Send:** Wednesday 2 December 2026, 19:00 · **Segment:** families (497) · **Approval:** owner

**Subject A:** Winter registration is open: 4 new classes
**Subject B:** Register for winter by 18 December, fee waived

**Preview text:** Keep your place for 11 January, a week before everyone else.

---

Dear families,

Winter registration opens for you today, Wednesday 2 December, a week before it opens to
everyone else. The winter term runs from Monday 11 January to Saturday 27 March.

Register before Friday 18 December and the registration fee of 25.00 is waived.

Four new classes this winter:

- **Pre-Pointe Conditioning** (ages 11–14), Wednesday 18:15–18:45: ankle, foot and core
  strength before pointe shoes. For dancers in Ballet 3 or above.
- **Turns & Jumps Lab** (ages 10–13), Saturday 11:00–11:45: spotting, turns and landings. For
  dancers in Ballet 3 or Jazz 2.
- **Ballet 6** (pre-professional, 14+), Monday, Thursday and Saturday, by invitation from Marie.
- **Adult Beginner Ballet II**, Sunday 10:00–11:00: a second class for grown-ups.

Not sure which class is right? Your child's end-of-term evaluation includes Marie's
recommendation. The 10% sibling discount continues for second and further children.

**[Register for winter](REGISTRATION LINK)**

See you in the studio,
Marie
`;

export const publicEmail = `# E-mail: winter registration open to everyone

**Send:** Wednesday 9 December 2026, 19:00 · **Segments:** prospects (188), alumni (121),
adults (118) · **Approval:** owner

**Subject A:** Winter dance classes, open to everyone
**Subject B:** New: Adult Beginner Ballet II on Sundays

**Preview text:** Classes for ages 4 to adult from 11 January. Fee waived until 18 December.

---

Hello,

Registration for our winter term is now open to everyone. Classes run from Monday 11 January to
Saturday 27 March, for dancers from age 4 to adult.

New this winter:

- **Adult Beginner Ballet II**, Sunday 10:00–11:00. Our Wednesday class for adult beginners
  filled up, with a waitlist, so we have opened a second one. No experience needed.
- **Turns & Jumps Lab** (ages 10–13), Saturday 11:00–11:45, and **Pre-Pointe Conditioning**
  (ages 11–14), Wednesday 18:15–18:45, for dancers already at Ballet 3 level (or Jazz 2, for
  the Lab).

Ballet 3 (ages 10–12), Ballet 4 (ages 12–14) and Jazz 3 (ages 12–15) also have places; Marie
places new dancers by level.

Register before Friday 18 December and the registration fee of 25.00 is waived. Not sure where to
start? Come to our open house on Saturday 9 January, 10:00–13:00, with free trial classes every
30 minutes.

**[See the winter timetable and register](REGISTRATION LINK)**

See you in the studio,
Marie
`;

export const socialPosts = `# Social posts: first two weeks of December

Four posts from the campaign plan. Captions checked by the copy-editor against brand-voice.md.
No children's faces in any shot: feet, silhouettes, costumes and adults who have agreed.
Paid total in these two weeks: 250.00 of the 600.00.

## 1. Wednesday 2 December · Instagram · carousel · not boosted

**Caption:** Winter timetable: four new classes, from Monday 11 January. Current families can
register from today, everyone from Wednesday 9 December, and the registration fee is waived
until Friday 18 December. Timetable and registration: link in bio.

**Shots (6 slides):** 1. title card "Winter timetable: 4 new classes" on the studio's colours;
2. Pre-Pointe Conditioning: two feet on a theraband, close-up; 3. Turns & Jumps Lab: ballet
shoes mid-turn, motion blur, from the knee down; 4. Ballet 6: a teenage dancer's silhouette at
the barre against the window; 5. Adult Beginner Ballet II: adults at the barre, from behind;
6. the full timetable as a table.

**Alt text:** 1. "Winter timetable: 4 new classes." 2. "Two feet pointing against a stretch
band." 3. "Ballet shoes turning, blurred with movement." 4. "Silhouette of a dancer at the barre
by a bright window." 5. "Three adults at the barre, seen from behind." 6. "The winter timetable,
Monday to Sunday, with ages and times."

**Hashtags:** #LumiereDance #BalletKids #AdultBallet

## 2. Saturday 5 December · Instagram · reel (20 seconds) · not boosted

**Caption:** Before pointe shoes come strong ankles. Pre-Pointe Conditioning is a new 30-minute
class on Wednesdays, 18:15–18:45, for dancers aged 11 to 14 in Ballet 3 or above: ankle, foot
and core strength, and no pointe shoes yet. Register: link in bio.

**Shots:** feet and ankles only. A theraband point and flex; slow relevés (rising onto the balls
of the feet) at the barre, from the side; a pair of pointe shoes hanging on the barre, out of
reach, for the last second.

**Alt text:** "Close-ups of a young dancer's feet strengthening with a band and rising at the
barre, then a pair of pointe shoes hanging on the barre."

**Hashtags:** #LumiereDance #BalletKids

## 3. Wednesday 9 December · Instagram and Facebook · reel (30 seconds) · boosted 150.00, 9–15 December

**Caption:** Our Wednesday class for adult beginners filled up, with a waitlist, so we have opened
a second one. Adult Beginner Ballet II: Sundays 10:00–11:00, from 17 January. No experience
needed, just comfortable clothes. Register: link in bio.

**Shots:** adult students of the Wednesday class who have agreed to be filmed: pliés at the
barre from the side, a slow port de bras (arm movements) in the centre, feet in first position,
a laugh between exercises. [CONSENT TO CONFIRM with each adult filmed]

**Alt text:** "Adults in a ballet class doing knee bends at the barre and slow arm movements,
smiling."

**Hashtags:** #AdultBallet #LumiereDance

**Boost:** adults 25–60 within 10 km, Instagram and Facebook, 7 days. Target at least 150 link
clicks (the October adult boost cost 0.78 a click).

## 4. Thursday 10 December · Facebook · carousel · boosted 100.00, 10–15 December

**Caption:** Winter dance classes for ages 4 to adult, from Monday 11 January. Places this winter
in Ballet 3 and 4, Jazz 3, and four new classes. Register before Friday 18 December and the
registration fee is waived. See the winter timetable: [REGISTRATION LINK]

**Shots (4 slides):** 1. showcase costumes on a rail (no dancers); 2. Ballet 3/4:
a row of feet in fifth position; 3. Jazz 3: jazz shoes mid-step; 4. the winter timetable.

**Alt text:** 1. "Showcase costumes hanging on a rail." 2. "A row of dancers' feet
in fifth position." 3. "Black jazz shoes mid-step on a studio floor." 4. "The winter timetable
with ages and times."

**Hashtags:** #LumiereDance #BalletKids #DanceShowcase

**Boost:** parents within 10 km, Facebook, 6 days. Target at least 100 link clicks.
`;

export const tracker = `# Winter/Spring 2027 campaign: weekly tracker

Filled in every Monday from the registration system and the e-mail tool. Cumulative figures;
targets first, then a blank for the actual. Baselines from newsletter-history.csv,
social-2026.csv and the brief.

## Enrolment

| Week (Mon–Sun) | Re-enrolled of 138 | New students (adults) | Ballet 6 | Pre-Pointe | Turns & Jumps | Adult Ballet II |
|----------------|--------------------|-----------------------|----------|------------|---------------|-----------------|
| 30 Nov – 6 Dec | 60 / ___ | 5 (5) / ___ | 3 / ___ | 3 / ___ | 2 / ___ | 5 / ___ |
| 7 – 13 Dec | 85 / ___ | 12 (7) / ___ | 5 / ___ | 5 / ___ | 4 / ___ | 7 / ___ |
| 14 – 20 Dec | 115 / ___ | 18 (9) / ___ | 6 / ___ | 6 / ___ | 6 / ___ | 9 / ___ |
| 21 – 27 Dec (closed) | 115 / ___ | 18 (9) / ___ | 6 / ___ | 6 / ___ | 6 / ___ | 9 / ___ |
| 28 Dec – 3 Jan (closed) | 116 / ___ | 19 (9) / ___ | 6 / ___ | 6 / ___ | 6 / ___ | 9 / ___ |
| 4 – 10 Jan | 120 / ___ | 24 (10) / ___ | **6 on Mon 4 Jan** | **6** | **6** | **6**, aim 12 |
| 11 – 15 Jan | **124** / ___ | **30 (10)** / ___ | 6+ / ___ | 6+ / ___ | 6+ / ___ | 12+ / ___ |

**Baselines.** Re-enrolment: [BASELINE TO CONFIRM: last winter's rate, from the office]. New
students: the March 2026 open house brought 31 visitors and 14 trial bookings. Adults: 9 on the
fall waitlist. Ballet 5, the pool for Ballet 6, has 7 students; Jazz 2, for Turns & Jumps Lab,
13.

## E-mails and paid social

| Week | Piece | Opens target / actual | Registrations in 7 days | Paid reach / clicks |
|------|-------|-----------------------|-------------------------|---------------------|
| 30 Nov – 6 Dec | 2 Dec families | 55% / ___ | 30 / ___ | — |
| 7 – 13 Dec | 8 Dec newsletter, families | 55% / ___ | — | — |
| 7 – 13 Dec | 9 Dec public | 40% / ___ | 15 / ___ | — |
| 7 – 13 Dec | Adult Ballet II reel, 150.00 | — | — | 10,000 / 150 · ___ / ___ |
| 7 – 13 Dec | Timetable carousel, 100.00 | — | — | 5,000 / 100 · ___ / ___ |
| 14 – 20 Dec | 15 Dec reminder, families | 50% / ___ | 15 / ___ | reserve 50.00: 3,000 / 50 |
| 21 – 27 Dec | 22 Dec holiday greeting, all | 35% / ___ | — | — |
| 4 – 10 Jan | 5 Jan open house e-mail | 45% / ___ | 15 trial bookings / ___ | 12,000 / 200 and 7,000 / 100 |

**Baselines.** Registration opener 11 Aug 2026: 54.1% opens, 5.8 registrations per 100
delivered. Families on Tuesdays at 19:00: 53.8% (n = 15). Saturday reminders to all: 38.4%,
0.6–1.8 per 100. Holiday greeting 2025: 31.2%. Boosts: 0.72 and 0.78 a click, 98 to 106 reach
per 1.00.

## Monday 14 December: change course if…

| Number on 14 Dec | Means | We change |
|------------------|-------|-----------|
| Re-enrolled under 85 | Re-enrolment is behind before the fee deadline | Marie and the office phone every unregistered family on 15–16 Dec; the 15 Dec reminder names the classes filling up |
| Under 20 registrations from the 2 Dec e-mail | The opener underperformed (baseline about 29 for 497) | Resend to non-openers on 15 Dec with subject B |
| A new class under 4 | It will not reach 6 by 4 Jan | The 50.00 reserve goes to it, 15–18 Dec; its teacher speaks to eligible students in class |
| Adult Ballet II under 6 | Adults are not coming through | Move the 100.00 January push to 15–18 Dec; e-mail the adults segment again |
| Paid cost per click over 1.50 | The boost is not working | Stop it; move what is left to the open house reel |
`;

/** What the campaign-analyst runs: rates per group, registrations per send, the boosts per dollar. */
export const analystCommand = `node -e '
const fs = require("fs");
const csv = (f) => { const [h, ...rows] = fs.readFileSync(f, "utf8").trim().split("\\n").map((l) => [...l.matchAll(/"([^"]*)"|([^,]*)/g)].filter((m, i, a) => m.index === 0 || l[m.index - 1] === ",").map((m) => m[1] ?? m[2])); return rows.map((r) => Object.fromEntries(h.map((k, i) => [k, r[i]]))); };
const sends = csv("newsletter-history.csv");
const pct = (x) => (100 * x).toFixed(1) + "%";
const mean = (rs, f) => rs.reduce((s, r) => s + f(r), 0) / rs.length;
const open = (r) => r.unique_opens / r.delivered, click = (r) => r.unique_clicks / r.delivered;
const show = (label, rs) => console.log(label.padEnd(44), "n=" + rs.length, "open", pct(mean(rs, open)), "click", pct(mean(rs, click)));
console.log("-- by segment, day and time");
for (const k of [...new Set(sends.map((r) => r.segment + " " + r.weekday + " " + r.send_time))]) show(k, sends.filter((r) => r.segment + " " + r.weekday + " " + r.send_time === k));
show("all Sat 09:00 without 2025-12-20", sends.filter((r) => r.segment === "all" && r.weekday === "Sat" && r.send_date !== "2025-12-20"));
console.log("-- families, by kind of subject");
const fam = sends.filter((r) => r.segment === "families");
show("dates and deadlines (showcase)", fam.filter((r) => r.campaign === "showcase"));
show("spotlight", fam.filter((r) => r.subject.startsWith("Spotlight")));
show("generic (<Month> newsletter)", fam.filter((r) => /^\\w+ newsletter$/.test(r.subject)));
console.log("-- registrations in 7 days");
for (const r of sends.filter((r) => r.campaign === "registration")) console.log(r.send_date, r.weekday, r.segment.padEnd(16), "delivered", r.delivered, "reg", r.registrations_7d, "per 100", (100 * r.registrations_7d / r.delivered).toFixed(1));
console.log("-- boosts");
const posts = csv("social-2026.csv");
for (const p of posts.filter((p) => /boosted/.test(p.notes))) { const paid = Number(/boosted ([\\d.]+)/.exec(p.notes)[1]); console.log(p.date, p.topic, "paid", paid, "reach", p.reach, "reach/1.00", (p.reach / paid).toFixed(1), "clicks", p.link_clicks, "per click", (paid / p.link_clicks).toFixed(2), "|", p.notes); }
const organic = posts.filter((p) => p.format === "reel" && !/boosted/.test(p.notes));
console.log("unboosted reels n=" + organic.length, "reach", mean(organic, (p) => +p.reach).toFixed(0), "clicks", mean(organic, (p) => +p.link_clicks).toFixed(1));
'
`.trimEnd();
