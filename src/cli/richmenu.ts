import fs from "node:fs";
import path from "node:path";
import { messagingApi } from "@line/bot-sdk";
import { loadConfig } from "../config.js";
import { richMenuImage, richMenuRequest } from "../richmenu/menu.js";
import { parseArgs } from "./args.js";
import { run } from "./db-context.js";

/**
 * npm run richmenu -- --dry-run [--out dir]   writes richmenu.json and richmenu.png
 * npm run richmenu -- --apply                 creates the menu through the Messaging API and makes it the default
 */
run(async () => {
  const { flags } = parseArgs(process.argv.slice(2));
  const out = typeof flags.out === "string" ? flags.out : "richmenu";
  const menu = richMenuRequest();
  const image = richMenuImage();
  if (flags["dry-run"] || !flags.apply) {
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, "richmenu.json"), JSON.stringify(menu, null, 2) + "\n");
    fs.writeFileSync(path.join(out, "richmenu.png"), image);
    console.log(`書き出しました: ${path.join(out, "richmenu.json")}, ${path.join(out, "richmenu.png")}（LINE には送っていません）`);
    return 0;
  }
  const config = loadConfig();
  if (config.localMode) {
    console.error("エラー: --apply には LINE_CHANNEL_SECRET と LINE_CHANNEL_ACCESS_TOKEN が必要です。試すだけなら --dry-run を使ってください。");
    return 1;
  }
  const api = new messagingApi.MessagingApiClient({ channelAccessToken: config.channelAccessToken, baseURL: config.lineApiBaseUrl });
  // Images go to the data host; a test or local LINE_API_BASE_URL serves both.
  const dataBase = config.lineApiBaseUrl === "https://api.line.me" ? "https://api-data.line.me" : config.lineApiBaseUrl;
  const blob = new messagingApi.MessagingApiBlobClient({ channelAccessToken: config.channelAccessToken, baseURL: dataBase });
  const { richMenuId } = await api.createRichMenu(menu);
  await blob.setRichMenuImage(richMenuId, new Blob([new Uint8Array(image)], { type: "image/png" }));
  await api.setDefaultRichMenu(richMenuId);
  console.log(`リッチメニューを作成し、既定に設定しました: ${richMenuId}`);
  return 0;
});
