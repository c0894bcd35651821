import { formatOccurrence, type Occurrence } from "../schedule/occurrences.js";
import { displayPhone, telUri } from "../util/phone.js";
import { Html, html } from "./html.js";

/**
 * The public pages: large type, one column, real labels, every number written
 * out, working without JavaScript (a small script only adds "現在地から").
 * Colours meet WCAG AA contrast on white.
 */

const CSS = `
*{box-sizing:border-box}
html{font-size:20px}
body{margin:0;font-family:"Noto Sans JP","Hiragino Sans","Yu Gothic",Meiryo,sans-serif;line-height:1.7;color:#1a1a1a;background:#fff}
a{color:#0b5394}
a:focus,button:focus,select:focus,input:focus{outline:4px solid #c75000;outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:9}
header{background:#1e6b45;color:#fff;padding:.8rem 1rem}
header a{color:#fff;text-decoration:none;font-weight:700;font-size:1.2rem}
main{max-width:46rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.4;margin:.6rem 0 1rem}
h2{font-size:1.3rem;margin:1.4rem 0 .6rem}
form.search{display:grid;gap:.9rem;background:#f3f6f4;border:2px solid #cfd8d3;border-radius:12px;padding:1rem}
label{font-weight:700;display:block;margin-bottom:.2rem}
select,input{font:inherit;width:100%;padding:.55rem;border:2px solid #5f6b65;border-radius:8px;background:#fff;color:#1a1a1a}
button{font:inherit;font-weight:700;padding:.7rem 1.2rem;border-radius:10px;border:2px solid #1e6b45;cursor:pointer}
button.primary{background:#1e6b45;color:#fff}
button.secondary{background:#fff;color:#1e6b45}
.hint{font-size:.9rem;color:#45504a;margin:.2rem 0 0}
.result{border:2px solid #cfd8d3;border-radius:12px;padding:.8rem 1rem;margin:.9rem 0}
.result h2,.result h3{margin:.1rem 0 .4rem;font-size:1.25rem}
dl{display:grid;grid-template-columns:6.5em 1fr;gap:.2rem .8rem;margin:0}
dt{font-weight:700;color:#3b4540}
dd{margin:0}
.next{font-weight:700;font-size:1.1rem}
.notice{font-weight:700;color:#8a2c00}
.tel{font-weight:700;font-size:1.15rem;white-space:nowrap}
.centre{background:#fff8e6;border:2px solid #d9b25a;border-radius:12px;padding:.8rem 1rem;margin:1.2rem 0}
.pager{display:flex;justify-content:space-between;gap:1rem;margin:1rem 0}
ol.dates{margin:0;padding-left:1.4em}
footer{max-width:46rem;margin:2rem auto;padding:1rem;font-size:.9rem;color:#45504a;border-top:1px solid #cfd8d3}
`;

export function layout(title: string, body: Html, o: { municipality: string; script?: Html } = { municipality: "" }): Html {
  return html`<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}｜${o.municipality}の通いの場・生活のサービス</title>
<link rel="stylesheet" href="/fonts/noto-sans-jp/400.css">
<link rel="stylesheet" href="/fonts/noto-sans-jp/700.css">
<style>${new Html(CSS)}</style>
</head>
<body>
<a class="skip" href="#main">本文へ移動</a>
<header><a href="/">${o.municipality}の通いの場・生活のサービス</a></header>
<main id="main">
${body}
</main>
<footer>この情報は地域の生活支援コーディネーターがまとめています。内容が変わっていることがありますので、お出かけ前にお電話でご確認ください。</footer>
${o.script ?? ""}
</body>
</html>`;
}


export interface AreaGroup {
  name: string;
  areas: { name: string }[];
}
export interface CategoryOption {
  key: string;
  label: string;
}
export interface FormValues {
  area?: string;
  category?: string;
  weekday?: string;
  time?: string;
  fee?: string;
  q?: string;
}

const WEEKDAYS = ["日", "月", "火", "水", "木", "金", "土"];
const TIMES: [string, string][] = [["morning", "午前"], ["afternoon", "午後"], ["evening", "夕方以降"]];

function option(value: string, label: string, selected: string | undefined): Html {
  return html`<option value="${value}"${selected === value ? new Html(" selected") : ""}>${label}</option>`;
}

