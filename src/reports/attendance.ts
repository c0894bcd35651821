import type { Db } from "../data/client.js";
import { meetingById } from "../data/meetings.js";
import { UNNAMED, when } from "../features/meetings/messages.js";
import { attendeesWithNames } from "../features/meetings/service.js";

/** Attendance of one meeting for the SC: counts, and the names the SC sees in LINE (registered or LINE display names). */
export async function attendanceReport(db: Db, meetingId: number, timeZone: string): Promise<string> {
  const meeting = await meetingById(db, meetingId);
  if (!meeting) throw new Error(`会議 ${meetingId} が見つかりません`);
  const attendees = await attendeesWithNames(db, meetingId);
  const label = (r: string | null) => (r === "attend" ? "出席" : r === "absent" ? "欠席" : "未回答");
  const lines = [`${meeting.title}（${when(meeting, timeZone)}、${meeting.venue}）${meeting.status === "cancelled" ? " 中止" : ""}`];
  for (const r of ["attend", "absent", null]) {
    const rows = attendees.filter((a) => a.response === r);
    lines.push(`${label(r)} ${rows.length}人: ${rows.map((a) => a.name ?? UNNAMED).join("、") || "なし"}`);
  }
  return lines.join("\n");
}
