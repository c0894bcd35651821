import express, { type NextFunction, type Request, type Response } from "express";
import { rateLimit } from "express-rate-limit";
import type { AppDeps } from "../deps.js";
import { audit, scScope } from "../features/roles/service.js";
import { hasRole } from "../users/service.js";
import { html, type Html } from "../web/html.js";
import { csrfOk, SESSION_COOKIE, SESSION_IDLE_MS, sessionFor, signOut, useLoginLink, type ConsoleSession } from "./auth.js";
import { page } from "./layout.js";
import { announcementRoutes } from "./pages/announcements.js";
import { auditRoutes } from "./pages/audit.js";
import { helpRoutes } from "./pages/help.js";
import { meetingRoutes } from "./pages/meetings.js";
import { needsRoutes } from "./pages/needs.js";
import { resourceRoutes } from "./pages/resources.js";
import { volunteerRoutes } from "./pages/volunteers.js";

/** What every console page knows about the person and what they may see. */
export interface ConsoleCtx {
  deps: AppDeps;
  session: ConsoleSession;
  /** Layer-1 SCs and admins: the whole municipality. */
  all: boolean;
  /** The areas a layer-2 SC looks after. */
  areaIds: number[];
  now: Date;
  mayArea(areaId: number | null | undefined): boolean;
  audit(action: string, detail: object): Promise<void>;
}

declare module "express-serve-static-core" {
  interface Request {
    console?: ConsoleCtx;
  }
}

function cookieOf(req: Request): string | undefined {
  const raw = req.headers.cookie ?? "";
  for (const part of raw.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === SESSION_COOKIE) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

export function send(res: Response, status: number, body: Html): void {
  res.status(status).set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }).send(body.value);
}

/**
 * The staff console: sign-in by a one-time link, then pages that each check
 * the person's role and areas on the server; every form carries a CSRF token;
 * every change is written to the audit log.
 */
export function consoleRoutes(deps: AppDeps): express.Router {
  const r = express.Router();
  const { db } = deps;
  const secure = deps.config.publicBaseUrl.startsWith("https:");
  r.use("/admin", express.urlencoded({ extended: false, limit: "200kb" }));

  // Sign-in links: a few tries a minute per address, whatever the outcome.
  const signInLimit = rateLimit({
    windowMs: 60_000,
    limit: 10,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    message: "しばらく時間をおいてから、もう一度お試しください。",
    // This check reads a stack trace at start-up, which with --enable-source-maps parses the whole
    // bundle's source map (measured ≈0.3 s of every start); the limiter is plainly made at start-up.
    validate: { creationStack: false },
  });
  r.get("/admin/login", signInLimit, async (req, res) => {
    const result = await useLoginLink(db, typeof req.query.t === "string" ? req.query.t : "", deps.clock.now());
    if (!result.ok) {
      const why = { invalid: "このリンクは使えません。", expired: "このリンクは有効期限（10分）が切れています。", used: "このリンクはすでに使われています。", not_staff: "この画面を使う権限がありません。" }[result.reason];
      send(res, 403, page("サインインできません", html`<p>${why}</p><p>LINEで「管理画面」と送ると、新しいリンクが届きます。</p>`, null));
      return;
    }
    res.cookie(SESSION_COOKIE, result.cookie, { httpOnly: true, sameSite: "strict", secure, path: "/admin", maxAge: 12 * 3600_000 });
    await audit(db, result.user.id, "console.signin", {});
    res.redirect(303, "/admin/resources");
  });

  r.use("/admin", async (req: Request, res: Response, next: NextFunction) => {
    const now = deps.clock.now();
    const session = await sessionFor(db, cookieOf(req), now);
    if (!session) {
      send(res, 401, page("サインインしてください", html`<p>管理画面を使うには、LINEで「管理画面」と送って届くリンクを開いてください（10分間有効）。</p><p class="muted">${Math.round(SESSION_IDLE_MS / 60000)}分間操作がないと、自動でサインアウトします。</p>`, null));
      return;
    }
    // File uploads carry the token in the form's address (the body is read later, by multer).
    const sentToken = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.headers["x-csrf-token"] ?? (req.is("multipart/form-data") ? req.query._csrf : undefined);
    if (req.method === "POST" && !csrfOk(session, sentToken)) {
      send(res, 403, page("操作できませんでした", html`<p>画面の有効期限が切れたか、正しくない送信です。ページを開き直してから、もう一度お試しください。</p>`, session));
      return;
    }
    const all = hasRole(session.user, "admin") || (await scScope(db, session.user.id)).layer1;
    const areaIds = all ? [] : (await scScope(db, session.user.id)).areaIds;
    req.console = {
      deps,
      session,
      all,
      areaIds,
      now,
      mayArea: (areaId) => all || (areaId !== null && areaId !== undefined && areaIds.includes(areaId)),
      audit: (action, detail) => audit(db, session.user.id, action, detail),
    };
    next();
  });

  r.post("/admin/logout", async (req, res) => {
    await signOut(db, req.console!.session, req.body?.everywhere === "1");
    res.clearCookie(SESSION_COOKIE, { path: "/admin" });
    send(res, 200, page("サインアウトしました", html`<p>サインアウトしました。</p>`, null));
  });
  r.get("/admin", (_req, res) => res.redirect(303, "/admin/resources"));
  for (const routes of [resourceRoutes, needsRoutes, announcementRoutes, meetingRoutes, helpRoutes, volunteerRoutes, auditRoutes]) r.use(routes());
  return r;
}

/** A refusal for something outside the person's areas. */
export function forbidden(res: Response, c: ConsoleCtx): void {
  send(res, 403, page("表示できません", html`<p>担当の地域の情報ではないため、表示・操作できません。</p>`, c.session));
}

/** A record the person asked for: 404 when missing, 403 outside their areas (answered here), else the record. */
export function found<T>(res: Response, c: ConsoleCtx, x: T | null | "forbidden", what: string): T | null {
  if (!x) {
    send(res, 404, page("見つかりません", html`<p>この${what}は見つかりません。</p>`, c.session));
    return null;
  }
  if (x === "forbidden") {
    forbidden(res, c);
    return null;
  }
  return x;
}
