// The simulator page: personas, signed webhook events to /webhook, and the bot's messages over SSE.
(async () => {
  const $ = (id) => document.getElementById(id);
  const config = await (await fetch("/simulator/config")).json();
  const areas = config.blocks.flatMap((b) => b.areas);
  // Reply tokens, with the persona each one was sent as.
  const myTokens = new Map();
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", enc.encode(config.secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);

  const randomHex = (n) => [...crypto.getRandomValues(new Uint8Array(n))].map((b) => b.toString(16).padStart(2, "0")).join("");
  const loadPersonas = () => JSON.parse(localStorage.getItem("personas") || "[]");
  const savePersonas = (p) => localStorage.setItem("personas", JSON.stringify(p));
  let personas = loadPersonas();
  if (!personas.length) {
    personas = [
      { label: "住民（蓮根）", userId: "U" + randomHex(16), role: "resident", area: "蓮根" },
      { label: "ボランティア", userId: "U" + randomHex(16), role: "volunteer", area: "蓮根" },
      { label: "SC（蓮根）", userId: "U" + randomHex(16), role: "sc", area: "蓮根" },
    ];
    savePersonas(personas);
  }
  let current = personas[0];
  const prepared = new Set(JSON.parse(localStorage.getItem("prepared") || "[]"));
  // Each persona's talk, kept while the page is open: a push to someone not on screen waits for them.
  const histories = new Map();
  const unread = new Map();
  const historyOf = (userId) => {
    if (!histories.has(userId)) histories.set(userId, []);
    return histories.get(userId);
  };
  const ROLE_JA = { resident: "住民", volunteer: "ボランティア", sc: "SC" };
  const labelOf = (p) => `${ROLE_JA[p.role] || "住民"}${p.area ? `（${p.area}）` : ""}`;

  function renderPersonas() {
    $("persona").innerHTML = personas.map((p, i) => `<option value="${i}">${labelOf(p)}${unread.get(p.userId) ? `　新着${unread.get(p.userId)}` : ""}</option>`).join("");
    $("persona").value = String(personas.indexOf(current));
  }
  // Labels follow what the bot knows: a resident who became an SC or a volunteer, a new home area.
  async function refreshRoles() {
    const ids = personas.map((p) => p.userId).join(",");
    const rows = await (await fetch(`/simulator/personas?ids=${ids}`)).json();
    let changed = false;
    for (const r of rows) {
      const p = personas.find((x) => x.userId === r.userId);
      if (!p) continue;
      // A persona prepared as a volunteer stays labelled so until the bot knows better; an SC
      // who claimed a code, a new volunteer, a moved resident are relabelled.
      const rank = { resident: 0, volunteer: 1, sc: 2 };
      const role = rank[r.role] > rank[p.role] || p.fromServer ? r.role : p.role;
      if (role !== p.role || (r.area && p.area !== r.area)) {
        p.role = role;
        p.fromServer = true;
        if (r.area) p.area = r.area;
        changed = true;
      }
    }
    if (changed) {
      savePersonas(personas);
      renderPersonas();
    }
  }
  function showHistory() {
    $("log").innerHTML = "";
    $("chips").innerHTML = "";
    for (const item of historyOf(current.userId)) item.kind === "me" ? userBubble(item.text, false) : botMessage(item.message, false);
    unread.delete(current.userId);
    renderPersonas();
  }
  async function prepare(p) {
    if (prepared.has(p.userId)) return;
    await fetch("/simulator/persona", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(p) });
    prepared.add(p.userId);
    localStorage.setItem("prepared", JSON.stringify([...prepared]));
  }
  renderPersonas();
  // Every persona exists for the bot from the start, so announcements can reach them too.
  for (const p of personas) await prepare(p);
  $("persona").onchange = async () => {
    current = personas[Number($("persona").value)];
    await prepare(current);
    showHistory();
  };
  $("newPersona").onclick = async () => {
    const role = prompt("役割（resident / volunteer / sc）", "resident") || "resident";
    const area = prompt("地域（例：高島平）", "高島平") || "高島平";
    const p = { userId: "U" + randomHex(16), role, area };
    personas.push(p);
    savePersonas(personas);
    current = p;
    await prepare(p);
    showHistory();
  };

  function raw(label, obj) {
    const el = $("raw");
    el.textContent += `${label}\n${JSON.stringify(obj, null, 2)}\n\n`;
    el.scrollTop = el.scrollHeight;
  }

  async function post(event) {
    const body = JSON.stringify({ destination: "U" + "0".repeat(32), events: [event] });
    const sig = btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.sign("HMAC", key, enc.encode(body)))));
    raw("→ /webhook", JSON.parse(body));
    await fetch("/webhook", { method: "POST", headers: { "content-type": "application/json", "x-line-signature": sig }, body });
  }
  function base(type, extra) {
    const replyToken = randomHex(16);
    myTokens.set(replyToken, current.userId);
    return { type, mode: "active", timestamp: Date.now(), source: { type: "user", userId: current.userId }, webhookEventId: "01" + randomHex(12).toUpperCase(), deliveryContext: { isRedelivery: false }, replyToken, ...extra };
  }
  const sendText = (text) => {
    if (!text.trim()) return;
    userBubble(text);
    return post(base("message", { message: { type: "text", id: String(Date.now()), quoteToken: randomHex(8), text } }));
  };
  const sendPostback = (data, displayText) => {
    if (displayText) userBubble(displayText);
    return post(base("postback", { postback: { data } }));
  };
  const sendLocation = (lat, lng, title) => {
    userBubble(`（位置情報）${title}`);
    return post(base("message", { message: { type: "location", id: String(Date.now()), title, address: `東京都板橋区 ${title}`, latitude: lat, longitude: lng } }));
  };

  function userBubble(text, record = true) {
    if (record) historyOf(current.userId).push({ kind: "me", text });
    const row = document.createElement("div");
    row.className = "row me";
    row.innerHTML = `<div class="bubble-text"></div>`;
    row.firstChild.textContent = text;
    $("log").appendChild(row);
    $("log").scrollTop = $("log").scrollHeight;
  }

  function doAction(a) {
    if (!a) return;
    if (a.type === "postback") return sendPostback(a.data, a.displayText || a.label);
    if (a.type === "message") return sendText(a.text);
    if (a.type === "location" || (a.type === "uri" && a.uri.startsWith("https://line.me/R/nv/location"))) return openPicker();
    if (a.type === "uri") window.open(a.uri, "_blank");
  }
  function actionElement(a, cls) {
    if (a.type === "uri" && !a.uri.startsWith("https://line.me/R/nv/location")) {
      const link = document.createElement("a");
      link.href = a.uri;
      link.target = "_blank";
      link.className = cls + (a.uri.startsWith("tel:") ? " tel" : "");
      link.textContent = a.label + (a.uri.startsWith("tel:") && !/\d/.test(a.label) ? `（${decodeURIComponent(a.uri.slice(4))}）` : "");
      return link;
    }
    const b = document.createElement("button");
    b.className = cls;
    b.textContent = a.label;
    b.onclick = () => doAction(a);
    return b;
  }

  const SIZES = { xxs: 11, xs: 13, sm: 14, md: 16, lg: 19, xl: 22, xxl: 26, "3xl": 30, "4xl": 36, "5xl": 44 };
  const SPACING = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 };
  function flexNode(n, parentLayout) {
    let el;
    if (n.type === "box") {
      el = document.createElement("div");
      el.className = `fbox ${n.layout}`;
      el.style.gap = `${SPACING[n.spacing] ?? 0}px`;
      if (n.justifyContent) el.style.justifyContent = n.justifyContent;
      for (const c of n.contents || []) el.appendChild(flexNode(c, n.layout));
    } else if (n.type === "text") {
      el = document.createElement("div");
      el.className = "ftext" + (n.wrap ? " wrap" : "");
      el.textContent = n.text;
      el.style.fontSize = `${SIZES[n.size || "md"] ?? 16}px`;
      if (n.weight === "bold") el.style.fontWeight = "700";
      if (n.color) el.style.color = n.color;
      if (n.align) el.style.textAlign = n.align;
    } else if (n.type === "separator") {
      el = document.createElement("div");
      el.className = "fsep";
    } else if (n.type === "button") {
      el = actionElement(n.action, `fbutton ${n.style || "link"}`);
      if (n.color && n.style === "primary") el.style.background = n.color;
    } else if (n.type === "image") {
      el = document.createElement("img");
      el.src = n.url;
      el.style.width = "100%";
    } else {
      el = document.createElement("div");
    }
    if (n.margin) el.style.marginTop = `${SPACING[n.margin] ?? 0}px`;
    if (parentLayout && parentLayout !== "vertical" && n.flex !== undefined) el.style.flex = String(n.flex);
    if (parentLayout && parentLayout !== "vertical" && n.flex === undefined && n.type !== "separator") el.style.flex = "1";
    return el;
  }
  function bubble(b) {
    const el = document.createElement("div");
    el.className = "fbubble" + (b.size === "kilo" ? " kilo" : "");
    for (const part of ["header", "hero", "body", "footer"]) {
      if (!b[part]) continue;
      const sec = document.createElement("div");
      sec.className = "fsection";
      sec.appendChild(flexNode(b[part]));
      el.appendChild(sec);
    }
    return el;
  }

  function botMessage(m, record = true) {
    if (record) historyOf(current.userId).push({ kind: "bot", message: m });
    const row = document.createElement("div");
    row.className = "row bot";
    if (m.type === "text") {
      row.innerHTML = `<div class="bubble-text"></div>`;
      row.firstChild.textContent = m.text;
    } else if (m.type === "flex") {
      const c = m.contents;
      if (c.type === "carousel") {
        const wrap = document.createElement("div");
        wrap.className = "carousel";
        for (const b of c.contents) wrap.appendChild(bubble(b));
        row.appendChild(wrap);
      } else row.appendChild(bubble(c));
    } else {
      row.innerHTML = `<div class="bubble-text">[${m.type}]</div>`;
    }
    $("log").appendChild(row);
    $("chips").innerHTML = "";
    for (const item of m.quickReply?.items || []) $("chips").appendChild(actionElement(item.action, "chip"));
    $("log").scrollTop = $("log").scrollHeight;
  }

  const stream = new EventSource("/simulator/stream");
  stream.onmessage = (e) => {
    const call = JSON.parse(e.data);
    const b = call.body || {};
    if (call.status !== 200) return;
    const to = call.path.endsWith("/reply") ? [myTokens.get(b.replyToken)] : Array.isArray(b.to) ? b.to : [b.to];
    for (const p of personas.filter((x) => to.includes(x.userId))) {
      if (p === current) {
        raw(`← ${call.path}`, b);
        for (const m of b.messages || []) botMessage(m);
      } else {
        historyOf(p.userId).push(...(b.messages || []).map((m) => ({ kind: "bot", message: m })));
        unread.set(p.userId, (unread.get(p.userId) || 0) + (b.messages || []).length);
      }
    }
    renderPersonas();
    refreshRoles();
  };

  $("send").onclick = () => {
    sendText($("text").value);
    $("text").value = "";
  };
  $("text").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.isComposing) $("send").click();
  });
  $("follow").onclick = () => post(base("follow", { follow: { isUnblocked: false } }));

  // Location picker: a small map of the area centroids, and one button per area.
  const lats = areas.map((a) => a.lat), lngs = areas.map((a) => a.lng);
  const [minLat, maxLat, minLng, maxLng] = [Math.min(...lats) - 0.01, Math.max(...lats) + 0.01, Math.min(...lngs) - 0.01, Math.max(...lngs) + 0.01];
  const toXY = (lat, lng) => [((lng - minLng) / (maxLng - minLng)) * 400, 260 - ((lat - minLat) / (maxLat - minLat)) * 260];
  const map = $("map");
  map.innerHTML = areas.map((a) => { const [x, y] = toXY(a.lat, a.lng); return `<circle cx="${x}" cy="${y}" r="5" fill="#1e7f4f"/><text x="${x + 7}" y="${y + 4}" font-size="11">${a.name}</text>`; }).join("");
  map.onclick = (e) => {
    const r = map.getBoundingClientRect();
    const x = ((e.clientX - r.left) / r.width) * 400, y = ((e.clientY - r.top) / r.height) * 260;
    const lng = minLng + (x / 400) * (maxLng - minLng), lat = minLat + ((260 - y) / 260) * (maxLat - minLat);
    closePicker();
    sendLocation(Number(lat.toFixed(6)), Number(lng.toFixed(6)), "地図で選んだ場所");
  };
  $("areaButtons").innerHTML = "";
  for (const a of areas) {
    const b = document.createElement("button");
    b.textContent = a.name;
    b.onclick = () => { closePicker(); sendLocation(a.lat, a.lng, `${a.name}付近`); };
    $("areaButtons").appendChild(b);
  }
  function openPicker() { $("picker").classList.add("open"); }
  function closePicker() { $("picker").classList.remove("open"); }
  $("loc").onclick = openPicker;
  $("closePicker").onclick = closePicker;

  // The rich menu under the input box, with the same tap areas as in LINE.
  const menu = await (await fetch("/simulator/richmenu.json")).json();
  for (const area of menu.areas) {
    const hit = document.createElement("div");
    hit.className = "hit";
    hit.title = area.action.label;
    Object.assign(hit.style, { left: `${(area.bounds.x / menu.size.width) * 100}%`, top: `${(area.bounds.y / menu.size.height) * 100}%`, width: `${(area.bounds.width / menu.size.width) * 100}%`, height: `${(area.bounds.height / menu.size.height) * 100}%` });
    hit.onclick = () => doAction(area.action);
    $("menu").appendChild(hit);
  }
  window.simulatorReady = true;
})();
