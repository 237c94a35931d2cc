// A horizontal bar chart per figure, written by hand: median as the bar, min–max as a whisker,
// the interquartile range as a darker band. No charting dependency.
import type { Figure } from "../results.js";

const WIDTH = 780;
const LABEL_WIDTH = 350;
const VALUE_WIDTH = 110;
const ROW = 30;
const TOP = 44;
const BOTTOM = 34;

function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** A round tick step giving about four ticks up to `value`: 1, 2 or 5 times a power of ten. */
function niceStep(value: number): number {
  if (!(value > 0)) {
    return 0.25;
  }
  const rough = value / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= rough) {
      return step * power;
    }
  }
  return 10 * power;
}

function format(value: number, digits: number): string {
  return value.toLocaleString("en-US", {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

/** Renders `figure` as an SVG document. */
export function figureSvg(figure: Figure): string {
  const rows = figure.series;
  const height = TOP + rows.length * ROW + BOTTOM;
  const plotLeft = LABEL_WIDTH;
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const largest = Math.max(
    0,
    ...rows.map((entry) => (entry.status === "ok" ? (entry.summary?.max ?? 0) : 0)),
  );
  const step = niceStep(largest);
  const ticks = Math.max(1, Math.ceil(largest / step));
  const maxValue = step * ticks;
  const x = (value: number) => plotLeft + (Math.min(value, maxValue) / maxValue) * plotWidth;
  const digits = figure.digits ?? 1;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12">`,
    `<title>${escapeXml(figure.title)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="8" y="20" font-size="14" font-weight="600" fill="#111">${escapeXml(figure.title)}</text>`,
    `<text x="8" y="36" fill="#555">${escapeXml(`${figure.unit}, ${figure.better} is better; bar = median, band = IQR, whisker = min–max`)}</text>`,
  );
  // Grid lines and axis labels.
  for (let tick = 0; tick <= ticks; tick += 1) {
    const value = step * tick;
    const tx = x(value);
    parts.push(
      `<line x1="${tx}" y1="${TOP - 4}" x2="${tx}" y2="${TOP + rows.length * ROW}" stroke="#e5e5e5"/>`,
      `<text x="${tx}" y="${TOP + rows.length * ROW + 16}" text-anchor="middle" fill="#555">${escapeXml(format(value, step < 1 ? 2 : 0))}</text>`,
    );
  }
  rows.forEach((entry, index) => {
    const y = TOP + index * ROW;
    const ours = entry.key.startsWith("ours") || entry.label.startsWith("ours");
    // About 6.5 px per character at 12 px: shorten labels that would run off the left edge.
    const room = Math.floor((plotLeft - 16) / 6.5);
    const label = entry.label.length > room ? `${entry.label.slice(0, room - 1)}…` : entry.label;
    parts.push(
      `<text x="${plotLeft - 8}" y="${y + 19}" text-anchor="end" fill="#111">${escapeXml(label)}</text>`,
    );
    const summary = entry.summary;
    if (entry.status !== "ok" || !summary) {
      parts.push(
        `<text x="${plotLeft + 4}" y="${y + 19}" fill="#a15c00" font-style="italic">${escapeXml(entry.status)}${entry.note ? escapeXml(`: ${entry.note.slice(0, 60)}`) : ""}</text>`,
      );
      return;
    }
    const fill = ours ? "#2563eb" : "#9ca3af";
    const band = ours ? "#1e3a8a" : "#4b5563";
    parts.push(
      `<rect x="${plotLeft}" y="${y + 6}" width="${Math.max(1, x(summary.median) - plotLeft)}" height="18" fill="${fill}"/>`,
      `<rect x="${x(summary.q1)}" y="${y + 12}" width="${Math.max(1, x(summary.q3) - x(summary.q1))}" height="6" fill="${band}" opacity="0.6"/>`,
      `<line x1="${x(summary.min)}" y1="${y + 15}" x2="${x(summary.max)}" y2="${y + 15}" stroke="#111"/>`,
      `<line x1="${x(summary.min)}" y1="${y + 10}" x2="${x(summary.min)}" y2="${y + 20}" stroke="#111"/>`,
      `<line x1="${x(summary.max)}" y1="${y + 10}" x2="${x(summary.max)}" y2="${y + 20}" stroke="#111"/>`,
      `<text x="${WIDTH - 8}" y="${y + 19}" text-anchor="end" fill="#111">${escapeXml(`${format(summary.median, digits)} ${figure.unit}`)}</text>`,
    );
    if (summary.max > maxValue) {
      parts.push(`<text x="${plotLeft + plotWidth + 2}" y="${y + 19}" fill="#111">›</text>`);
    }
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
