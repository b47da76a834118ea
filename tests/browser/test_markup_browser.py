"""The shared table of hostile markup (``tests/tables/markup.json``) through the real
``renderMarkup`` in Chromium's DOM, and hostile text injected into a self-test on a built page:
nothing runs, and no link or attribute the browser would act on exists."""

import json
import re
from pathlib import Path

from tests.quiz_driver import answer, right_response, wrong_response
from widgets.content.questions import load_chapter
from widgets.views import esm

TABLE = json.loads((Path(__file__).parents[1] / "tables" / "markup.json").read_text(encoding="utf-8"))
CASES = TABLE["cases"]

READ_BACK = """(cases) => cases.map((input) => {
    const box = document.createElement('div');
    box.append(window.tkMarkup.renderMarkup(input));
    const nodes = [];
    for (const node of box.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        const last = nodes[nodes.length - 1];
        if (last && last[0] === 'text') last[1] += node.data; else nodes.push(['text', node.data]);
      } else {
        const tag = node.tagName.toLowerCase();
        const names = node.getAttributeNames();
        if (node.children.length) throw new Error('nested element in ' + input);
        if (tag === 'a') {
          if (names.join() !== 'href') throw new Error('attributes ' + names.join());
          nodes.push(['a', node.getAttribute('href'), node.textContent, node.protocol]);
        } else {
          if (names.length) throw new Error('attributes ' + names.join());
          nodes.push([tag, node.textContent]);
        }
      }
    }
    return nodes;
  })"""


def test_the_table_renders_in_chromium_as_in_python_and_node(open_widget):
    from widgets.views.quiz import SelfTest

    page, log = open_widget(SelfTest.for_chapter("intro"))
    page.locator(".tk-quiz").wait_for()
    page.add_script_tag(type="module", content=esm.module("quiz")
                        + "\nwindow.tkMarkup = { renderMarkup };\n")
    page.wait_for_function("window.tkMarkup !== undefined")
    rendered = page.evaluate(READ_BACK, [c["input"] for c in CASES])
    for case, nodes in zip(CASES, rendered):
        protocols = {n[3] for n in nodes if n[0] == "a"}
        assert [n[:3] for n in nodes] == case["nodes"], case["name"]
        # the browser's own reading of every href: only these schemes
        assert protocols <= {"http:", "https:", "mailto:"}, (case["name"], protocols)
    assert log.errors == []


HOSTILE_TEXTS = [c["input"] for c in CASES if "javascript" in c["input"].lower()
                 or "<" in c["input"] or "data:" in c["input"].lower()]
PWN = [
    '<img src=x onerror="window.__pwned=1">',
    "[klicka](javascript:window.__pwned=2)",
    "[klicka](\x01javascript:window.__pwned=3)",
    "[klicka](java\tscript:window.__pwned=4)",
    "[klicka](&#106;avascript:window.__pwned=5)",
    "</script><script>window.__pwned=6</script>",
    '<svg onload="window.__pwned=7">',
    "[klicka](data:text/html,<script>parent.__pwned=8</script>)",
]


def _inject(html: str, chapter: str) -> str:
    """The page with every text of the chapter's self-test replaced by hostile text."""
    pattern = re.compile(r'(<script type="application/vnd\.jupyter\.widget-state\+json">)(.*?)(</script>)',
                         re.S)
    match = pattern.search(html)
    state = json.loads(match.group(2))
    texts = iter((PWN + HOSTILE_TEXTS) * 20)
    found = 0
    for model in state["state"].values():
        questions = model.get("state", {}).get("questions")
        if model.get("state", {}).get("chapter") != chapter or not questions:
            continue
        for q in questions:
            for key in ("prompt", "statement", "feedback", "model_answer"):
                if key in q:
                    q[key] = next(texts)
            for option in q.get("options", []):
                option["text"], option["feedback"] = next(texts), next(texts)
            for pair in q.get("pairs", []):
                pair["left"], pair["feedback"] = next(texts), next(texts)
            for choice in q.get("choices", []):
                if isinstance(choice, dict):
                    choice["text"] = next(texts)
            found += 1
    assert found
    text = json.dumps(state).replace("</", "<\\/")
    return html[:match.start(2)] + text + html[match.end(2):]


def test_hostile_text_in_a_built_chapter_runs_nothing(open_page, base_url):
    chapter = "vad-ar-tillit"
    page, log = open_page("book/om-kursen.html")

    def route(route):
        response = route.fetch()
        route.fulfill(response=response, body=_inject(response.text(), chapter))

    page.route(f"**/book/{chapter}.html", route)
    page.goto(f"{base_url}book/{chapter}.html")
    quiz = page.locator(".tk-quiz")
    quiz.wait_for()
    question_set = load_chapter(chapter)
    for q in question_set.questions:  # every feedback shown: wrong, then revealed
        fieldset = quiz.locator(f'fieldset[data-question="{q.id}"]')
        if q.graded:
            answer(page, fieldset, q, wrong_response(q))
            fieldset.locator(".tk-reveal").click()
        else:
            answer(page, fieldset, q, right_response(q))
    page.mouse.move(5, 5)
    page.keyboard.press("Tab")
    assert page.evaluate("window.__pwned") is None
    assert "window.__pwned=1" in quiz.inner_text()  # shown as text
    dangerous = quiz.evaluate("""root => [...root.querySelectorAll('*')].flatMap(el =>
        el.getAttributeNames().filter(n => n.startsWith('on')).map(n => el.tagName + ' ' + n))""")
    assert dangerous == []
    assert quiz.locator("script, img, svg, iframe, object, embed").count() == 0
    protocols = quiz.locator("a").evaluate_all("els => els.map(a => a.protocol)")
    assert set(protocols) <= {"http:", "https:", "mailto:"}, protocols
    assert log.errors == [], log.errors
