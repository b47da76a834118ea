"""Run axe-core (pinned in package.json, installed by `make test` with npm ci) in a page."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: WCAG 2.1 A and AA, as the Swedish DOS law requires.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


#: True when no colour transition is running (axe measures the colours shown, and the theme's
#: colours fade over a moment after the mode changes).
SETTLED_COLOURS = "() => document.getAnimations().every((a) => a.playState !== 'running')"


def use_scheme(page, scheme: str) -> None:
    """Switch the page to light or dark mode as the system setting does, and wait until the
    theme has followed and its colours have settled."""
    page.emulate_media(color_scheme=scheme)
    page.wait_for_function("s => document.documentElement.dataset.theme === s", arg=scheme)
    page.wait_for_function(SETTLED_COLOURS)


def axe_version(page) -> str:
    return page.evaluate("axe.version")


def violations(page, *, include: str | None = None) -> list[dict]:
    """axe's WCAG 2.1 A/AA violations on the page (or inside ``include``), as short dicts.
    (``resultTypes``: axe details only the violations, which is all we read, and is faster.)"""
    if not AXE_JS.exists():
        raise RuntimeError(f"{AXE_JS} saknas. Kör 'npm ci' (make test gör det).")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    target = "document" if include is None else f"document.querySelector({include!r})"
    return page.evaluate(
        f"""async () => {{
            const r = await axe.run({target}, {{runOnly: {{type: 'tag', values: {WCAG_TAGS!r}}},
                                                resultTypes: ['violations']}});
            return r.violations.map(v => ({{id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}}));
        }}"""
    )


def describe(found: list[dict]) -> str:
    lines = []
    for v in found:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        lines += [f"    {node}" for node in v["nodes"]]
    return "\n".join(lines)
