"""``make book`` prints the PDFs again only when something they are printed from has changed
(widgets.build.pdf.inputs_fingerprint), or when a PDF is missing or not as printed."""

from datetime import UTC, datetime

import pytest

from widgets.build import pdf

WHEN = datetime(2026, 11, 29, tzinfo=UTC)


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "expected_files", lambda: ["a.pdf", "b.pdf"])
    root = tmp_path / "html"
    (root / "book").mkdir(parents=True)
    (root / "book" / "kapitel.html").write_text("<p>Text</p>", encoding="utf-8")
    for later in pdf.LATER_OUTPUTS:
        (root / later).mkdir()
    for name in ("a.pdf", "b.pdf"):
        (root / "pdf" / name).write_bytes(b"%PDF-1.7 " + name.encode())
    return root


def test_what_later_steps_write_does_not_count_but_a_page_and_the_date_do(site):
    first = pdf.inputs_fingerprint(site, WHEN)
    for later in pdf.LATER_OUTPUTS:
        (site / later / "ny.fil").write_text("x", encoding="utf-8")
    assert pdf.inputs_fingerprint(site, WHEN) == first
    assert pdf.inputs_fingerprint(site, datetime(2026, 11, 30, tzinfo=UTC)) != first
    (site / "book" / "kapitel.html").write_text("<p>Ny text</p>", encoding="utf-8")
    assert pdf.inputs_fingerprint(site, WHEN) != first


def test_up_to_date_only_with_the_same_inputs_and_every_pdf_as_printed(site):
    out = site / "pdf"
    fingerprint = pdf.inputs_fingerprint(site, WHEN)
    assert not pdf.up_to_date(out, fingerprint)  # never printed here
    pdf.write_stamp(out, fingerprint)
    assert pdf.up_to_date(out, fingerprint)
    assert not pdf.up_to_date(out, fingerprint[::-1])  # something changed
    (out / "a.pdf").write_bytes(b"%PDF-1.7 edited")
    assert not pdf.up_to_date(out, fingerprint)
    pdf.write_stamp(out, fingerprint)
    (out / "b.pdf").unlink()
    assert not pdf.up_to_date(out, fingerprint)
    (out / pdf.STAMP).write_text("{inte json", encoding="utf-8")
    assert not pdf.up_to_date(out, fingerprint)


def test_build_prints_nothing_when_up_to_date_and_says_so(site, capsys):
    (site / "index.html").write_text("<p>Start</p>", encoding="utf-8")
    pdf.write_stamp(site / "pdf", pdf.inputs_fingerprint(site, pdf.source_date()))
    assert pdf.main([str(site)]) == 0
    assert "är aktuella" in capsys.readouterr().out
