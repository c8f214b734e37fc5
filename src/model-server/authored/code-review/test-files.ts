/** The tests the test-writer adds to studio-desk: README rules, asserted as written. */

export const bookingTests = `import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageOn } from '../src/age.ts';
import { enrol, withdraw } from '../src/booking.ts';
import type { DanceClass, Student } from '../src/types.ts';

// Winter 2027 starts on Monday 11 January (README, business rule 1: age on the first day of term).
const termStart = new Date(2027, 0, 11);

function danceClass(overrides: Partial<DanceClass> = {}): DanceClass {
  return {
    id: 'ballet-2', name: 'Ballet 2', minAge: 8, maxAge: 10, capacity: 14,
    monthlyFee: 62, meetingsPerWeek: 2, roster: [], waitlist: [], ...overrides,
  };
}

function student(id: string, birthDate: string): Student {
  return { id, firstName: id, lastName: 'Test', birthDate, familyId: \`f-\${id}\`, classIds: [] };
}

test('counts age in completed years on the first day of term', () => {
  // Born 14 March 2015: still 11 on 11 January 2027.
  assert.equal(ageOn('2015-03-14', termStart), 11);
});

test('admits a child whose birthday falls after the first day of term at their current age', () => {
  // Ava: born 9 May 2016, so 10 on 11 January 2027, inside Ballet 2's 8–10.
  const result = enrol(danceClass(), student('s-ava', '2016-05-09'), termStart);
  assert.deepEqual(result, { status: 'enrolled' });
});

test('admits a child whose birthday is the first day of term', () => {
  const result = enrol(danceClass({ id: 'ballet-1', minAge: 6, maxAge: 8 }), student('s-b', '2019-01-11'), termStart);
  assert.deepEqual(result, { status: 'enrolled' });
});

test('refuses a child who is too young on the first day of term', () => {
  // Turns 8 on 12 January 2027, one day too late for Ballet 2.
  const result = enrol(danceClass(), student('s-c', '2019-01-12'), termStart);
  assert.equal(result.status, 'rejected');
});

test('enrols a student into the last free place', () => {
  const cls = danceClass({ capacity: 2, roster: ['s-1'] });
  assert.deepEqual(enrol(cls, student('s-2', '2017-06-01'), termStart), { status: 'enrolled' });
  assert.equal(cls.roster.length, 2);
});

test('puts a student on the waitlist when the class is exactly full', () => {
  const cls = danceClass({ capacity: 2, roster: ['s-1', 's-2'] });
  assert.deepEqual(enrol(cls, student('s-3', '2017-06-01'), termStart), { status: 'waitlisted', position: 1 });
  assert.deepEqual(cls.roster, ['s-1', 's-2']);
});

test('gives a freed place to the student who has waited longest', () => {
  const cls = danceClass({ capacity: 2, roster: ['s-1', 's-2'], waitlist: ['s-first', 's-second'] });
  assert.equal(withdraw(cls, 's-1'), 's-first');
  assert.deepEqual(cls.waitlist, ['s-second']);
});

test('never puts a student on the waitlist twice', () => {
  const cls = danceClass({ capacity: 1, roster: ['s-1'], waitlist: ['s-w'] });
  const again = enrol(cls, student('s-w', '2017-06-01'), termStart);
  assert.deepEqual(again, { status: 'waitlisted', position: 1 });
  assert.deepEqual(cls.waitlist, ['s-w']);
  assert.deepEqual(cls.roster, ['s-1']);
});

test('refuses a student who is already enrolled', () => {
  const cls = danceClass({ roster: ['s-1'] });
  assert.equal(enrol(cls, student('s-1', '2017-06-01'), termStart).status, 'rejected');
});

test('withdrawing a waitlisted student only removes them from the waitlist', () => {
  const cls = danceClass({ capacity: 1, roster: ['s-1'], waitlist: ['s-a', 's-b'] });
  assert.equal(withdraw(cls, 's-a'), undefined);
  assert.deepEqual(cls.waitlist, ['s-b']);
  assert.deepEqual(cls.roster, ['s-1']);
});
`;

