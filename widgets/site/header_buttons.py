"""The article header's download and issue buttons, made to do what a learner expects.

sphinx-book-theme's download menu offers ".pdf" as ``window.print()`` of the web page; a
chapter's menu now offers the chapter's prepared PDF (``pdf/<chapter>.pdf``, with the
self-test on paper and its key, written by ``make book``), and every other page the course
PDF. Its "Rapportera fel" opened an English issue ("Your issue content here."); it now opens
the repository's Swedish issue form (``.github/ISSUE_TEMPLATE/sakfel.yml``) with the page's
title and address filled in.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlencode

from sphinx.application import Sphinx

from widgets.content import course
from widgets.content.ui_text import texts_for
from widgets.site.publisher import ISSUE_PAGE_FIELD, issue_form_url

#: The site's words (section "site" of the one table of learner-facing words).
t = texts_for("site")

#: Where ``make book`` writes the PDFs (widgets.build.pdf), relative to the site root.
PDF_FOLDER = "pdf"
COURSE_PDF = "tillitskursen.pdf"


def pdf_for(pagename: str) -> tuple[str, bool]:
    """The PDF a page's download menu offers: (path from the site root, is it the chapter's)."""
    chapters = {p.docname: p.slug for p in course.chapters()}
    if pagename in chapters:
        return f"{PDF_FOLDER}/{chapters[pagename]}.pdf", True
    return f"{PDF_FOLDER}/{COURSE_PDF}", False


def issue_url(repository_url: str, title: str, page_url: str) -> str:
    form = issue_form_url(repository_url)
    if not form:
        return ""
    query = urlencode({"title": t["issue_title"].format(title=title),
                       ISSUE_PAGE_FIELD: page_url})
    return f"{form}&{query}"


def _title(context) -> str:
    """The page's title as text (Sphinx gives it as HTML)."""
    return unescape(re.sub(r"<[^>]+>", "", context.get("title") or "")).replace("\u00ad", "").strip()


def adjust_buttons(app: Sphinx, pagename, templatename, context, doctree) -> None:
    for group in context.get("header_buttons") or []:
        if group.get("label") == "download-buttons":
            path, is_chapter = pdf_for(pagename)
            entry = {"type": "link", "url": context["pathto"](path, 1), "icon": "fas fa-file-pdf",
                     "label": "download-pdf-button",
                     "text": t["chapter_pdf"] if is_chapter else t["course_pdf"],
                     "tooltip": t["chapter_pdf_tip"] if is_chapter else t["course_pdf_tip"]}
            group["buttons"] = [entry if b.get("label") == "download-pdf-button" else b
                                for b in group.get("buttons", [])]
        if group.get("label") == "source-buttons":
            for button in group.get("buttons", []):
                if button.get("label") != "source-issues-button":
                    continue
                page_url = context.get("pageurl") or f"{pagename}.html"
                url = issue_url(context.get("theme_repository_url") or
                                app.config.html_theme_options.get("repository_url", ""),
                                _title(context), page_url)
                if url:
                    button.update(url=url, text=t["report_issue"], tooltip=t["report_issue_tip"])


def setup(app: Sphinx) -> dict:
    # after sphinx-book-theme fills context["header_buttons"] (priority 501)
    app.connect("html-page-context", adjust_buttons, priority=600)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
