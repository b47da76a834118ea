"""Where an explorer chart's labels are: every SVG text inside the SVG's viewBox and clear of the
other labels (shared by the browser tests of standalone widgets and of the built pages)."""

from __future__ import annotations

#: JS: for each visible chart, the labels outside the viewBox and the pairs that overlap.
_CHECK = """
(svgs) => {
  const problems = [];
  const eps = 0.5;
  for (const svg of svgs) {
    const box = svg.getBoundingClientRect();
    if (!box.width || !box.height) continue;            // not shown (e.g. print only)
    const vb = svg.viewBox.baseVal;
    const sx = box.width / vb.width, sy = box.height / vb.height;
    const where = svg.closest('.tk-explorer').dataset.explorer + ' @' + Math.round(box.width);
    const texts = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent, x0: (r.left - box.left) / sx, y0: (r.top - box.top) / sy,
               x1: (r.right - box.left) / sx, y1: (r.bottom - box.top) / sy };
    });
    for (const t of texts) {
      if (t.x0 < -eps || t.y0 < -eps || t.x1 > vb.width + eps || t.y1 > vb.height + eps) {
        problems.push(`${where}: "${t.text}" outside the chart ` +
          `(${t.x0.toFixed(1)},${t.y0.toFixed(1)})–(${t.x1.toFixed(1)},${t.y1.toFixed(1)}) ` +
          `in ${vb.width}×${vb.height}`);
      }
    }
    for (let i = 0; i < texts.length; i += 1) {
      for (let j = i + 1; j < texts.length; j += 1) {
        const a = texts[i], b = texts[j];
        const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        if (w > eps && h > eps) problems.push(`${where}: "${a.text}" overlaps "${b.text}"`);
      }
    }
  }
  return problems;
}
"""


def label_problems(scope) -> list[str]:
    """Problems with the labels of every chart shown inside ``scope`` (a page or locator)."""
    return scope.locator("svg.tk-chart:not(.tk-meter)").evaluate_all(_CHECK)


def chart_count(scope) -> int:
    """How many charts are shown (laid out with a size) inside ``scope``."""
    return scope.locator("svg.tk-chart:not(.tk-meter)").evaluate_all(
        "svgs => svgs.filter(s => s.getBoundingClientRect().width > 0).length")
