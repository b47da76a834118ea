"""Question files: every chapter's file is valid, and each kind of bad input gives one clear,
Swedish error naming the file, the question (and line) and the fix. The published JSON Schema
(``data/quiz/schema.json``) is the kinds' own, accepts every real file and rejects the same bad
files, except what a schema cannot say. Option ids, keys, fingerprints and the order readers
see; true/false verdicts said once."""

import re
import textwrap

import jsonschema
import pytest
import yaml

from widgets.content import course
from widgets.content.data_files import DataFileError
from widgets.content.questions import (
    QUIZ_DIR,
    SCHEMA_FILE,
    all_question_sets,
    load_questions,
    quiz_schema,
    schema_text,
)

GOOD_OPTION = """
      - text: Ja
        correct: true
        feedback: Rätt, för att …
      - text: Nej
        feedback: Fel, för att …"""


def write(tmp_path, body: str, name: str = "kapitel.yml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def error_for(tmp_path, body: str, name: str = "kapitel.yml") -> DataFileError:
    path = write(tmp_path, body, name)
    with pytest.raises(DataFileError) as caught:
        load_questions(path)
    message = str(caught.value)
    assert str(path) in message, message
    assert "Så här rättar du:" in message or "rad" in message, message
    return caught.value


def test_every_chapter_file_is_valid_and_long_enough():
    sets = {s.chapter: s for s in all_question_sets()}
    for page in course.pages():
        if page.slug in sets and page.slug not in ("intro",):
            assert len(sets[page.slug]) >= 6, f"{page.slug}: fewer than six questions"
    assert "vad-ar-tillit" in sets


def test_feedback_on_every_option_everywhere():
    for question_set in all_question_sets():
        for q in question_set.questions:
            for option in q.data.get("options", []):
                assert option["feedback"].strip(), (question_set.chapter, q.id)
            for pair in q.data.get("pairs", []):
                assert pair["feedback"].strip(), (question_set.chapter, q.id)


BAD = {
    "does-not-parse": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: single\n   prompt: [x\n", "rad"),
    "not-a-mapping": ("- bara\n- en lista\n", "chapter:"),
    "wrong-chapter": ("chapter: annat\nquestions:\n  - id: a\n    kind: reflection\n    prompt: P\n    model_answer: M\n", "'chapter'"),
    "no-questions": ("chapter: kapitel\nquestions: []\n", "questions"),
    "missing-id": ("chapter: kapitel\nquestions:\n  - kind: reflection\n    prompt: P\n    model_answer: M\n", "saknar 'id'"),
    "bad-id": ("chapter: kapitel\nquestions:\n  - id: Fråga 1\n    kind: reflection\n    prompt: P\n    model_answer: M\n", "id får bara"),
    "duplicate-id": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: reflection\n    prompt: P\n    model_answer: M\n  - id: a\n    kind: reflection\n    prompt: P\n    model_answer: M\n", "används redan"),
    "unknown-kind": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: essay\n    prompt: P\n", "okänd frågetyp"),
    "missing-field": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: single\n    options:" + GOOD_OPTION + "\n", "'prompt' saknas"),
    "misspelt-field": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: reflection\n    prompt: P\n    modell_answer: M\n", "okänt fält"),
    "no-correct-option": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: single\n    prompt: P\n    options:\n      - text: A\n        feedback: F\n      - text: B\n        feedback: F\n", "inget alternativ är markerat"),
    "two-correct-in-single": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: single\n    prompt: P\n    options:\n      - text: A\n        correct: true\n        feedback: F\n      - text: B\n        correct: true\n        feedback: F\n", "2 alternativ"),
    "missing-feedback": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: multiple\n    prompt: P\n    options:\n      - text: A\n        correct: true\n      - text: B\n        feedback: F\n", "'feedback' saknas"),
    "correct-not-boolean": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: single\n    prompt: P\n    options:\n      - text: A\n        correct: ja\n        feedback: F\n      - text: B\n        feedback: F\n", "true eller false"),
    "one-option": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: single\n    prompt: P\n    options:\n      - text: A\n        correct: true\n        feedback: F\n", "minst två"),
    "truefalse-answer-text": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: truefalse\n    statement: S\n    answer: falskt\n    feedback: F\n", "'answer'"),
    "matching-duplicate": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: matching\n    prompt: P\n    pairs:\n      - {left: A, right: X, feedback: F}\n      - {left: A, right: Y, feedback: F}\n", "samma"),
    "duplicate-option": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: single\n    prompt: P\n    options:\n      - text: A\n        correct: true\n        feedback: F\n      - text: A\n        feedback: F\n", "två gånger"),
    "same-option-but-case": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: single\n    prompt: P\n    options:\n      - text: Kontroll\n        correct: true\n        feedback: F\n      - text: '*kontroll*'\n        feedback: F\n", "lika när man bortser"),
    "verdict-contradicts-answer": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: truefalse\n    statement: S\n    answer: false\n    feedback: Sant. För att …\n", "'answer' är false"),
    "empty-prompt": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: reflection\n    prompt: '  '\n    model_answer: M\n", "'prompt' saknas eller är tomt"),
    "pairs-not-a-list": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: matching\n    prompt: P\n    pairs: A\n", "minst två par"),
    "no-correct-in-multiple": ("chapter: kapitel\nquestions:\n  - id: a\n    kind: multiple\n    prompt: P\n    options:\n      - text: A\n        feedback: F\n      - text: B\n        feedback: F\n", "inget alternativ är markerat som rätt svar."),
}

#: Bad files a JSON Schema cannot reject, and why: the validator alone catches these.
SCHEMA_CANNOT = {
    "does-not-parse": "it is not YAML at all: nothing to apply a schema to",
    "wrong-chapter": "the chapter must equal the file's name, which a schema does not see",
    "duplicate-id": "JSON Schema has no uniqueness of one field across list items",
    "duplicate-option": "the same, for option texts",
    "matching-duplicate": "the same, for pair sides",
    "same-option-but-case": "the same, after ignoring case and markup",
    "verdict-contradicts-answer": "it compares the feedback's first word with another field",
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_gives_a_clear_error(tmp_path, case):
    body, expected = BAD[case]
    error = error_for(tmp_path, body)
    assert expected in str(error), str(error)


def test_error_names_the_question_and_its_line(tmp_path):
    body = ("chapter: kapitel\nquestions:\n  - id: forsta\n    kind: reflection\n    prompt: P\n"
            "    model_answer: M\n  - id: andra\n    kind: single\n    prompt: P\n    options:\n"
            "      - text: A\n        feedback: F\n      - text: B\n        feedback: F\n")
    error = error_for(tmp_path, body)
    assert error.item == "fråga 'andra'" and error.line == 7
    assert "fråga 'andra'" in str(error) and "rad 7" in str(error)


def test_missing_file_names_it(tmp_path):
    with pytest.raises(DataFileError, match="filen finns inte"):
        load_questions(tmp_path / "saknas.yml")


# --- the JSON Schema -------------------------------------------------------------------------

def test_the_published_schema_is_the_kinds_own():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), \
        "data/quiz/schema.json is stale: run 'python -m widgets.content.questions --write-schema'"
    jsonschema.Draft202012Validator.check_schema(quiz_schema())


def test_the_schema_accepts_every_real_file():
    validator = jsonschema.Draft202012Validator(quiz_schema())
    for path in sorted(QUIZ_DIR.glob("*.yml")):
        errors = [e.message for e in validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))]
        assert errors == [], f"{path.name}: {errors}"