export function searchForm(groups: AreaGroup[], categories: CategoryOption[], v: FormValues, wholeLabel: string): Html {
  return html`<form class="search" action="/search" method="get" role="search" aria-label="さがす">
<div><label for="q">ことばでさがす</label><input id="q" name="q" type="search" value="${v.q ?? ""}" placeholder="例：はすねの体操、月曜日のサロン" aria-describedby="q-hint" autocomplete="off"><p class="hint" id="q-hint">ひらがなでも大丈夫です。下の項目と組み合わせることもできます。</p></div>
<div><label for="area">地域</label><select id="area" name="area">${option("", `指定しない（${wholeLabel}）`, v.area)}${groups.map((g) => html`<optgroup label="${g.name}">${g.areas.map((a) => option(a.name, a.name, v.area))}</optgroup>`)}</select></div>
<div><label for="category">さがすもの</label><select id="category" name="category">${option("", "指定しない", v.category)}${categories.map((c) => option(c.key, c.label, v.category))}</select></div>
<div><label for="weekday">曜日</label><select id="weekday" name="weekday">${option("", "指定しない", v.weekday)}${[1, 2, 3, 4, 5, 6, 0].map((d) => option(String(d), `${WEEKDAYS[d]}曜日`, v.weekday))}</select></div>
<div><label for="time">時間帯</label><select id="time" name="time">${option("", "指定しない", v.time)}${TIMES.map(([k, l]) => option(k, l, v.time))}</select></div>
<div><label for="fee">費用</label><select id="fee" name="fee">${option("", "指定しない", v.fee)}${option("free", "無料のものだけ", v.fee)}</select></div>
<div><button class="primary" type="submit">さがす</button> <button class="secondary" type="button" id="near" hidden>現在地からさがす</button></div>
</form>`;
}

/** "現在地から": only where the browser can tell the location; the form works without it. */
export const NEAR_SCRIPT = html`<script>
(function(){var b=document.getElementById("near");if(!b||!navigator.geolocation)return;b.hidden=false;
b.addEventListener("click",function(){b.disabled=true;b.textContent="位置を調べています…";
navigator.geolocation.getCurrentPosition(function(p){var f=document.querySelector("form.search");var u=new URLSearchParams(new FormData(f));u.delete("area");u.set("lat",p.coords.latitude.toFixed(5));u.set("lng",p.coords.longitude.toFixed(5));location.href="/search?"+u.toString();},
function(){b.disabled=false;b.textContent="現在地からさがす";alert("位置がわかりませんでした。地域を選んでください。");});});})();
</script>`;

export function whenText(next: Occurrence[], scheduleText: string): string {
  const o = next[0];
  if (!o) return scheduleText || "日程はお問い合わせください";
  return occurrenceText(o);
}

export const occurrenceText = formatOccurrence;

export function phoneLink(phone: string): Html {
  return phone ? html`<a class="tel" href="${telUri(phone)}">${displayPhone(phone)}</a>` : html`―`;
}

export interface ResultItem {
  id: number;
  name: string;
  categoryLabel: string;
  next: Occurrence[];
  scheduleText: string;
  venue: string;
  areaName: string | null;
  fee: string;
  phone: string;
  distanceM?: number;
  notices: string[];
}

export function resultList(items: ResultItem[]): Html {
  return html`${items.map(
    (r) => html`<article class="result">
<h2><a href="/resources/${r.id}">${r.name}</a></h2>
<dl>
<dt>種類</dt><dd>${r.categoryLabel}</dd>
<dt>次回</dt><dd class="next">${whenText(r.next, r.scheduleText)}</dd>
${r.notices.map((n) => html`<dt>お知らせ</dt><dd class="notice">${n}</dd>`)}
<dt>日程</dt><dd>${r.scheduleText || "―"}</dd>
<dt>場所</dt><dd>${r.venue || "―"}${r.areaName ? `（${r.areaName}）` : ""}${r.distanceM !== undefined ? `　約${Math.max(100, Math.round(r.distanceM / 100) * 100)}m` : ""}</dd>
<dt>費用</dt><dd>${r.fee || "―"}</dd>
<dt>電話</dt><dd>${phoneLink(r.phone)}</dd>
</dl>
</article>`,
  )}`;
}

export function centreBox(centre: { name: string; phone: string; areaName?: string | null } | null): Html {
  if (!centre) return html``;
  return html`<aside class="centre" aria-label="相談窓口"><strong>${centre.areaName ? `${centre.areaName}の` : ""}相談窓口</strong><br>${centre.name}<br>電話 ${phoneLink(centre.phone)}<br>介護や暮らしの困りごとを、無料で相談できます。</aside>`;
}
