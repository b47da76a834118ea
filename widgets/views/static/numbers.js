/*
 * Numbers as Swedish text: a shared part (widgets/views/esm.py SHARED_PARTS) of the explorer
 * and of "Lägg ihop profiler" (combine.js), so both format with one function.
 */

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const MINUS = "\u2212";

/**
 * A number as Swedish text, exactly as widgets/views/explorers/spec.py format_value: decimal
 * comma, a narrow no-break space between thousands, a no-break space before %, U+2212 for
 * minus, halves away from zero. decimals undefined: 0 from 10 up, 1 from 1 up, else 2
 * (percent: 0). One table of cases checks both (tests/tables/number_format.json).
 */
function formatNumber(value, format, decimals) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  let suffix = "";
  let digits = decimals;
  if (format === "percent") {
    value *= 100;
    suffix = `${NBSP}%`;
    if (digits === null || digits === undefined) digits = 0;
  } else if (digits === null || digits === undefined) {
    const size = Math.abs(value);
    digits = size >= 10 ? 0 : size >= 1 ? 1 : 2;
  }
  const text = Math.abs(value).toFixed(digits);
  const [whole, fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  const sign = value < 0 && /[1-9]/.test(text) ? MINUS : "";
  return sign + grouped + (fraction ? `,${fraction}` : "") + suffix;
}
