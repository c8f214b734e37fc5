import assert from 'node:assert/strict';
import { test } from 'node:test';
import { familyInvoice, studentTuition } from '../src/tuition.ts';
import type { DanceClass, Student } from '../src/types.ts';

const ballet3: DanceClass = {
  id: 'ballet-3', name: 'Ballet 3', minAge: 10, maxAge: 12, capacity: 12,
  monthlyFee: 70, meetingsPerWeek: 2, roster: [], waitlist: [],
};
const jazz2: DanceClass = {
  id: 'jazz-2', name: 'Jazz 2', minAge: 9, maxAge: 12, capacity: 14,
  monthlyFee: 62, meetingsPerWeek: 1, roster: [], waitlist: [],
};
const classes = new Map([ballet3, jazz2].map((c) => [c.id, c]));

const emma: Student = {
  id: 's-emma', firstName: 'Emma', lastName: 'Rodriguez', birthDate: '2015-03-14',
  familyId: 'f-rodriguez', classIds: ['ballet-3', 'jazz-2'],
};

test('a class meeting twice a week costs twice the fee', () => {
  assert.equal(studentTuition(emma, classes), 202);
});

test('an only child pays full tuition', () => {
  const invoice = familyInvoice('f-rodriguez', '2026-11', [emma], classes);
  assert.equal(invoice.total, 202);
  assert.equal(invoice.lines.length, 1);
});
