"""The self-test widget in Python: live-kernel traits, results and repr."""

from widgets.views.quiz import SelfTest


def test_repr_and_results_are_stable():
    quiz = SelfTest.for_chapter("vad-ar-tillit")
    assert repr(quiz) == (f"SelfTest(kapitel='vad-ar-tillit', frågor={len(quiz.questions)}, "
                          f"rättade={quiz.graded_count})")
    first = quiz.questions[0]["id"]
    quiz.answers = {first: {"response": quiz.questions[0]["key"], "status": "right", "first": "wrong",
                            "tries": 2}}
    table = quiz.results()
    assert table.loc[1, "status"] == "right" and table.loc[1, "första försöket"] == "wrong"
    assert (table["status"].iloc[1:] == "obesvarad").all()


def test_state_carries_everything_the_view_needs():
    """The view's behaviour is tested in Node (tests/js) and Chromium (tests/browser) with
    esm.module("quiz"); here that the state holds it, the texts and a card per question."""
    from widgets.views import esm

    quiz = SelfTest.for_chapter("vad-ar-tillit")
    state = quiz.get_state()
    assert state["chapter"] == "vad-ar-tillit"
    assert state["texts"]["check"] == "Kontrollera"
    assert state["_esm"] == esm.module("quiz")
    assert [q["id"] for q in state["questions"]] == [q.id for q in quiz._question_set.questions]
    for question, source in zip(state["questions"], quiz._question_set.questions):
        assert question["fp"] == source.fp and question["graded"] == source.graded
        if source.graded:
            assert question["key"] == source.key
            assert question["accepts"] == source.kind_of.choices(source.data)


def test_overview_has_every_chapters_cards():
    from widgets.content.questions import all_question_sets
    from widgets.views.quiz import ProgressOverview

    overview = ProgressOverview()
    cards = {c["chapter"]: c["cards"] for c in overview.chapters}
    for question_set in all_question_sets():
        assert cards[question_set.chapter] == [q.card() for q in question_set.questions]
    assert all(c["page"].endswith(".html") and c["notebook"].endswith(".ipynb") for c in overview.chapters)
