// The shared table of markup inputs (tests/tables/markup.json) through common.js in Node.
import assert from "node:assert/strict";
import { test } from "node:test";

import { load, table } from "./bundle.mjs";

const { markupNodes, linkTarget } = await load("quiz", ["markupNodes", "linkTarget"]);
const { cases } = table("markup.json");

const asRow = (node) => (node.type === "a" ? ["a", node.href, node.text] : [node.type, node.text]);

for (const c of cases) {
  test(`markup: ${c.name}`, () => {
    const got = markupNodes(c.input);
    assert.deepEqual(got.map(asRow), c.nodes);
    for (const node of got) if (node.type === "a") assert.equal(linkTarget(node.href), node.href);
  });
}
