// formatNumber (widgets/views/static/explorer.js) against the shared table
// tests/tables/number_format.json. Run by tests/unit/test_number_format.py, which writes the
// explorer's ES module (common.js + explorer.js, as the widget gets it) with an export added
// and passes its path in TK_EXPLORER_MODULE.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const table = JSON.parse(readFileSync(new URL("../tables/number_format.json", import.meta.url), "utf8"));
const { formatNumber } = await import(pathToFileURL(process.env.TK_EXPLORER_MODULE).href);

for (const row of table.cases) {
  test(`${JSON.stringify(row.value)} ${row.format} ${row.decimals}`, () => {
    const value = row.value === "nan" ? NaN : row.value;
    assert.equal(formatNumber(value, row.format, row.decimals ?? undefined), row.expected);
  });
}
