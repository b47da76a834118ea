"""Every word the course's widgets and generated chapter output show a learner, in Swedish.

The front-end modules never hard-code learner-facing text: each widget receives the
part of this table it needs in its ``texts`` trait and looks words up by key.
``{name}`` marks a value the view fills in. A test checks that every key the
front-end modules use is here, and that nothing here is unused.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "notebook": {
        # shown by a saved widget in Jupyter until its cell has run (see views/esm.py)
        "run_cell": "Kör cellen (eller hela kapitlet) för att visa den här interaktiva delen.",
    },
    "common": {
        "storage_unavailable": (
            "Din webbläsare tillåter inte att sidan sparar något (till exempel i privat läge). "
            "Allt fungerar ändå, men dina svar finns inte kvar när du laddar om sidan."
        ),
        "saved_locally": "Dina svar sparas bara i din egen webbläsare. Inget skickas någonstans.",
        "icon_right": "✓",
        "icon_wrong": "✗",
        "icon_info": "ℹ",
    },
    "quiz": {
        "heading": "Testa dig själv",
        "heading_reflection": "Fundera själv",
        "question_of": "Fråga {n} av {total}",
        "kind_single": "Välj ett svar.",
        "kind_multiple": "Välj alla som stämmer.",
        "kind_truefalse": "Stämmer påståendet?",
        "kind_matching": "Para ihop varje rad med rätt alternativ.",
        "kind_reflection": "Skriv ditt svar. Jämför sedan med modellsvaret. Svaret bedöms inte.",
        "true": "Sant",
        "false": "Falskt",
        "choose": "Välj …",
        "your_answer": "Ditt svar",
        "check": "Kontrollera",
        "try_again": "Försök igen",
        "reveal": "Visa svaret",
        "show_model_answer": "Visa modellsvar",
        "model_answer": "Modellsvar",
        "need_answer": "Du har inte svarat än. Välj ett svar och tryck på Kontrollera.",
        "need_all_matches": "Välj ett alternativ på varje rad först.",
        "right": "Rätt!",
        "wrong": "Inte riktigt. Läs förklaringen och försök igen, eller visa svaret.",
        "partly": "Delvis rätt: {right} av {total} stämmer. Försök igen, eller visa svaret.",
        "revealed": "Här är rätt svar med förklaringar.",
        "option_right": "Rätt val.",
        "option_wrong": "Fel val.",
        "option_missed": "Det här alternativet stämmer också.",
        "option_not_answer": "Stämmer inte.",
        "pair_right": "Rätt par.",
        "pair_wrong_short": "Fel par.",
        "pair_wrong": "Fel par. Rätt är: {answer}.",
        "tf_right": "Rätt.",
        "tf_wrong": "Fel.",
        "tf_revealed": "Svar:",
        "statement_is_true": "Påståendet är sant.",
        "statement_is_false": "Påståendet är falskt.",
        "reflection_done": "Du har jämfört med modellsvaret.",
        "score": "Du har {right} av {total} rätt.",
        "score_answered": "Du har svarat på {answered} av {total} frågor.",
        "score_reflection": "Reflektionsfrågor räknas inte i resultatet.",
        "restart": "Börja om testet",
    },
    "explorer": {
        "show_table": "Visa siffrorna som tabell",
        "table_caption": "Siffrorna bakom diagrammet",
        "live": "Beräknat nu i Python med modellen.",
        "reveal_simulation": "Visa vad som händer",
        "skip_guess": "Visa utan att gissa",
        "guess_hint": "Välj det du tror och tryck sedan på Visa vad som händer.",
        "guess_first": "Välj först det du tror, eller tryck på Visa utan att gissa.",
        "your_guess": "Din gissning:",
        "skipped": "Här är simuleringen. Gissa gärna nästa gång innan du tittar.",
    },
    "overview": {
        "caption": "Dina resultat per kapitel",
        "chapter": "Kapitel",
        "answered": "Besvarade",
        "right": "Rätt",
        "nothing_yet": "Du har inte svarat på några frågor än.",
        "clear": "Rensa mina svar",
        "confirm_clear": "Vill du ta bort alla dina svar i kursen? Det går inte att ångra.",
        "confirm_yes": "Ja, ta bort allt",
        "confirm_no": "Nej, behåll",
        "cleared": "Alla dina svar är borttagna.",
        "total": "Hela kursen",
        "of": "{n} av {total}",
    },
    "profile": {
        # Tillitsprofilen (widgets.views.profile.Profile, static/profile.js).
        "heading": "Tillitsprofilen",
        "intro": (
            "Välj ett betyg från 1 till 5 för varje kännetecken. 1 är svagast och 5 starkast. "
            "Tänk på hur det är i din verksamhet i dag, inte hur det borde vara."
        ),
        "result_heading": "Din profil",
        "chart_title": "Din tillitsprofil. {items}.",
        "chart_item": "{name}: {value} av 5",
        "chart_item_missing": "{name}: inte bedömd",
        "chart_value": "{value} av 5",
        "not_rated": "inte bedömd",
        "reading_none": "Du har inte valt några betyg än.",
        "reading_count": "Du har bedömt {n} av {total} kännetecken.",
        "reading_strongest": "Starkast: {names} ({value}).",
        "reading_weakest": "Svagast: {names} ({value}).",
        "reading_same": "Alla kännetecken du har bedömt har betyget {value}.",
        "list_and": "och",
        "table_toggle": "Visa profilen som tabell",
        "table_caption": "Din tillitsprofil",
        "col_hallmark": "Kännetecken",
        "col_rating": "Betyg",
        "col_meaning": "Vad betyget betyder",
        "download": "Ladda ner som CSV",
        "clear": "Rensa",
        "file_name": "tillitsprofil.csv",
        "downloaded": (
            "Profilen är nedladdad som {file}. Filen innehåller bara kännetecken och betyg."
        ),
        "need_all": (
            "Välj ett betyg för alla {total} kännetecken innan du laddar ner. "
            "Det saknas för: {names}."
        ),
        "cleared": "Profilen är rensad.",
    },
    "plan": {
        # Mina nästa steg (widgets.views.plan.PersonalPlan, static/plan.js). The prompts
        # themselves are in data/mina-nasta-steg.yml.
        "heading": "Mina nästa steg",
        "intro": (
            "Skriv med egna ord. Korta svar räcker, och du kan ändra när du vill. "
            "Allt du skriver sparas medan du skriver."
        ),
        "legend": "Min plan",
        "source": "Tillitskursen, kapitel 10: Sammanfattning och slutprov.",
        "date": "Datum: {date}",
        "not_filled": "(inte ifyllt)",
        "print": "Skriv ut planen",
        "print_note": (
            "Knappen skriver bara ut planen, inte resten av sidan. Vill du ha planen som "
            "en fil kan du välja Spara som PDF när utskriften öppnas."
        ),
        "print_empty": (
            "Planen är tom. Utskriften får tomma rader som du kan fylla i för hand."
        ),
        "download": "Ladda ner som text",
        "file_name": "mina-nasta-steg.txt",
        "downloaded": "Planen är nedladdad som {file}.",
        "clear": "Rensa",
        "confirm_clear": (
            "Vill du ta bort allt du har skrivit i planen? Det går inte att ångra."
        ),
        "confirm_yes": "Ja, rensa planen",
        "confirm_no": "Nej, behåll",
        "cleared": "Planen är rensad.",
        "saved": "Sparat i din webbläsare.",
        "saved_memory": "Sparat tills du laddar om sidan.",
    },
    "hallmark_cards": {
        # Chapter 3's static tables (widgets.figures.hallmark_cards).
        "overview_caption": "De sju kännetecknen för tillitsbaserad styrning och ledning",
        "col_hallmark": "Kännetecken",
        "col_description": "Beskrivning i föredraget",
        "col_level": "Nivå",
        "col_asks": "Vad kännetecknet kräver",
        "asks_caption": "{name}: vad kännetecknet kräver på varje nivå",
        "card_example": "Exempel:",
        "card_warning": "Varningstecken:",
        "card_warning_icon": "⚠",
    },
    "group_profile": {
        # The teacher's group profile (widgets.figures.group_profile).
        "group_caption": "Gruppens tillitsprofil ({n} profiler)",
        "col_hallmark": "Kännetecken",
        "col_mean": "Medel",
        "col_std": "Standardavvikelse",
        "col_min": "Lägst",
        "col_max": "Högst",
        "col_count": "Antal",
        "chart_axis": "Betyg (1 = svagast, 5 = starkast)",
        "legend_mean": "Medelvärde",
        "legend_range": "Lägsta till högsta betyg",
    },
}


def texts_for(*sections: str) -> dict[str, str]:
    """The keys of ``sections`` merged into one mapping (later sections win)."""
    merged: dict[str, str] = {}
    for section in sections:
        merged.update(TEXTS[section])
    return merged
