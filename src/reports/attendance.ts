import type { Db } from "../db/client.js";
import { when } from "../features/meetings/messages.js";

/** Attendance of one meeting for the SC: counts, and names where the bot knows them (volunteers' registered names). */
export async function attendanceReport(db: Db, meetingId: number, timeZone: string): Promise<string> {
  const meeting = await db.meeting.findUnique({ where: { id: meetingId }, include: { attendees: { include: { user: { include: { volunteer: true } } } } } });
  if (!meeting) throw new Error(`会議 ${meetingId} が見つかりません`);
  const label = (r: string | null) => (r === "attend" ? "出席" : r === "absent" ? "欠席" : "未回答");
  const lines = [`${meeting.title}（${when(meeting, timeZone)}、${meeting.venue}）${meeting.status === "cancelled" ? " 中止" : ""}`];
  for (const r of ["attend", "absent", null]) {
    const rows = meeting.attendees.filter((a) => a.response === r);
    lines.push(`${label(r)} ${rows.length}人: ${rows.map((a) => a.user.volunteer?.displayName ?? `利用者#${a.userId}`).join("、") || "なし"}`);
  }
  return lines.join("\n");
}
