"""Swedish numbers: the Python formatter (readings) and the JavaScript one (chart labels and the
table) agree, because one table of cases (tests/tables/number_format.json) runs through both."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from widgets.views import esm
from widgets.views.explorers.spec import format_value

TABLE = Path(__file__).resolve().parents[1] / "tables" / "number_format.json"
NODE_TEST = Path(__file__).resolve().parents[1] / "js" / "number_format.test.mjs"
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


def test_javascript_formats_the_same_table(tmp_path):
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js saknas. Installera det (till exempel 'apt-get install -y nodejs').")
    module = tmp_path / "explorer.mjs"
    module.write_text(esm.module("explorer") + "\nexport { formatNumber };\n", encoding="utf-8")
    result = subprocess.run([node, "--test", str(NODE_TEST)], capture_output=True, text=True,
                            env={**os.environ, "TK_EXPLORER_MODULE": str(module)},
                            timeout=60)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert f"# pass {len(CASES)}" in result.stdout
