/** Placeholder until the schedule parser lands: nothing is computable yet. */
export function describeSchedule(_text: string): { rule: unknown | null; weekdayMask: number } {
  return { rule: null, weekdayMask: 0 };
}
