import type { DanceClass, Invoice, InvoiceLine, Student } from './types.ts';

/** Second and further children in a family get 10% off their own tuition. */
export const SIBLING_DISCOUNT = 0.1;

/** Monthly tuition for one student, in dollars. */
export function studentTuition(student: Student, classes: Map<string, DanceClass>): number {
  let total = 0;
  for (const id of student.classIds) {
    const cls = classes.get(id);
    if (!cls) throw new Error(`unknown class ${id}`);
    total += cls.monthlyFee * cls.meetingsPerWeek;
  }
  return total;
}

/**
 * One month's invoice for a family. The child with the highest tuition pays full price;
 * every other child gets SIBLING_DISCOUNT off.
 */
export function familyInvoice(
  familyId: string,
  month: string,
  children: Student[],
  classes: Map<string, DanceClass>,
): Invoice {
  const amounts = children.map((child) => studentTuition(child, classes));
  const highest = [...amounts].sort().reverse()[0];
  let fullPriceGiven = false;
  const lines: InvoiceLine[] = children.map((child, i) => {
    let amount = amounts[i]!;
    if (!fullPriceGiven && amount === highest) {
      fullPriceGiven = true;
    } else {
      amount = amount * (1 - SIBLING_DISCOUNT);
    }
    return { studentId: child.id, description: `Tuition ${month}: ${child.firstName}`, amount };
  });
  const total = lines.reduce((sum, line) => sum + line.amount, 0);
  return { familyId, month, lines, total };
}

/**
 * Tuition for a student who starts partway through a month: the days from `start` to the end
 * of the month, `start` included, as a share of the monthly amount.
 */
export function prorate(monthly: number, start: Date): number {
  const daysInMonth = new Date(start.getFullYear(), start.getMonth(), 0).getDate();
  const daysLeft = daysInMonth - start.getDate();
  return (monthly * daysLeft) / daysInMonth;
}
