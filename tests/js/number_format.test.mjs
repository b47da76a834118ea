// formatNumber (widgets/views/static/explorer.js) against the shared table
// tests/tables/number_format.json, which tests/unit/test_number_format.py runs through the
// Python formatter. Loaded as the explorer widget ships it (see bundle.mjs).
import assert from "node:assert/strict";
import { test } from "node:test";

import { load, table } from "./bundle.mjs";

const { formatNumber } = await load("explorer", ["formatNumber"]);

for (const row of table("number_format.json").cases) {
  test(`${JSON.stringify(row.value)} ${row.format} ${row.decimals}`, () => {
    const value = row.value === "nan" ? NaN : row.value;
    assert.equal(formatNumber(value, row.format, row.decimals ?? undefined), row.expected);
  });
}
