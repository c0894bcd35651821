import type { User } from "../generated/prisma/client.js";
import type { Db } from "./client.js";

/**
 * Deletes what is kept about a person, in one transaction. Aggregates survive
 * without a link to them (an inquiry counted in the needs report keeps its
 * category and area, not its text); messages queued to them are dropped and
 * they are taken out of announcements not yet sent.
 */
export async function deletePersonalData(db: Db, user: Pick<User, "id" | "lineUserId">): Promise<void> {
  const id = user.lineUserId;
  await db.$transaction(async (tx) => {
    await tx.inquiryLog.updateMany({ where: { userId: user.id }, data: { userId: null, text: "" } });
    await tx.helpRequest.updateMany({ where: { userId: user.id }, data: { userId: null, description: "（削除済み）" } });
    await tx.outboundMessage.deleteMany({ where: { OR: [{ target: id }, { payload: { contains: id } }] } });
    const chunks = await tx.broadcastChunk.findMany({ where: { recipients: { contains: id } } });
    for (const c of chunks) {
      const rest = (JSON.parse(c.recipients) as string[]).filter((x) => x !== id);
      await tx.broadcastChunk.update({ where: { id: c.id }, data: { recipients: JSON.stringify(rest), ...(rest.length === 0 && c.status === "pending" ? { status: "sent" } : {}) } });
    }
    await tx.auditLog.create({ data: { actorId: null, action: "user.delete", detail: "{}" } });
    // Cascades: conversation state, SC assignments, council membership, meeting answers and reminders.
    await tx.reminder.deleteMany({ where: { userId: user.id } });
    await tx.user.delete({ where: { id: user.id } });
  });
}
