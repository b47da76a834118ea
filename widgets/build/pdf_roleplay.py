"""The printed role-play pack (``pdf/rollspelspaket.pdf``), written from ``data/rollspel.yml``.

:func:`pack_document` composes one print-only document (:class:`~widgets.build.pdf_compose.Document`)
that :mod:`widgets.build.pdf` prints like every other PDF (tagged, outline, metadata):

1. a page for the teacher: what to print, and which roles a group of each size needs;
2. the scenario sheet: the scenario, the group's task and the time plan;
3. the role cards: one card per role on each half of an A4 sheet, a dashed cut line between
   the two, a card never split (each sheet is one page with two fixed halves);
4. the template for the group's proposal, with room to write;
5. the name tents: one A4 sheet per role, folded in the middle, the name large on both
   halves, the top one upside down so the name reads from both sides of the table;
6. the observer's sheet: the observer's questions with room for notes.

The texts are the role-play's own (:class:`~widgets.content.roleplay.RolePlay`), the labels
the ``roleplay`` and ``roleplay_pack`` sections of :mod:`widgets.content.ui_text`.
"""

from __future__ import annotations

import html

from widgets.build.pdf_compose import Document
from widgets.content.markup import to_html
from widgets.content.roleplay import Role, RolePlay
from widgets.content.ui_text import texts_for

PACK_FILE = "rollspelspaket.pdf"
#: The role play's labels (shared with the web page) and the pack's own.
t = texts_for("roleplay", "roleplay_pack")

#: The pack's layout. A sheet is one A4 page with no page margins (its halves are exactly
#: half the paper, so the cut and fold lines are in the middle); the other pages have the
#: course's margins and footer. ``tests/site/test_roleplay_pack.py`` checks the result.
PACK_CSS = """
.tk-pdf .bd-article p, .tk-pdf .bd-article li, .tk-pdf .bd-article td, .tk-pdf .bd-article th,
.tk-pdf .bd-article caption { font-size: 10.5pt; line-height: 1.4; }
.tk-pdf .bd-article h2 { font-size: 16pt; margin: 0 0 3mm; }
.tk-pdf .bd-article h3 { font-size: 12.5pt; margin: 4mm 0 2mm; }
@page pack-sheet { margin: 0; @bottom-center { content: none; } }
.tk-pack-sheet { page: pack-sheet; break-before: page; break-after: page; height: 296mm;
  display: flex; flex-direction: column; margin: 0; padding: 0; overflow: hidden; position: relative; }
.tk-pdf .bd-article h2.tk-pack-label { position: absolute; top: 3mm; left: 16mm; margin: 0;
  font-size: 8pt; font-weight: 400; color: #333; }
.tk-pack-half { box-sizing: border-box; height: 148mm; flex: 0 0 148mm; padding: 9mm 16mm 8mm;
  overflow: hidden; position: relative; }
.tk-pack-cut { flex: 0 0 0; border-top: 1px dashed #000; position: relative; }
.tk-pack-cut span, .tk-pack-fold span { position: absolute; right: 16mm; top: -2.2mm; background: #fff;
  padding: 0 2mm; font-size: 8pt; line-height: 4mm; }
.tk-pack-fold { flex: 0 0 0; border-top: 1px solid #000; position: relative; }
.tk-pdf .bd-article .tk-pack-card h3 { font-size: 14pt; margin: 0 0 1.5mm; }
.tk-pack-card .tk-pack-extra { font-size: 9pt; margin: 0 0 2mm; font-style: italic; }
.tk-pdf .bd-article .tk-pack-card p,
.tk-pdf .bd-article .tk-pack-card li { font-size: 10pt; line-height: 1.28; }
.tk-pack-card p { margin: 0 0 2mm; }
.tk-pack-card dl { margin: 0; }
.tk-pack-card dt { font-weight: 700; font-size: 10pt; margin: 1.6mm 0 0.3mm; }
.tk-pack-card dd { margin: 0; }
.tk-pack-card dd p { margin: 0; }
.tk-pack-card ul { margin: 0; padding-left: 5mm; }
.tk-pack-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
.tk-pack-tent { display: flex; flex-direction: column; justify-content: center; align-items: center;
  text-align: center; padding: 10mm 14mm; }
.tk-pack-tent-name { font-weight: 700; line-height: 1.1; margin: 0; overflow-wrap: anywhere; }
.tk-pack-tent-title { font-size: 18pt; margin: 4mm 0 0; }
.tk-pack-upside-down { transform: rotate(180deg); }
.tk-pack-page { break-before: page; }
.tk-pack-lead { font-size: 1.1em; }
.tk-pack-write { width: 100%; border-collapse: collapse; }
.tk-pack-write th, .tk-pack-write td { border: 1px solid #000; vertical-align: top; text-align: left;
  padding: 2mm 3mm; }
.tk-pack-write td { height: 25mm; }
.tk-pack-write th[scope="row"] { width: 38%; font-weight: 400; }
.tk-pack-names { border-bottom: 1px solid #000; padding-bottom: 8mm; margin-bottom: 6mm; }
.tk-pack-questions li { margin: 0 0 2mm; break-inside: avoid; }
.tk-pack-questions .tk-pack-lines { height: 17mm; border-bottom: 1px solid #999; margin-bottom: 3mm; }
.tk-pack-table { border-collapse: collapse; margin: 3mm 0 5mm; }
.tk-pack-table caption { text-align: left; font-weight: 700; padding-bottom: 1mm; }
.tk-pack-table th, .tk-pack-table td { border: 1px solid #666; padding: 1.5mm 3mm; text-align: left;
  vertical-align: top; }
"""


