"""What a chapter imports from the top of the package resolves, and only on use."""

import subprocess
import sys

import widgets


def test_every_public_name_resolves_and_is_listed():
    for name in widgets.__all__:
        assert getattr(widgets, name) is not None, name
    assert set(widgets.__all__) <= set(dir(widgets))


def test_an_unknown_name_is_an_attribute_error():
    try:
        widgets.NoSuchWidget  # noqa: B018
    except AttributeError as error:
        assert "NoSuchWidget" in str(error)
    else:
        raise AssertionError("an unknown name resolved")


def test_a_data_tool_does_not_load_the_views_or_plotting():
    code = ("import sys, widgets.content.questions; "
            "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'anywidget', 'widgets.views') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
