import { createRequire } from "node:module";
import type { Plugin } from "chart.js";
import type { NeedsReport } from "./needs.js";

/**
 * The needs chart for a 協議体 handout: demand beside supply per category, in
 * Japanese, drawn by Chart.js on a Skia canvas (@napi-rs/canvas) with Noto Sans
 * JP from the npm registry (a full TrueType font, so every kanji is there).
 * Horizontal bars, so long category names are never cut off.
 */

const FAMILY = "Noto Sans JP";
/** Chart.js, the Skia canvas and the font are loaded with the first chart (not at start-up: they are large). */
async function drawing() {
  const [{ createCanvas, GlobalFonts }, chartjs] = await Promise.all([import("@napi-rs/canvas"), import("chart.js")]);
  if (!GlobalFonts.has(FAMILY)) {
    const require = createRequire(import.meta.url);
    GlobalFonts.registerFromPath(require.resolve("@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf"), FAMILY);
    GlobalFonts.registerFromPath(require.resolve("@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf"), FAMILY);
    chartjs.Chart.register(chartjs.BarController, chartjs.BarElement, chartjs.CategoryScale, chartjs.LinearScale, chartjs.Legend, chartjs.Title);
  }
  return { createCanvas, Chart: chartjs.Chart };
}

const whiteBackground: Plugin<"bar"> = {
  id: "whiteBackground",
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = "#FFFFFF";
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

export const CHART_LEGEND = { demand: "問い合わせ", supply: "活動・サービス（資源）" } as const;

/** PNG of the report's demand and supply by category (categories with neither are left out). */
export async function needsChartPng(r: Pick<NeedsReport, "supplyDemand" | "areas">): Promise<Buffer> {
  const { createCanvas, Chart } = await drawing();
  const rows = r.supplyDemand.filter((x) => x.inquiries || x.resources);
  const width = 1400;
  const height = Math.max(420, 180 + rows.length * 70);
  const canvas = createCanvas(width, height);
  const chart = new Chart(canvas.getContext("2d") as never, {
    type: "bar",
    data: {
      labels: rows.map((x) => x.label),
      datasets: [
        { label: CHART_LEGEND.demand, data: rows.map((x) => x.inquiries), backgroundColor: "#D65F30" },
        { label: CHART_LEGEND.supply, data: rows.map((x) => x.resources), backgroundColor: "#1E7F4F" },
      ],
    },
    options: {
      indexAxis: "y",
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      font: { family: FAMILY, size: 24 },
      layout: { padding: 24 },
      scales: {
        x: { beginAtZero: true, ticks: { precision: 0, font: { family: FAMILY, size: 22 }, color: "#222222" } },
        y: { ticks: { autoSkip: false, font: { family: FAMILY, size: 24 }, color: "#222222" } },
      },
      plugins: {
        title: { display: true, text: `需要と供給（カテゴリ別）　${r.areas.length > 4 ? `${r.areas.length}地域` : r.areas.join("・")}`, font: { family: FAMILY, size: 30, weight: "bold" }, color: "#111111" },
        legend: { labels: { font: { family: FAMILY, size: 24 }, color: "#222222" } },
      },
    } as never,
    plugins: [whiteBackground],
  });
  const png = canvas.toBuffer("image/png");
  chart.destroy();
  return png;
}
