export type ClassId = string;

export interface DanceClass {
  id: ClassId;
  name: string;
  /** Youngest age allowed, in completed years, on the first day of term. */
  minAge: number;
  /** Oldest age allowed, inclusive. */
  maxAge: number;
  capacity: number;
  /** Monthly fee, in dollars, for one meeting a week. */
  monthlyFee: number;
  meetingsPerWeek: number;
  /** Enrolled student ids. */
  roster: string[];
  /** Student ids waiting for a place, in the order they asked. */
  waitlist: string[];
}

export interface Student {
  id: string;
  firstName: string;
  lastName: string;
  /** ISO date, `YYYY-MM-DD`. */
  birthDate: string;
  familyId: string;
  classIds: ClassId[];
}

export interface Family {
  id: string;
  guardianName: string;
  phone: string;
  email: string;
}

export interface InvoiceLine {
  studentId: string;
  description: string;
  /** Dollars. */
  amount: number;
}

export interface Invoice {
  familyId: string;
  /** `YYYY-MM`. */
  month: string;
  lines: InvoiceLine[];
  total: number;
}

export interface Studio {
  classes: DanceClass[];
  students: Student[];
  families: Family[];
}
