import { failedEventSummary } from "../data/events.js";
import { areasByNames } from "../data/areas.js";
import { resourceNamesByIds } from "../data/resources.js";
import { openInvitations } from "../data/roles.js";
import { findUserByLineId, scsWithScope } from "../data/users.js";
import { revokeSc, createInvitation } from "../features/roles/service.js";
import { createOrganizerInvitation } from "../features/organizers/service.js";
import { createLoginLink, isStaff } from "../console/auth.js";
import { formatInstantJa } from "../schedule/time.js";
import { parseArgs } from "./args.js";
import { openDatabase, run } from "./db-context.js";

const USAGE = `使い方:
  npm run admin -- invite sc --area 蓮根 [--area 舟渡]   第2層のSCの登録コード（7日間有効）
  npm run admin -- invite sc --layer 1                   第1層（区全体）のSCの登録コード
  npm run admin -- invite organizer --resource 12 [--resource 15]   活動の主催者の登録コード（7日間有効）
  npm run admin -- login-link <LINEユーザーID>           管理画面のサインイン用リンク（10分間・1回だけ）
  npm run admin -- failed-events                         処理に失敗したイベントの件数（直近30日、種類別）
  npm run admin -- list                                  SCと未使用の登録コード
  npm run admin -- revoke <LINEユーザーIDか内部ID>       SCの権限を外す`;

function areasOf(argv: string[]): string[] {
  const out: string[] = [];
  argv.forEach((a, i) => {
    if (a === "--area" && argv[i + 1]) out.push(...argv[i + 1].split(/[,、]/));
    else if (a.startsWith("--area=")) out.push(...a.slice(7).split(/[,、]/));
  });
  return out.filter(Boolean);
}

run(async () => {
  const argv = process.argv.slice(2);
  const { positional, flags } = parseArgs(argv);
  const { db, timeZone, config } = await openDatabase();
  try {
    if (positional[0] === "failed-events") {
      const rows = await failedEventSummary(db);
      if (rows.length === 0) console.log("処理に失敗したイベントはありません。");
      for (const r of rows) console.log(`${r.errorKind ?? "（不明）"}\t${r.type}\t${r.count}件\t最後：${r.latest ? formatInstantJa(r.latest, timeZone) : "―"}`);
      return 0;
    }
    if (positional[0] === "login-link" && positional[1]) {
      const user = await findUserByLineId(db, positional[1]);
      if (!user || !isStaff(user)) {
        console.error("エラー: そのLINEユーザーはSCでも管理者でもありません（まず SC登録 をしてください）。");
        return 1;
      }
      console.log(await createLoginLink(db, user, config.publicBaseUrl, new Date()));
      return 0;
    }
    if (positional[0] === "invite" && positional[1] === "organizer") {
      const ids = argv.flatMap((a, i) => (a === "--resource" && argv[i + 1] ? argv[i + 1].split(",") : a.startsWith("--resource=") ? a.slice(11).split(",") : [])).map(Number);
      if (ids.length === 0 || ids.some((n) => !Number.isInteger(n) || n <= 0)) {
        console.error(USAGE);
        return 2;
      }
      const found = await resourceNamesByIds(db, ids);
      const missing = ids.filter((id) => !found.some((r) => r.id === id));
      if (missing.length) {
        console.error(`エラー: 活動が見つかりません: ${missing.join("、")}`);
        return 1;
      }
      const inv = await createOrganizerInvitation(db, { resourceIds: ids, createdBy: null, now: new Date() });
      console.log(`登録コード: ${inv.code}（${found.map((r) => r.name).join("、")}、${formatInstantJa(inv.expiresAt, timeZone)}まで有効）\n主催者の方は LINE で「主催者登録 ${inv.code}」と送ってください。`);
      return 0;
    }
    if (positional[0] === "invite" && positional[1] === "sc") {
      const now = new Date();
      if (flags.layer === "1") {
        const inv = await createInvitation(db, { layer: 1, areaIds: [], now });
        console.log(`登録コード: ${inv.code}（第1層・区全体、${formatInstantJa(inv.expiresAt, timeZone)}まで有効）\nSCの方は LINE で「SC登録 ${inv.code}」と送ってください。`);
        return 0;
      }
      const names = areasOf(argv);
      if (names.length === 0) {
        console.error(USAGE);
        return 2;
      }
      const areas = await areasByNames(db, names, "area");
      const missing = names.filter((n) => !areas.some((a) => a.name === n));
      if (missing.length) {
        console.error(`エラー: 地域が見つかりません: ${missing.join("、")}`);
        return 1;
      }
      const inv = await createInvitation(db, { layer: 2, areaIds: areas.map((a) => a.id), now });
      console.log(`登録コード: ${inv.code}（第2層・${names.join("、")}、${formatInstantJa(inv.expiresAt, timeZone)}まで有効）\nSCの方は LINE で「SC登録 ${inv.code}」と送ってください。`);
      return 0;
    }
    if (positional[0] === "list") {
      const scs = await scsWithScope(db);
      console.log("SC:");
      for (const u of scs) {
        const scope = u.scAssignments.some((a) => a.layer === 1) ? "第1層（区全体）" : u.scAssignments.map((a) => a.area?.name).join("、");
        console.log(`  #${u.id} ${u.lineUserId}  ${scope}`);
      }
      const pending = await openInvitations(db, new Date());
      console.log("未使用の登録コード:");
      for (const i of pending) console.log(`  ${i.code}  第${i.layer}層  ${formatInstantJa(i.expiresAt, timeZone)}まで`);
      return 0;
    }
    if (positional[0] === "revoke" && positional[1]) {
      const user = await revokeSc(db, positional[1]);
      if (!user) {
        console.error("エラー: そのユーザーは見つかりません");
        return 1;
      }
      console.log(`#${user.id} のSC権限を外しました`);
      return 0;
    }
    console.error(USAGE);
    return 2;
  } finally {
    await db.$disconnect();
  }
});