def _e(text: str) -> str:
    return html.escape(text)


def _list(texts, tag: str = "ul", attrs: str = "") -> str:
    return f"<{tag}{attrs}>" + "".join(f"<li>{to_html(x)}</li>" for x in texts) + f"</{tag}>"


def _joined(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {t['list_and']} {words[-1]}"


def _table(caption: str, headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{to_html(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (f'<table class="tk-pack-table"><caption>{_e(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def teacher_page(play: RolePlay, title: str) -> str:
    pack = play.pack
    groups = [[str(size), _joined([r.name.lower() for r in play.roles_for(size)])]
              for size in play.sizes]
    return (f'<section class="tk-pdf-part" id="larare"><h1>{_e(title)}</h1>'
            f'<p class="tk-pack-lead">{to_html(pack.intro)}</p>'
            f'<h2>{_e(t["teacher_heading"])}</h2>{_list(pack.steps, "ol")}'
            f'{_table(t["groups_caption"], [t["col_size"], t["col_roles"]], groups)}</section>')


def scenario_page(play: RolePlay) -> str:
    timings = [[s.text, *(t["minutes"].format(n=s.minutes[v]) for v in play.versions)]
               for s in play.steps]
    timings.append([t["total"], *(t["minutes"].format(n=v) for v in play.versions)])
    headers = [t["col_step"], *(t["col_version"].format(n=v) for v in play.versions)]
    scenario = "".join(f"<p>{to_html(p)}</p>" for p in play.scenario)
    return (f'<section class="tk-pack-page" id="scenario"><h2>{_e(t["scenario_heading"])}: '
            f'{_e(play.title)}</h2>{scenario}<p><em>{to_html(play.scenario_note)}</em></p>'
            f'<h3>{_e(t["task_heading"])}</h3><p>{to_html(play.proposal_intro)}</p>'
            f'{_list([p.task for p in play.proposal], "ol")}'
            f'{_table(t["timings_caption"], headers, timings)}'
            "</section>")


def role_card(play: RolePlay, role: Role) -> str:
    """One role card: the same parts, in the same order, as the card on the web page."""
    parts = [(t["secret"], role.secret), (t["goal"], role.goal), (t["offer"], role.offer)]
    items = "".join(f"<dt>{_e(label)}</dt><dd><p>{to_html(text)}</p></dd>" for label, text in parts if text)
    if role.observer:
        items += f"<dt>{_e(play.observer_intro)}</dt><dd>{_list(play.observer_questions)}</dd>"
    items += f"<dt>{_e(t['think'])}</dt><dd><p>{to_html(role.think)}</p></dd>"
    extra = (f'<p class="tk-pack-extra">{_e(t["extra_role"].format(n=role.from_size))}</p>'
             if role.from_size > play.min_size else "")
    return (f'<section class="tk-pack-half tk-pack-card" id="rollkort-{_e(role.id)}" '
            f'aria-labelledby="rollkort-{_e(role.id)}-rubrik">'
            f'<h3 id="rollkort-{_e(role.id)}-rubrik">'
            f'{_e(t["role_heading"].format(heading=role.heading))}</h3>'
            f'{extra}<p>{to_html(role.you_are)}</p><dl>{items}</dl></section>')


def _pairs(items: list) -> list[list]:
    return [items[i:i + 2] for i in range(0, len(items), 2)]


def card_sheets(play: RolePlay) -> str:
    """Two role cards per sheet, a cut line between them; the section heading is a small
    label in the top margin of the first sheet (the cards fill the paper)."""
    sheets = []
    for number, pair in enumerate(_pairs(list(play.roles))):
        heading = (f'<h2 class="tk-pack-label" id="rollkort">{_e(t["cards_heading"])}</h2>'
                   if number == 0 else "")
        cut = f'<div class="tk-pack-cut"><span>{_e(t["cut"])}</span></div>'
        sheets.append(f'<div class="tk-pack-sheet">{heading}'
                      + cut.join(role_card(play, role) for role in pair) + ("" if len(pair) == 2 else cut)
                      + "</div>")
    return "".join(sheets)


def proposal_page(play: RolePlay) -> str:
    rows = "".join(f'<tr><th scope="row">{to_html(field)}</th><td></td></tr>'
                   for field in play.template_fields)
    return (f'<section class="tk-pack-page" id="forslag"><h2>{_e(t["proposal_heading"])}</h2>'
            f'<p class="tk-pack-names">{_e(t["group_names"])}</p>'
            f'<table class="tk-pack-write"><caption class="tk-pack-hidden">{_e(t["proposal_caption"])}'
            f'</caption><thead class="tk-pack-hidden"><tr><th scope="col">{_e(t["col_part"])}</th>'
            f'<th scope="col">{_e(t["col_answer"])}</th></tr></thead><tbody>{rows}</tbody></table></section>')


def tent_font_size(name: str) -> float:
    """The largest size (pt, at most 48) at which ``name`` fits across the tent on one line:
    about 500 pt of width, a bold letter about 0.72 em wide."""
    return round(min(48.0, 500 / (0.72 * max(1, len(name)))), 1)


def name_tent(role: Role, first: bool) -> str:
    """One tent: the name upside down on the top half, upright on the bottom half."""
    title = f'<p class="tk-pack-tent-title">{_e(role.title)}</p>' if role.title else ""
    name = (f'<p class="tk-pack-tent-name" style="font-size: {tent_font_size(role.name)}pt">'
            f'{_e(role.name)}</p>{title}')
    heading = (f'<h2 class="tk-pack-label" id="namnskyltar">{_e(t["tents_heading"])}</h2>'
               if first else "")
    return (f'<div class="tk-pack-sheet tk-pack-tents" id="namnskylt-{_e(role.id)}">{heading}'
            f'<div class="tk-pack-half tk-pack-tent tk-pack-upside-down" aria-hidden="true">{name}</div>'
            f'<div class="tk-pack-fold"><span>{_e(t["tent_fold"])}</span></div>'
            f'<div class="tk-pack-half tk-pack-tent">{name}</div></div>')


def observer_page(play: RolePlay) -> str:
    questions = "".join(f'<li><p>{to_html(q)}</p><div class="tk-pack-lines" aria-hidden="true"></div></li>'
                        for q in play.observer_questions)
    return (f'<section class="tk-pack-page" id="observator"><h2>{_e(t["observer_heading"])}</h2>'
            f'<p>{to_html(play.pack.observer_note)}</p><p>{to_html(play.observer_intro)}</p>'
            f'<ol class="tk-pack-questions">{questions}</ol></section>')


def pack_title(play: RolePlay, course: str) -> str:
    return t["pack_title"].format(course=course, pack=play.pack.title, title=play.title)


def pack_document(play: RolePlay, *, course: str, site_url: str, styles: tuple[str, ...] = (),
                  lang: str = "sv-SE", colophon: str = "") -> Document:
    """The whole pack as one document (``styles``: the site's style sheets, for its fonts)."""
    doc = Document(title=pack_title(play, course), file_name=PACK_FILE, site_url=site_url, lang=lang)
    doc.add_styles(styles)
    doc.add_html(teacher_page(play, f"{play.pack.title}: {play.title}"))
    doc.add_html(scenario_page(play))
    doc.add_html(card_sheets(play))
    doc.add_html(proposal_page(play))
    doc.add_html("".join(name_tent(role, i == 0) for i, role in enumerate(play.roles)))
    doc.add_html(observer_page(play) + colophon)
    return doc
