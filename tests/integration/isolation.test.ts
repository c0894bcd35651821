import { testProvider } from "../support/database.js";
import { describe, expect, it } from "vitest";
import { useApp } from "../support/lifecycle.js";
import { events } from "../support/webhooks.js";
import type { TestApp } from "../support/test-app.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("one conversation's transaction is its own", () => {
  let t: TestApp;
  useApp({ realRouter: false }, (x) => (t = x));

  it("an unrelated write made while another conversation's transaction is open is not rolled back with it", async () => {
    const area = await t.db.area.findUniqueOrThrow({ where: { name: "蓮根" } });
    const user = await t.db.user.create({ data: { lineUserId: "U" + "9".repeat(32) } });
    const failing = t.db
      .$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { roles: "resident,volunteer" } });
        await sleep(30);
        throw new Error("this transaction fails");
      })
      .catch(() => "rolled back");
    await sleep(5);
    // Another conversation, meanwhile: an ordinary write of its own.
    await t.db.area.update({ where: { id: area.id }, data: { reading: "はすね（確認）" } });
    expect(await failing).toBe("rolled back");
    expect((await t.db.area.findUniqueOrThrow({ where: { id: area.id } })).reading).toBe("はすね（確認）");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).roles).toBe("resident");
  });

  it("a read made while another conversation's transaction is open does not see its uncommitted change", async () => {
    const user = await t.db.user.create({ data: { lineUserId: "U" + "8".repeat(32) } });
    for (const roles of ["resident,sc", "resident"]) {
      const before = (await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).roles;
      const order: string[] = [];
      const tx = t.db.$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { roles } });
        await sleep(30);
        order.push("commit");
      });
      await sleep(5);
      const read = t.db.user.findUniqueOrThrow({ where: { id: user.id } }).then((u) => order.push(`read:${u.roles}`));
      await Promise.all([tx, read]);
      // SQLite (one connection) makes the read wait for the commit; PostgreSQL answers at once with
      // the last committed value. Either way, never the uncommitted one.
      expect([["commit", `read:${roles}`], [`read:${before}`, "commit"]]).toContainEqual(order);
    }
  });
});

describe("an event's life", () => {
  let t: TestApp;
  useApp({ realRouter: false }, (x) => (t = x));

  it("an event whose handling throws gets the apology and is recorded as failed with the error's kind, never done; /healthz reports it", async () => {
    const user = "U" + "7".repeat(32);
    // The database refuses the user row: handling cannot go on.
    if (testProvider() === "sqlite") {
      await t.db.$executeRawUnsafe(`CREATE TRIGGER refuse_user BEFORE INSERT ON "User" WHEN NEW."lineUserId" = '${user}' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    } else {
      await t.db.$executeRawUnsafe(`CREATE FUNCTION refuse_user() RETURNS trigger AS $$ BEGIN IF NEW."lineUserId" = '${user}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
      await t.db.$executeRawUnsafe(`CREATE TRIGGER refuse_user BEFORE INSERT ON "User" FOR EACH ROW EXECUTE FUNCTION refuse_user()`);
    }
    await t.send(events.text(user, "こんにちは"));
    expect(t.textsTo(user).at(-1)).toMatch(/うまく処理できませんでした/);
    const row = await t.db.processedEvent.findFirstOrThrow({ orderBy: { receivedAt: "desc" } });
    expect(row.status).toBe("failed");
    expect(row.errorKind).toMatch(/\w+/);
    expect(row.errorKind).not.toContain("refused");
    const health = (await (await fetch(`${t.url}/healthz`)).json()) as { failedEvents24h: number };
    expect(health.failedEvents24h).toBe(1);
  });
});
