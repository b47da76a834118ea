"""Search and pages without JavaScript. (Every page loading offline, in Swedish, with no
request to another host: test_page_audit.py.)"""


def test_search_finds_inflected_swedish_words(open_page):
    page, _ = open_page("search.html?q=tilliten")
    page.wait_for_selector("#search-results li", timeout=15000)
    hits = page.locator("#search-results li").all_inner_texts()
    assert hits, "no hits for 'tilliten'"
    assert any("tillit" in hit.lower() for hit in hits)


def test_without_javascript_interactive_parts_say_what_to_do(open_page):
    page, _ = open_page("book/vad-ar-tillit.html", java_script_enabled=False)
    note = page.locator(".tk-noscript")
    assert note.count() == 1
    assert "behöver JavaScript" in note.inner_text()
    assert page.get_by_role("heading", name="Vad är tillit?").count() >= 1
