"""The external link check goes red when a link is broken (it used to return 0 always)."""

import sys

from widgets.paths import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import external_links  # noqa: E402


def test_a_broken_link_makes_the_check_fail(monkeypatch, capsys):
    monkeypatch.setattr(external_links, "external_links",
                        lambda site: {"https://a.example/": ["x.html"], "https://b.example/": ["y.html"]})
    answers = {"https://a.example/": "200", "https://b.example/": "404"}
    monkeypatch.setattr(external_links, "check", lambda url: answers[url])
    monkeypatch.setattr(sys, "argv", ["external_links.py", "--check"])
    assert external_links.main() == 1
    assert "1 svarade inte" in capsys.readouterr().out
    answers["https://b.example/"] = "301"
    assert external_links.main() == 0
    monkeypatch.setattr(sys, "argv", ["external_links.py"])  # listing only: nothing requested
    answers.clear()
    assert external_links.main() == 0
