"""The question bank export for learning platforms: parse Moodle XML and GIFT back and check
that every question, option and feedback survived, å, ä and ö included."""

import re
from xml.etree import ElementTree as ET

import pytest

from widgets.build import lms_export
from widgets.content.markup import to_html, to_text
from widgets.content.questions import QUIZ_DIR, all_question_sets

SETS = [s for s in all_question_sets() if s.chapter != "intro"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("fragebank")
    lms_export.export(out)
    return out


def _questions(root):
    return {q.find("idnumber").text: q for q in root.iter("question") if q.get("type") != "category"}


def test_moodle_xml_keeps_every_question_option_and_feedback(exported):
    root = ET.parse(exported / "tillitskursen-moodle.xml").getroot()
    found = _questions(root)
    categories = [q.find("category/text").text for q in root.iter("question") if q.get("type") == "category"]
    assert len(categories) == len(SETS)
    for question_set in SETS:
        for q in question_set.questions:
            el = found.pop(f"{question_set.chapter}:{q.id}")
            d = q.data
            if q.kind in ("single", "multiple"):
                answers = el.findall("answer")
                assert [a.find("text").text for a in answers] == [to_html(o["text"]) for o in d["options"]]
                assert [a.find("feedback/text").text for a in answers] == [to_html(o["feedback"]) for o in d["options"]]
                positive = sum(float(a.get("fraction")) for a in answers if float(a.get("fraction")) > 0)
                assert positive == pytest.approx(100, abs=0.01)
                for a, o in zip(answers, d["options"]):
                    assert (float(a.get("fraction")) > 0) == o["correct"]
            elif q.kind == "truefalse":
                right = [a for a in el.findall("answer") if a.get("fraction") == "100"]
                assert right[0].find("text").text == ("true" if d["answer"] else "false")
                assert to_html(d["feedback"]) in right[0].find("feedback/text").text
            elif q.kind == "matching":
                subs = el.findall("subquestion")
                assert [(s.find("text").text, s.find("answer/text").text) for s in subs] == [
                    (to_html(p["left"]), to_text(p["right"])) for p in d["pairs"]]
                general = el.find("generalfeedback/text").text
                assert all(to_html(p["feedback"]) in general for p in d["pairs"])
            else:
                assert el.get("type") == "essay"
                assert el.find("graderinfo/text").text == to_html(d["model_answer"])
    assert found == {}


def test_swedish_letters_survive(exported):
    text = (exported / "tillitskursen-moodle.xml").read_text(encoding="utf-8")
    source = "".join(p.read_text(encoding="utf-8") for p in QUIZ_DIR.glob("*.yml") if p.stem != "intro")
    letters = {c for c in "åäöÅÄÖ" if c in source}
    assert len(letters) >= 4  # the question files use them
    assert {c for c in letters if c not in text} == set()
    assert "Ã" not in text  # no double-encoded UTF-8


def _gift_unescape(text):
    return re.sub(r"\\(.)", r"\1", text)


def parse_gift(source):
    """The subset lms_export writes: {title: (prompt, [(mark, text, feedback)])}."""
    questions = {}
    for block in source.split("\n\n"):
        block = block.strip()
        if not block or block.startswith("$CATEGORY"):
            continue
        match = re.match(r"::(.*?)::\[html\](.*?) \{(.*)\}$", block, re.S)
        assert match, block[:200]
        title, prompt, body = (_gift_unescape(match.group(1)), match.group(2), match.group(3))
        answers = []
        if body.startswith(("TRUE", "FALSE")):
            verdict, wrong, right = re.split(r"(?<!\\)#", body)
            answers.append((verdict, _gift_unescape(wrong), _gift_unescape(right)))
        else:
            for line in body.strip().splitlines():
                line = line.strip()
                if line.startswith("####"):
                    answers.append(("general", _gift_unescape(line[4:]), ""))
                    continue
                mark, rest = re.match(r"(=|~%-?[\d.]+%|~)(.*)", line).groups()
                text, feedback = (re.split(r"(?<!\\)#", rest, maxsplit=1) + [""])[:2]
                answers.append((mark, _gift_unescape(text), _gift_unescape(feedback)))
        questions[title] = (_gift_unescape(prompt), answers)
    return questions


def test_gift_keeps_every_question_option_and_feedback(exported):
    parsed = parse_gift((exported / "tillitskursen-gift.txt").read_text(encoding="utf-8"))
    for question_set in SETS:
        for number, q in enumerate(question_set.questions, start=1):
            prompt, answers = parsed.pop(f"{question_set.chapter} {number:02d} {q.id}")
            d = q.data
            if q.kind in ("single", "multiple"):
                assert [(a[1], a[2]) for a in answers] == [(to_html(o["text"]), to_html(o["feedback"])) for o in d["options"]]
                assert [a[0] != "~" and not a[0].startswith("~%-") for a in answers] == [o["correct"] for o in d["options"]]
            elif q.kind == "truefalse":
                verdict, wrong, right = answers[0]
                assert verdict == ("TRUE" if d["answer"] else "FALSE")
                assert to_html(d["feedback"]) in right and to_html(d["feedback"]) in wrong
            elif q.kind == "matching":
                pairs = [a[1] for a in answers if a[0] == "="]
                assert pairs == [f"{to_text(p['left'])} -> {to_text(p['right'])}" for p in d["pairs"]]
            else:
                assert answers == [("general", to_html(d["model_answer"]), "")]
    assert parsed == {}


def test_moodle_fractions_are_ones_moodle_accepts():
    assert lms_export.moodle_fraction(1 / 3) == "33.33333"
    assert lms_export.moodle_fraction(-1 / 2) == "-50"
    assert lms_export.moodle_fraction(1) == "100"
