// PurgeCSS (pinned in package.json) for the site's stylesheet, driven by widgets/site/assets.py.
// Reads {css, content: [file paths], safelist: {standard, deep, greedy: [regex source]}} as JSON on
// stdin and writes the purged CSS to stdout. Nothing else: the choices live in assets.py.
import { PurgeCSS } from "purgecss";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const job = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const patterns = (list) => (list || []).map((source) => new RegExp(source));

const [result] = await new PurgeCSS().purge({
  content: job.content,
  css: [{ raw: job.css }],
  safelist: {
    standard: patterns(job.safelist.standard),
    deep: patterns(job.safelist.deep),
    greedy: patterns(job.safelist.greedy),
  },
  // keep every custom property, @keyframes and @font-face: the theme's variables are read at
  // run time (dark mode), and the fonts are subset afterwards to the glyphs that remain in use
  variables: false,
  keyframes: false,
  fontFace: false,
});
process.stdout.write(result.css);
