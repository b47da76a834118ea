"""Tillitsprofilen in Python: the widget's state and ratings, reading and combining the
group's CSV files (and clear errors for files that are not profiles), the group chart."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
import traitlets

from widgets.content.data_files import DataFileError
from widgets.content.hallmarks import load_hallmarks
from widgets.content.profiles import CSV_COLUMNS, GROUP_COLUMNS, combine_profiles, read_profile
from widgets.content.ui_text import TEXTS
from widgets.figures.group_profile import LABELS, group_chart, group_table_html
from widgets.paths import DATA
from widgets.views.profile import Profile

ORDER = load_hallmarks().ids

EXAMPLES = sorted((DATA / "exempel-profiler").glob("*.csv"))
RATINGS = {"tillit": 4, "medborgarfokus": 3, "helhetssyn": 2, "handlingsutrymme": 5,
           "stod": 1, "kunskap": 4, "oppenhet": 3}


def _profile_file(tmp_path: Path, name: str = "p.csv", ratings: dict | None = None,
                  text: str | None = None) -> Path:
    path = tmp_path / name
    if text is None:
        ratings = RATINGS if ratings is None else ratings
        text = ",".join(CSV_COLUMNS) + "\n" + "".join(f"{k},{v}\n" for k, v in ratings.items())
    path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        read_profile(path)
    return info.value


# --- The widget ---------------------------------------------------------------------------

def test_widget_state_comes_from_the_data_file():
    profile = Profile.from_data()
    assert [h["id"] for h in profile.hallmarks] == list(ORDER)
    assert all(len(h["scale"]) == 5 and h["name"] and h["description"]
               for h in profile.hallmarks)
    assert profile.csv_columns == list(CSV_COLUMNS)
    assert profile.texts["download"] == "Ladda ner som CSV"
    assert profile.texts["saved_locally"] == TEXTS["common"]["saved_locally"]
    assert profile.ratings == {}
    assert repr(profile) == "Profile(kännetecken=7, bedömda=0)"


def test_the_widget_ships_the_profiles_module_and_style():
    """The view's behaviour is tested in Node (tests/js) and Chromium (tests/browser), both
    with esm.module("profile"); here only that the widget carries that module."""
    from widgets.views import esm

    profile = Profile.from_data()
    assert profile._esm == esm.module("profile")
    assert profile._css == esm.stylesheet("profile")


def test_ratings_to_frame_in_the_talks_order():
    profile = Profile.from_data(ratings={"stod": 2, "tillit": 5})
    frame = profile.to_frame()
    assert list(frame.index) == list(ORDER)
    assert list(frame.columns) == ["kännetecken", "betyg"]
    assert frame.loc["tillit", "betyg"] == 5 and frame.loc["stod", "betyg"] == 2
    assert frame.loc["stod", "kännetecken"] == "Stöd"
    assert frame["betyg"].isna().sum() == 5
    assert repr(profile) == "Profile(kännetecken=7, bedömda=2)"


@pytest.mark.parametrize("bad", [{"okänd": 3}, {"tillit": 6}, {"tillit": 0}, {"tillit": 2.5},
                                 {"tillit": "3"}, {"tillit": True}])
def test_invalid_ratings_are_refused_in_swedish(bad):
    profile = Profile.from_data()
    with pytest.raises(traitlets.TraitError, match="Tillitsprofilen:"):
        profile.ratings = bad
    assert profile.ratings == {}


# --- Reading one file ---------------------------------------------------------------------

def test_read_a_downloaded_profile(tmp_path):
    ratings = read_profile(_profile_file(tmp_path, "anna.csv"))
    assert ratings.name == "anna"
    assert list(ratings.index) == list(ORDER)
    assert ratings.to_dict() == RATINGS


def test_read_accepts_excel_variants(tmp_path):
    text = "\ufeffkannetecken;betyg\r\n" + "".join(f"{k};{v}\r\n" for k, v in
                                                   reversed(list(RATINGS.items())))
    ratings = read_profile(_profile_file(tmp_path, text=text))
    assert list(ratings.index) == list(ORDER)
    assert ratings.to_dict() == RATINGS


def test_read_skips_comments_and_blank_lines(tmp_path):
    text = "# Påhittad\n\nkannetecken,betyg\n" + "".join(f" {k} , {v} \n\n" for k, v in
                                                         RATINGS.items())
    assert read_profile(_profile_file(tmp_path, text=text)).to_dict() == RATINGS


def test_not_a_csv_file(tmp_path):
    path = tmp_path / "profil.xlsx"
    path.write_bytes(b"PK\x03\x04 kalkylark")
    err = _error(path)
    assert "ingen CSV-fil" in str(err) and ".xlsx" in str(err)
    assert "Så här rättar du" in str(err)


def test_binary_content_is_not_a_profile(tmp_path):
    path = tmp_path / "profil.csv"
    path.write_bytes(b"\xff\xfe\x00\x01\x80\x81")
    err = _error(path)
    assert "ingen text i UTF-8" in str(err)


def test_empty_file(tmp_path):
    err = _error(_profile_file(tmp_path, text="\n  \n"))
    assert "filen är tom" in str(err)


def test_header_only(tmp_path):
    err = _error(_profile_file(tmp_path, text="kannetecken,betyg\n"))
    assert "rubrikrad men inga betyg" in str(err) and err.line == 1


def test_wrong_header(tmp_path):
    err = _error(_profile_file(tmp_path, text="namn,poäng\nAnna,4\n"))
    assert err.line == 1 and "fel rubrikrad" in str(err) and "kannetecken,betyg" in str(err)


def test_unknown_hallmark(tmp_path):
    ratings = dict(RATINGS)
    ratings["samverkan"] = 3
    err = _error(_profile_file(tmp_path, ratings=ratings))
    assert err.line == 9 and err.item == "kännetecken 'samverkan'"
    assert "inget känt kännetecken" in str(err) and "tillit, medborgarfokus" in str(err)


def test_missing_hallmark(tmp_path):
    ratings = {k: v for k, v in RATINGS.items() if k not in ("stod", "oppenhet")}
    err = _error(_profile_file(tmp_path, ratings=ratings))
    assert "betyg saknas för Stöd, Öppenhet" in str(err)
    assert "bedöm alla sju" in str(err)


def test_duplicate_hallmark(tmp_path):
    text = "kannetecken,betyg\n" + "".join(f"{k},{v}\n" for k, v in RATINGS.items()) + "tillit,2\n"
    err = _error(_profile_file(tmp_path, text=text))
    assert err.line == 9 and "finns redan på rad 2" in str(err)


@pytest.mark.parametrize("value", ["0", "6", "12"])
def test_rating_outside_the_scale(tmp_path, value):
    text = f"kannetecken,betyg\ntillit,{value}\n"
    err = _error(_profile_file(tmp_path, text=text))
    assert err.line == 2 and "utanför skalan 1–5" in str(err)


@pytest.mark.parametrize("value", ["3,5", "3.5", "tre", "4a"])
def test_rating_not_an_integer(tmp_path, value):
    text = f'kannetecken,betyg\ntillit,"{value}"\n'
    err = _error(_profile_file(tmp_path, text=text))
    assert err.line == 2 and "inget heltal" in str(err)


def test_missing_rating(tmp_path):
    err = _error(_profile_file(tmp_path, text="kannetecken,betyg\ntillit,\n"))
    assert err.line == 2 and "betyget saknas" in str(err)


def test_too_many_values(tmp_path):
    err = _error(_profile_file(tmp_path, text="kannetecken,betyg\ntillit,4,5\n"))
    assert err.line == 2 and "ska ha två" in str(err)


def test_missing_file(tmp_path):
    err = _error(tmp_path / "borta.csv")
    assert "filen finns inte" in str(err)


# --- Combining a group --------------------------------------------------------------------

def test_combine_the_example_profiles():
    assert len(EXAMPLES) == 3
    group = combine_profiles(EXAMPLES)
    assert list(group.index) == list(ORDER)
    assert list(group.columns) == list(GROUP_COLUMNS)
    assert (group["antal"] == 3).all()
    stod = group.loc["stod"]
    assert stod["kännetecken"] == "Stöd"
    assert stod["medel"] == pytest.approx(5 / 3)
    assert stod["std"] == pytest.approx(pd.Series([2, 1, 2]).std())
    assert (stod["min"], stod["max"]) == (1, 2)
    assert group["medel"].idxmax() == "medborgarfokus"


def test_combine_computes_mean_and_spread(tmp_path):
    a = _profile_file(tmp_path, "a.csv", {k: 1 for k in ORDER})
    b = _profile_file(tmp_path, "b.csv", {k: 5 for k in ORDER})
    group = combine_profiles([a, b])
    assert (group["medel"] == 3).all() and (group["min"] == 1).all() and (group["max"] == 5).all()
    assert group["std"].iloc[0] == pytest.approx(2 ** 0.5 * 2)


def test_one_profile_has_no_standard_deviation(tmp_path):
    group = combine_profiles([_profile_file(tmp_path)])
    assert group["std"].isna().all() and (group["antal"] == 1).all()
    assert "–" in group_table_html(group)


def test_combine_names_the_bad_file(tmp_path):
    good = _profile_file(tmp_path, "bra.csv")
    bad = _profile_file(tmp_path, "trasig.csv", text="kannetecken,betyg\ntillit,9\n")
    with pytest.raises(DataFileError) as info:
        combine_profiles([good, bad])
    assert info.value.path == bad and "trasig.csv, rad 2" in str(info.value)


def test_combine_needs_files(tmp_path):
    with pytest.raises(ValueError, match="minst en profilfil"):
        combine_profiles([])
    good = _profile_file(tmp_path)
    with pytest.raises(DataFileError, match="två gånger"):
        combine_profiles([good, good])


def test_group_table_is_accessible_and_swedish():
    html = group_table_html(combine_profiles(EXAMPLES))
    assert "<caption>Gruppens tillitsprofil (3 profiler)</caption>" in html
    assert html.count('<th scope="row">') == 7
    assert "<td>1,7</td>" in html  # Stöd: 5/3 with a decimal comma


# --- The group chart ----------------------------------------------------------------------

def test_group_chart_shows_mean_and_range_with_labels():
    group = combine_profiles(EXAMPLES)
    fig = group_chart(group)
    ax = fig.axes[0]
    ticks = sorted(zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels())),
                   reverse=True)
    assert [name for _, name in ticks] == [h.name for h in load_hallmarks()]  # Tillit on top
    assert [t.get_text() for t in ax.texts] == ["3,7", "4,3", "2,3", "3,0", "1,7", "4,0", "3,0"]
    assert ax.get_xlabel() == LABELS["chart_axis"]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == [LABELS["legend_range"], LABELS["legend_mean"]]
    assert ax.get_xlim() == (0.5, 5.5)


def test_group_chart_is_the_same_in_another_process():
    """A fresh Python process (its own hash seed) draws the same SVG as this one: what the
    notebooks' freshness test needs. Two drawings in one process could not show a difference."""
    import os
    import subprocess
    import sys

    code = ("import io, sys; from widgets.content.profiles import combine_profiles; "
            "from widgets.figures.group_profile import group_chart; "
            "from widgets.paths import DATA; "
            "b = io.StringIO(); group_chart(combine_profiles(sorted((DATA / 'exempel-profiler')"
            ".glob('*.csv')))).savefig(b, format='svg', metadata={'Date': None}); "
            "sys.stdout.write(b.getvalue())")
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": "12345"}).stdout
    here = io.StringIO()
    group_chart(combine_profiles(EXAMPLES)).savefig(here, format="svg", metadata={"Date": None})
    assert other.startswith("<?xml") and other == here.getvalue()
