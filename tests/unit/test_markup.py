"""The course's markup in Python runs the shared table of hostile inputs
(``tests/tables/markup.json``); JavaScript runs the same table in Node and in Chromium."""

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from widgets.content.markup import link_target, nodes, to_html, to_text

TABLE = json.loads((Path(__file__).parents[1] / "tables" / "markup.json").read_text(encoding="utf-8"))
CASES = TABLE["cases"]


class _Nodes(HTMLParser):
    """Reads to_html's output back into the table's node form, and every attribute seen."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.nodes: list[list[str]] = []
        self.attributes: list[tuple[str, str, str | None]] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self.attributes += [(tag, name, value) for name, value in attrs]
        assert self._open is None, "markup never nests elements"
        self._open = [tag, *[value for name, value in attrs if name == "href"], ""]

    def handle_endtag(self, tag):
        assert self._open is not None and self._open[0] == tag
        self.nodes.append(self._open)
        self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open[-1] += data
        elif self.nodes and self.nodes[-1][0] == "text":
            self.nodes[-1][1] += data
        else:
            self.nodes.append(["text", data])


def test_the_table_has_at_least_fifty_hostile_cases():
    hostile = [c for c in CASES if not any(n[0] == "a" for n in c["nodes"])
               or "javascript" in c["input"].lower()]
    assert len(CASES) >= 50 and len(hostile) >= 50, (len(CASES), len(hostile))
    assert len({c["name"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_nodes_follow_the_table(case):
    assert [list(n) for n in nodes(case["input"])] == case["nodes"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_html_reads_back_as_the_same_nodes_with_nothing_but_safe_hrefs(case):
    parser = _Nodes()
    parser.feed(to_html(case["input"]))
    parser.close()
    assert parser.nodes == case["nodes"]
    for tag, name, value in parser.attributes:
        assert (tag, name) == ("a", "href"), (tag, name)
        assert link_target(value) == value  # what the browser reads is what was checked
    assert to_text(case["input"]) == "".join(n[-1] for n in case["nodes"])


def test_plain_text_keeps_link_texts():
    assert to_text("*a* och [länk](https://x.se)") == "a och länk"
    assert to_text("[x](javascript:y)") == "[x](javascript:y)"
