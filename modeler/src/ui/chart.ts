/**
 * Bar charts drawn as plain SVG: grouped bars (one group per category, one bar per series) with a value
 * label on each bar, a y axis with round ticks and a legend. Sized by a viewBox, so they scale with the
 * page (the portal and the console both run on narrow screens).
 */

const SVG = 'http://www.w3.org/2000/svg';

/** One series of a chart: a name for the legend, a colour and one value per category. */
export interface Series {
  name: string;
  color: string;
  values: number[];
  /** A key for tests and styling, written as `data-series` on each bar. */
  key?: string;
}

/** What {@link barChart} draws. */
export interface BarChartSpec {
  title: string;
  categories: string[];
  series: Series[];
  width?: number;
  height?: number;
  /** Format of value labels (integers by default). */
  format?: (value: number) => string;
}

function node<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const n = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, String(v));
  if (text !== undefined) n.textContent = text;
  return n;
}

/** A "nice" axis maximum at or above `max`: 1, 2, 5 times a power of ten (each divides into five round steps). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Draws a grouped bar chart. Each bar is a `rect.bar` with `data-category`, `data-series` and `data-value`. */
export function barChart(spec: BarChartSpec): SVGSVGElement {
  const width = spec.width ?? 640;
  const height = spec.height ?? 260;
  const format = spec.format ?? ((v: number) => String(Math.round(v)));
  const margin = { top: 36, right: 12, bottom: 48, left: 40 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  // Five grid steps: with the default integer labels the axis goes to at least 5, so every tick is a whole number.
  const top = niceMax(Math.max(0, ...spec.series.flatMap((s) => s.values)));
  const max = spec.format ? top : Math.max(5, top);
  const y = (v: number) => margin.top + plotH - (v / max) * plotH;

  // Never drawn larger than designed (texts keep their size); narrower screens scale it down.
  const svg = node('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'aria-label': spec.title, style: `max-width: ${width}px` });
  svg.append(node('title', {}, spec.title));
  svg.append(node('text', { x: margin.left, y: 16, class: 'chart-title' }, spec.title));

  for (let i = 0; i <= 5; i++) {
    const v = (max / 5) * i;
    svg.append(node('line', { x1: margin.left, x2: width - margin.right, y1: y(v), y2: y(v), class: 'grid' }));
    svg.append(node('text', { x: margin.left - 6, y: y(v) + 4, 'text-anchor': 'end', class: 'tick' }, format(v)));
  }

  const groupW = plotW / Math.max(1, spec.categories.length);
  const barW = Math.min(36, (groupW * 0.8) / Math.max(1, spec.series.length));
  spec.categories.forEach((category, ci) => {
    const start = margin.left + ci * groupW + (groupW - barW * spec.series.length) / 2;
    spec.series.forEach((s, si) => {
      const v = s.values[ci] ?? 0;
      const x = start + si * barW;
      const bar = node('rect', { x, y: y(v), width: Math.max(1, barW - 2), height: Math.max(0, margin.top + plotH - y(v)), fill: s.color, class: 'bar' });
      bar.dataset.category = category;
      bar.dataset.series = s.key ?? s.name;
      bar.dataset.value = String(v);
      bar.append(node('title', {}, `${category} · ${s.name}: ${format(v)}`));
      svg.append(bar);
      if (v > 0) svg.append(node('text', { x: x + barW / 2 - 1, y: y(v) - 3, 'text-anchor': 'middle', class: 'value' }, format(v)));
    });
    const label = category.length > 10 ? `${category.slice(0, 9)}…` : category;
    svg.append(node('text', { x: margin.left + ci * groupW + groupW / 2, y: margin.top + plotH + 16, 'text-anchor': 'middle', class: 'category' }, label));
  });
  svg.append(node('line', { x1: margin.left, x2: width - margin.right, y1: y(0), y2: y(0), class: 'axis' }));

  let lx = margin.left;
  for (const s of spec.series) {
    svg.append(node('rect', { x: lx, y: height - 18, width: 10, height: 10, fill: s.color }));
    svg.append(node('text', { x: lx + 14, y: height - 9, class: 'legend' }, s.name));
    lx += 24 + s.name.length * 13;
  }
  return svg;
}
