import type { Db } from "../../data/client.js";
import { deletePersonalData } from "../../data/personal-data.js";
import type { User } from "../../generated/prisma/client.js";
import { withdrawVolunteer } from "../volunteers/service.js";

/**
 * 登録を消す: a volunteer is withdrawn first (their helpers and coordinators
 * are told as on withdrawal), then everything kept about the person is deleted.
 */
export async function deleteUserData(db: Db, user: User, now: Date): Promise<void> {
  await withdrawVolunteer(db, user, now);
  await deletePersonalData(db, user);
}
