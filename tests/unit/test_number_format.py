"""Swedish numbers: the Python formatter (readings) and the JavaScript one (chart labels and the
table) agree, because one table of cases (tests/tables/number_format.json) runs through both:
here, and in Node by tests/js/number_format.test.mjs (run by tests/unit/test_js.py)."""

import json
from pathlib import Path

import pytest

from widgets.views.explorers.spec import format_value

TABLE = Path(__file__).resolve().parents[1] / "tables" / "number_format.json"
CASES = json.loads(TABLE.read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("row", CASES, ids=[f"{c['value']}-{c['format']}-{c['decimals']}"
                                            for c in CASES])
def test_python_formats_the_table(row):
    value = float("nan") if row["value"] == "nan" else row["value"]
    assert format_value(value, row["format"], row["decimals"]) == row["expected"]


def test_the_table_covers_the_hard_cases():
    expected = {c["expected"] for c in CASES}
    assert "0,13" in expected  # an exact half rounds away from zero (0.125)
    assert any("\u202f" in e for e in expected)  # thousands
    assert any(e.endswith("\u00a0%") for e in expected)  # no-break space before %
    assert any(e.startswith("\u2212") for e in expected)  # minus sign
    assert "0,00" in expected and "–" in expected
