"""The self-test widget in Python: live-kernel traits, results and repr."""

from widgets.views.quiz import SelfTest


def test_repr_and_results_are_stable():
    quiz = SelfTest.for_chapter("vad-ar-tillit")
    assert repr(quiz) == (f"SelfTest(kapitel='vad-ar-tillit', frågor={len(quiz.questions)}, "
                          f"rättade={quiz.graded_count})")
    first = quiz.questions[0]["id"]
    quiz.answers = {first: {"response": 0, "status": "right"}}
    table = quiz.results()
    assert table.loc[1, "status"] == "right"
    assert (table["status"].iloc[1:] == "obesvarad").all()


def test_state_carries_everything_the_view_needs():
    quiz = SelfTest.for_chapter("vad-ar-tillit")
    state = quiz.get_state()
    assert state["chapter"] == "vad-ar-tillit"
    assert state["texts"]["check"] == "Kontrollera"
    assert "export default" in state["_esm"] and "function renderMarkup" in state["_esm"]
    assert len(state["questions"]) == len(quiz.questions)
