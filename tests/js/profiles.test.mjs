// Reading Tillitsprofil files and combining them in combine.js, against the table
// tests/tables/profiles.json that tests/unit/test_parity_tables.py runs through
// widgets/content/profiles.py. Loaded as the widget ships it (see bundle.mjs).
import assert from "node:assert/strict";
import { test } from "node:test";

import { load, states, table } from "./bundle.mjs";

const { readProfileFile, combineRatings, formatNumber, ProfileRefusal } = await load("combine", ["readProfileFile", "combineRatings", "formatNumber", "ProfileRefusal"]);
const hallmarks = states("hallmark-states.json");
const { reading, combining } = table("profiles.json");
const LIMITS = states("combine-limits.json");
const COLUMNS = ["kannetecken", "betyg"];

/** Text in an encoding, as Python's str.encode writes it. */
function encode(text, encoding) {
  const utf8 = new TextEncoder().encode(text);
  switch (encoding || "utf-8") {
    case "utf-8":
      return utf8;
    case "utf-8-sig":
      return Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]);
    case "latin-1":
      return Uint8Array.from([...text].map((c) => c.codePointAt(0)));
    case "utf-16":
    case "utf-16-le": {
      const units = [...Array(text.length).keys()].flatMap((i) => [text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8]);
      return Uint8Array.from(encoding === "utf-16" ? [0xff, 0xfe, ...units] : units);
    }
    default:
      throw new Error(`unknown encoding ${encoding}`);
  }
}

function bytesOf(row) {
  if (row.bytes_hex) return Uint8Array.from(row.bytes_hex.match(/../g).map((hex) => parseInt(hex, 16)));
  return encode(row.text, row.encoding);
}

for (const row of reading) {
  test(`reads: ${row.name}`, () => {
    const read = () => readProfileFile(row.file || "profil.csv", bytesOf(row), hallmarks, LIMITS, COLUMNS);
    if (row.expected.reason) {
      assert.throws(read, (err) => {
        assert.ok(err instanceof ProfileRefusal, String(err));
        assert.equal(err.reason, row.expected.reason);
        if (row.expected.line) assert.equal(err.line, row.expected.line);
        return true;
      });
    } else {
      const result = read();
      assert.deepEqual(result.ratings, row.expected.ratings);
      assert.equal(result.semicolons, Boolean(row.expected.semicolons));
    }
  });
}

for (const row of combining) {
  test(`combines: ${row.name}`, () => {
    const rows = combineRatings(row.profiles, hallmarks);
    assert.deepEqual(rows.map((r) => r.id), row.expected.map((r) => r.id));
    rows.forEach((got, i) => {
      const want = row.expected[i];
      for (const key of ["mean", "std", "min", "max"]) {
        if (want[key] === null) assert.equal(got[key], null, `${want.id} ${key}`);
        else assert.ok(Math.abs(got[key] - want[key]) < 1e-12, `${want.id} ${key}: ${got[key]} ≠ ${want[key]}`);
      }
      assert.equal(got.count, want.count);
      assert.equal(formatNumber(got.mean, "number", 1), want.mean_text);
      assert.equal(formatNumber(got.std, "number", 1), want.std_text);
    });
  });
}
