import type { User } from "../generated/prisma/client.js";

export type Role = "resident" | "volunteer" | "sc" | "admin" | "organizer";

export function rolesOf(user: Pick<User, "roles">): Role[] {
  return user.roles.split(",").map((r) => r.trim()).filter(Boolean) as Role[];
}

export function hasRole(user: Pick<User, "roles">, role: Role): boolean {
  return rolesOf(user).includes(role);
}

export function withRole(user: Pick<User, "roles">, role: Role, present: boolean): string {
  const set = new Set(rolesOf(user));
  if (present) set.add(role);
  else set.delete(role);
  if (set.size === 0) set.add("resident");
  return [...set].join(",");
}

export { findOrCreateUser as ensureUser, markFollowed, markUnfollowed, setOffered, recordClarifyChoice, firstTimeInGroup, forgetGroup } from "../data/users.js";
