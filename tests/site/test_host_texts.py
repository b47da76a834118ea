"""Every built page with widgets carries the widget host's Swedish notices (ui_text "host"),
so a view that cannot draw says why instead of leaving blank space."""

import json
import re

from widgets.content import course
from widgets.content.ui_text import texts_for
from widgets.site.extension import HOST_TEXTS_ID

VIEW = 'type="application/vnd.jupyter.widget-view+json"'


def test_pages_with_widgets_have_the_host_texts(site):
    pages = [site / p.html for p in course.pages()]
    with_widgets = [p for p in pages if VIEW in p.read_text(encoding="utf-8")]
    assert len(with_widgets) >= 10
    for page in with_widgets:
        html = page.read_text(encoding="utf-8")
        tag = rf'<script type="application/json" id="{HOST_TEXTS_ID}">(.*?)</script>'
        found = re.findall(tag, html, re.S)
        assert len(found) == 1, page.name
        assert json.loads(found[0]) == texts_for("host"), page.name
