import fs from "node:fs";
import { areaByExactName, blocksWithChildren } from "../data/areas.js";
import { assignSc } from "../data/roles.js";
import { upsertPersona, usersWithScope } from "../data/users.js";
import path from "node:path";
import express from "express";
import type { Db } from "../data/client.js";
import { japaneseFontFile } from "../richmenu/raster.js";
import { richMenuImage, richMenuRequest } from "../richmenu/menu.js";
import { withRole } from "../users/service.js";
import type { SimulatorHub } from "./hub.js";
import { projectPath } from "../paths.js";

const DIR = projectPath("src", "simulator");

/**
 * The chat simulator, mounted only in local mode: a LINE-like talk room that
 * signs real webhook events with the development secret, posts them to
 * /webhook, and shows what the bot sends through the local capture.
 */
export function simulatorRoutes(o: { hub: SimulatorHub; db: Db; channelSecret: string }): express.Router {
  const r = express.Router();
  let menuPng: Buffer | undefined;
  r.get("/simulator", (_req, res) => res.type("html").send(fs.readFileSync(path.join(DIR, "page.html"), "utf8")));
  r.get("/simulator/app.js", (_req, res) => res.type("js").send(fs.readFileSync(path.join(DIR, "app.js"), "utf8")));
  r.get("/simulator/font.woff", (_req, res) => res.type("font/woff").sendFile(japaneseFontFile(400)));
  r.get("/simulator/font-bold.woff", (_req, res) => res.type("font/woff").sendFile(japaneseFontFile(700)));
  r.get("/simulator/richmenu.json", (_req, res) => res.json(richMenuRequest()));
  r.get("/simulator/richmenu.png", (_req, res) => {
    menuPng ??= richMenuImage();
    res.type("png").send(menuPng);
  });
  r.get("/simulator/stream", (_req, res) => o.hub.attach(res));
  r.get("/simulator/config", async (_req, res) => {
    const blocks = await blocksWithChildren(o.db);
    res.json({
      secret: o.channelSecret,
      blocks: blocks.map((b) => ({ name: b.name, areas: b.children.map((a) => ({ name: a.name, lat: a.lat, lng: a.lng })) })),
    });
  });
  // What each persona is now, for their labels: an SC who claimed a code is shown as SC.
  r.get("/simulator/personas", async (req, res) => {
    const ids = String(req.query.ids ?? "").split(",").filter((id) => /^U[0-9a-f]{32}$/.test(id)).slice(0, 50);
    const users = await usersWithScope(o.db, ids);
    res.json(
      users.map((u) => {
        const roles = u.roles.split(",");
        const role = roles.includes("sc") || roles.includes("admin") ? "sc" : roles.includes("volunteer") ? "volunteer" : "resident";
        const area = role === "sc" ? (u.scAssignments.find((a) => a.area)?.area?.name ?? (u.scAssignments.length ? "第1層" : null)) : (u.homeArea?.name ?? null);
        return { userId: u.lineUserId, role, area };
      }),
    );
  });
  // Prepares a persona: a resident or SC of an area (an SC would normally claim an invitation code).
  r.post("/simulator/persona", express.json(), async (req, res) => {
    const { userId, role, area } = req.body ?? {};
    if (typeof userId !== "string" || !/^U[0-9a-f]{32}$/.test(userId)) return void res.status(400).json({ message: "bad userId" });
    const a = typeof area === "string" ? await areaByExactName(o.db, area) : null;
    const user = await upsertPersona(o.db, userId, a?.id ?? null);
    if (role === "sc" && a) {
      await assignSc(o.db, user, withRole(user, "sc", true), 2, [a.id]);
    }
    res.json({ ok: true });
  });
  return r;
}
