/** A person's age in completed years on the given day. */
export function ageOn(birthDate: string, on: Date): number {
  const born = new Date(birthDate);
  return on.getFullYear() - born.getFullYear();
}

/** True when the student's age on `on` is within [min, max]. */
export function inAgeRange(birthDate: string, on: Date, min: number, max: number): boolean {
  const age = ageOn(birthDate, on);
  return age >= min && age <= max;
}
