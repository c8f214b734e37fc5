/** What the campaign-analyst hands back to Fabien: its own format, at most 30 lines. */
export const analystReport = `Columns used: weekday, send_time, segment, subject, campaign, delivered, unique_opens, unique_clicks, registrations_7d, notes; social: reach, link_clicks, notes. Rates per send, then averaged.

| Segment, day, time | n | Open | Click |
|---|--:|--:|--:|
| families Tue 19:00 | 15 | 53.8% | 11.9% |
| families Thu 19:00 | 2 | 58.9% | 11.0% |
| all Tue 19:00 | 4 | 53.8% | 12.0% |
| all Sat 09:00 (without 20 Dec 2025 holiday) | 5 | 38.4% | 5.5% |

| Families subject kind | n | Open | Click |
|---|--:|--:|--:|
| dates and deadlines (showcase) | 4 | 59.9% | 23.4% |
| spotlight | 4 | 58.5% | 10.1% |
| generic "<Month> newsletter" | 6 | 47.1% | 5.2% |

Registrations per 100 delivered: openers 6.1 (12 Aug 2025) and 5.8 (11 Aug 2026); adults waitlist send 7.8 (n=116); Saturday reminders 0.6 to 1.8.
Boosts: open house teaser 60.00 → 6,350 reach, 83 clicks, 0.72 a click, sign-ups not recorded; adult beginners 80.00 → 7,840 reach, 102 clicks, 0.78 a click, "9 waitlist sign-ups". Unboosted reels: 5,582 reach, 23.4 clicks (n=5).
Outliers: 14 Apr 2026 0.6% clicks (broken link); 20 Dec 2025 31.2% opens (holiday); 1 Sep 2026 imported contacts 21.1% opens, 13.4% unsubscribed.

Supports:
- Tuesday 19:00 over Saturday 09:00 for "all" (15 points, n=4 vs 5), though the Tuesday sends carried the bigger news.
- Specific subject lines over generic ones: every spotlight and date send beat every generic send.
- The opening registration send drives registrations; reminders add little.
- Boosts buy link clicks at under 1.00 each.
Does not support:
- Thursday over Tuesday for families (n=2, both spotlights).
- Any figure for Wednesday sends: there are none.
- 9 sign-ups as the boost's own result: the 24 Oct adults e-mail reports 9 too, and the waitlist is 9 in all.`;