export const billingTests = `import assert from 'node:assert/strict';
import { test } from 'node:test';
import { familyInvoice, prorate } from '../src/tuition.ts';
import type { DanceClass, Student } from '../src/types.ts';

// Fees as in data/studio.json.
const fee = (id: string, monthlyFee: number, meetingsPerWeek: number): DanceClass => ({
  id, name: id, minAge: 0, maxAge: 99, capacity: 20, monthlyFee, meetingsPerWeek, roster: [], waitlist: [],
});
const classes = new Map([
  fee('creative-movement', 52, 1), fee('ballet-1', 52, 2), fee('ballet-2', 62, 2),
  fee('ballet-3', 70, 2), fee('jazz-2', 62, 1),
].map((c) => [c.id, c]));

const child = (id: string, familyId: string, classIds: string[]): Student => ({
  id, firstName: id, lastName: 'Test', birthDate: '2015-01-01', familyId, classIds,
});
const emma = child('emma', 'f-rodriguez', ['ballet-3', 'jazz-2']); // 202.00
const mateo = child('mateo', 'f-rodriguez', ['ballet-1']); // 104.00
const ava = child('ava', 'f-thompson', ['ballet-2', 'jazz-2']); // 186.00
const noah = child('noah', 'f-thompson', ['creative-movement']); // 52.00

const amounts = (invoice: ReturnType<typeof familyInvoice>) => Object.fromEntries(invoice.lines.map((l) => [l.studentId, l.amount]));

test('the child with the highest tuition pays full price, the other 10% less (Thompson)', () => {
  const invoice = familyInvoice('f-thompson', '2027-01', [ava, noah], classes);
  assert.deepEqual(amounts(invoice), { ava: 186, noah: 46.8 });
  assert.equal(invoice.total, 232.8);
});

test('the full price goes to the highest tuition whatever order the children come in', () => {
  const invoice = familyInvoice('f-thompson', '2027-01', [noah, ava], classes);
  assert.deepEqual(amounts(invoice), { noah: 46.8, ava: 186 });
});

test('with three children only the highest tuition pays full price', () => {
  const liam = child('liam', 'f-rodriguez', ['jazz-2']); // 62.00
  const invoice = familyInvoice('f-rodriguez', '2027-01', [emma, mateo, liam], classes);
  assert.deepEqual(amounts(invoice), { emma: 202, mateo: 93.6, liam: 55.8 });
});

test('rounds every invoice line to the cent (Rodriguez, as on the November invoice)', () => {
  const invoice = familyInvoice('f-rodriguez', '2026-11', [emma, mateo], classes);
  assert.deepEqual(amounts(invoice), { emma: 202, mateo: 93.6 });
});

test('the invoice total is the sum of the rounded lines', () => {
  const invoice = familyInvoice('f-rodriguez', '2026-11', [emma, mateo], classes);
  const sum = invoice.lines.reduce((s, l) => s + Math.round(l.amount * 100), 0) / 100;
  assert.equal(invoice.total, sum);
  assert.equal(invoice.total, 295.6);
});

test('charges the full month when a student starts on the 1st', () => {
  assert.equal(prorate(62, new Date(2027, 2, 1)), 62);
});

test('charges 17 of 31 days when a student starts on 15 January', () => {
  assert.equal(prorate(62, new Date(2027, 0, 15)), 34);
});

test('uses the length of the start month: 14 of 28 days from 15 February', () => {
  assert.equal(prorate(56, new Date(2027, 1, 15)), 28);
});

test('charges one day when a student starts on the 31st', () => {
  assert.equal(prorate(62, new Date(2027, 0, 31)), 2);
  assert.equal(prorate(62, new Date(2027, 2, 31)), 2);
});
`;
