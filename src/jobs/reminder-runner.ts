export async function runDueReminders(_d: unknown, _now: () => Date): Promise<number> { return 0; }
