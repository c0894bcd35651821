export async function attendanceReport(_db: unknown, _id: number, _tz: string): Promise<string> { return ""; }
