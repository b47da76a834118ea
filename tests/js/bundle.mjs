// Load a widget's front-end module in Node exactly as the widget ships it: the text of
// widgets.views.esm.module(name) (common.js, shared parts, the widget's own file), with the
// named functions a test needs exported. tests/unit/test_js.py writes the modules into
// $TK_BUNDLES before it runs `node --test`; run alone, this asks Python for them.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** What tests/unit/test_js.py writes into $TK_BUNDLES; run alone, Python makes it now. */
function input(file) {
  if (!process.env.TK_BUNDLES) {
    const python = join(ROOT, ".venv", "bin", "python");
    const code = [
      "import os, sys, tempfile, pathlib",
      "from tests.unit.test_js import write_inputs",
      "folder = pathlib.Path(tempfile.mkdtemp()); (folder / 'b').mkdir()",
      "write_inputs(folder / 'b', folder); print(folder / 'b')",
    ].join("\n");
    process.env.TK_BUNDLES = execFileSync(python, ["-c", code], { cwd: ROOT, encoding: "utf8" }).trim();
  }
  return readFileSync(join(process.env.TK_BUNDLES, file), "utf8");
}

function moduleText(name) {
  return input(`${name}.js`);
}

/** Question states Python made: "grading-states.json" or "chapter-states.json". */
export function states(file) {
  return JSON.parse(input(file));
}

/** import the module of widget `name` with `names` exported (they are module-private). */
export async function load(name, names) {
  const source = `${moduleText(name)}\nexport { ${names.join(", ")} };\n`;
  return import(`data:text/javascript;base64,${Buffer.from(source).toString("base64")}`);
}

/** A JSON table from tests/tables/. */
export function table(name) {
  return JSON.parse(readFileSync(join(ROOT, "tests", "tables", name), "utf8"));
}
