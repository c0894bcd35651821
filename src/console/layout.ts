import { Html, html } from "../web/html.js";
import type { ConsoleSession } from "./auth.js";

/** The console's frame: navigation, the signed-in person, large type, plain forms that work without JavaScript. */

const CSS = `
*{box-sizing:border-box}html{font-size:18px}
body{margin:0;font-family:"Noto Sans JP","Hiragino Sans","Yu Gothic",Meiryo,sans-serif;line-height:1.6;color:#1a1a1a;background:#f6f7f6}
a{color:#0b5394}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #c75000;outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header{background:#24364f;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center}
header strong{margin-right:1rem}header nav a{color:#fff;margin-right:.9rem}
header form{margin-left:auto}
main{max-width:70rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.4rem 0 1rem}h2{font-size:1.2rem;margin:1.4rem 0 .5rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #c9d0cc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#e9eeeb}
form.box,.box{background:#fff;border:1px solid #c9d0cc;border-radius:10px;padding:1rem;margin:.8rem 0}
label{display:block;font-weight:700;margin:.5rem 0 .2rem}
input,select,textarea{font:inherit;padding:.4rem;border:2px solid #5f6b65;border-radius:6px;max-width:100%}
input[type=text],input[type=date],textarea,select{width:100%}
textarea{min-height:6rem}
button{font:inherit;font-weight:700;padding:.45rem 1rem;border-radius:8px;border:2px solid #24364f;background:#24364f;color:#fff;cursor:pointer;margin:.3rem .3rem 0 0}
button.secondary{background:#fff;color:#24364f}
.ok{color:#1e6b45;font-weight:700}.warn{color:#8a2c00;font-weight:700}
.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end}.filters>div{min-width:10rem}
.muted{color:#4b5650}
`;

export function page(title: string, body: Html, s: ConsoleSession | null, flash?: string): Html {
  const nav = s
    ? html`<nav aria-label="管理メニュー"><a href="/admin/resources">活動・サービス</a><a href="/admin/needs">ニーズ</a><a href="/admin/announcements">お知らせ</a><a href="/admin/meetings">会議</a><a href="/admin/help">相談</a><a href="/admin/volunteers">ボランティア</a><a href="/admin/audit">操作の記録</a></nav>
<form method="post" action="/admin/logout">${csrf(s)}<button class="secondary" type="submit" name="everywhere" value="1">すべての端末からサインアウト</button></form>`
    : "";
  return html`<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}｜ささえあいLINE 管理画面</title>
<link rel="stylesheet" href="/fonts/noto-sans-jp/400.css"><link rel="stylesheet" href="/fonts/noto-sans-jp/700.css">
<style>${new Html(CSS)}</style></head>
<body><a class="skip" href="#main">本文へ移動</a>
<header><strong>ささえあいLINE 管理画面</strong>${nav}</header>
<main id="main">
${flash ? html`<p role="status" class="ok">${flash}</p>` : ""}
<h1>${title}</h1>
${body}
</main></body></html>`;
}

export function csrf(s: ConsoleSession): Html {
  return html`<input type="hidden" name="_csrf" value="${s.csrf}">`;
}

export function options(list: { value: string | number; label: string }[], selected: string | number | null | undefined, empty?: string): Html {
  return html`${empty !== undefined ? html`<option value="">${empty}</option>` : ""}${list.map((o) => html`<option value="${o.value}"${String(selected ?? "") === String(o.value) ? new Html(" selected") : ""}>${o.label}</option>`)}`;
}