@pytest.mark.parametrize("case", sorted(BAD))
def test_the_schema_rejects_what_the_validator_rejects(case):
    body, _ = BAD[case]
    validator = jsonschema.Draft202012Validator(quiz_schema())
    try:
        document = yaml.safe_load(body)
    except yaml.YAMLError:
        assert case in SCHEMA_CANNOT
        return
    valid = validator.is_valid(document)
    if case in SCHEMA_CANNOT:
        assert valid, f"{case} is listed as beyond a schema, but the schema rejects it: update SCHEMA_CANNOT"
    else:
        assert not valid, f"the schema accepts the bad file {case!r}"


def test_contributing_documents_the_editor_hint():
    text = (QUIZ_DIR.parents[1] / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "# yaml-language-server: $schema=schema.json" in text
    assert "## Lägga till en frågetyp" in text


# --- ids, keys, fingerprints and the order readers see ------------------------------------------

CHOICE = """\
chapter: kapitel
questions:
  - id: val
    kind: single
    prompt: {prompt}
    options:
{options}
"""


def _choice(tmp_path, options, prompt="Vilken?"):
    lines = "".join(f"      - text: {text}\n        feedback: F\n" + ("        correct: true\n" if right else "")
                    for text, right in options)
    return load_questions(write(tmp_path, CHOICE.format(prompt=prompt, options=lines))).questions[0]


def test_fingerprint_follows_what_decides_the_right_answer(tmp_path):
    base = _choice(tmp_path, [("A", True), ("B", False), ("C", False)])
    assert base.fp == _choice(tmp_path, [("C", False), ("A", True), ("B", False)]).fp, "order in the file"
    assert base.fp == _choice(tmp_path, [("A", True), ("B", False), ("C", False)], "Annan fråga?").fp
    assert base.fp != _choice(tmp_path, [("A", False), ("B", True), ("C", False)]).fp, "another right option"
    assert base.fp != _choice(tmp_path, [("A", True), ("B", False), ("D", False)]).fp, "another option"
    assert base.key == _choice(tmp_path, [("'*A*'", True), ("B", False), ("C", False)]).key, "markup is no change"


def test_display_order_is_fixed_by_ids_not_by_the_file(tmp_path):
    first = _choice(tmp_path, [("A", True), ("B", False), ("C", False), ("D", False)])
    second = _choice(tmp_path, [("D", False), ("C", False), ("B", False), ("A", True)])
    assert [o["text"] for o in first.data["options"]] == [o["text"] for o in second.data["options"]]
    state = first.to_state()
    assert [o["id"] for o in state["options"]] == state["accepts"] and state["key"] in state["accepts"]


def test_every_reader_gets_the_same_order():
    from widgets.build.lms_export import moodle_xml
    from widgets.site.answer_key import chapter_html

    question_set = all_question_sets()[0]
    xml = moodle_xml([question_set])
    for q in question_set.questions:
        if q.kind in ("single", "multiple"):
            texts = [o["text"] for o in q.data["options"]]
            assert [o["text"] for o in q.to_state()["options"]] == texts
            positions = [xml.index(f"<text>{t}</text>") for t in texts if "*" not in t and "&" not in t]
            assert positions == sorted(positions)
    assert chapter_html(question_set, "x").count("<li class=\"tk-key-item\">") == len(question_set)


# --- true/false: the verdict once ------------------------------------------------------------

TF = "chapter: kapitel\nquestions:\n  - id: a\n    kind: truefalse\n    statement: S\n    answer: {answer}\n    feedback: {feedback}\n"


@pytest.mark.parametrize("answer, feedback, shown, opens", [
    ("false", "Falskt. Under LOV är priset bestämt.", "Under LOV är priset bestämt.", False),
    ("true", "Sant! kommunen väljer.", "Kommunen väljer.", False),
    ("false", "'Falskt, eller i alla fall inte säkert. Fler …'", "Falskt, eller i alla fall inte säkert. Fler …", True),
    ("false", "Under LOV är priset bestämt.", "Under LOV är priset bestämt.", False),
    ("true", "Santa Lucia är inget svar.", "Santa Lucia är inget svar.", False),
])
def test_a_verdict_in_the_feedback_is_not_said_twice(tmp_path, answer, feedback, shown, opens):
    from widgets.content.ui_text import texts_for
    from widgets.site.answer_key import chapter_html

    question_set = load_questions(write(tmp_path, TF.format(answer=answer, feedback=feedback)))
    q = question_set.questions[0]
    assert q.to_state()["feedback"] == shown
    assert q.to_state()["opens_with_verdict"] is opens
    key = re.sub(r"<[^>]+>", "", chapter_html(question_set, "x"))
    t = texts_for("quiz")
    assert not re.search(fr"\b({t['true']}|{t['false']})\W+({t['true']}|{t['false']})\b", key), key


def test_the_validator_warns_about_a_verdict_first(tmp_path):
    warned = load_questions(write(tmp_path, TF.format(answer="false", feedback="Falskt. Därför att …")))
    assert len(warned.warnings) == 1
    assert "börjar med 'Falskt'" in warned.warnings[0] and "rad 3" in warned.warnings[0]
    assert "Så här rättar du: ta bort 'Falskt'" in warned.warnings[0]
    clean = load_questions(write(tmp_path, TF.format(answer="false", feedback="Därför att …")))
    assert clean.warnings == ()


def test_the_cli_prints_warnings_and_fails_on_errors(tmp_path, capsys):
    from widgets.content.questions import main

    good = write(tmp_path, TF.format(answer="true", feedback="Sant. Därför."), "bra.yml")
    good.write_text(good.read_text(encoding="utf-8").replace("chapter: kapitel", "chapter: bra"), encoding="utf-8")
    assert main([str(good)]) == 0
    assert "varning:" in capsys.readouterr().out
    bad = write(tmp_path, "chapter: fel\nquestions: []\n", "fel.yml")
    assert main([str(bad)]) == 1
    assert "questions" in capsys.readouterr().err


def test_check_data_prints_the_warnings_and_passes(capsys):
    from widgets.build.check_data import main

    assert main() == 0
    out = capsys.readouterr().out
    expected = sum(len(s.warnings) for s in all_question_sets())
    assert out.count("varning:") == expected


# --- matching: the answer key names the printed letters ----------------------------------------

def test_letters_count_like_css_upper_alpha():
    from widgets.content.kinds.matching import letter

    assert [letter(i) for i in (0, 1, 25, 26, 27, 51, 52)] == ["A", "B", "Z", "AA", "AB", "AZ", "BA"]
    with pytest.raises(ValueError):
        letter(-1)


MATCHING = """\
chapter: kapitel
questions:
  - id: par
    kind: matching
    prompt: Para ihop.
    pairs:
      - {left: Ett, right: Uno, feedback: F1}
      - {left: Två, right: Dos, feedback: F2}
      - {left: Tre, right: Tres, feedback: F3}
      - {left: Fyra, right: Cuatro, feedback: F4}
"""


def test_the_answer_key_letters_each_row_with_its_printed_choice(tmp_path):
    from widgets.site.answer_key import chapter_html

    question_set = load_questions(write(tmp_path, MATCHING))
    q = question_set.questions[0]
    printed = [c["text"] for c in q.to_state()["choices"]]   # the order quiz.js prints A, B, C …
    assert sorted(printed) == ["Cuatro", "Dos", "Tres", "Uno"]
    rows = re.findall(r"<li>(\w+) → <strong>([A-Z])</strong> \((\w+)\)</li>", chapter_html(question_set, "x"))
    assert [(left, right) for left, _, right in rows] == [
        ("Ett", "Uno"), ("Två", "Dos"), ("Tre", "Tres"), ("Fyra", "Cuatro")]
    for _, letter_, right in rows:
        assert printed["ABCD".index(letter_)] == right


def test_every_matching_question_in_the_course_is_lettered_in_the_key():
    from widgets.content.markup import to_html
    from widgets.site.answer_key import chapter_html

    seen = 0
    for question_set in all_question_sets():
        key = chapter_html(question_set, "x")
        for q in question_set.questions:
            if q.kind != "matching":
                continue
            seen += 1
            choices = [c["text"] for c in q.to_state()["choices"]]
            for pair in q.data["pairs"]:
                expected = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[choices.index(pair["right"])]
                row = f"<li>{to_html(pair['left'])} → <strong>{expected}</strong> ({to_html(pair['right'])})</li>"
                assert row in key, (q.id, pair["left"])
    assert seen >= 5
