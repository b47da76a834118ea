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
        "list_and": "och",
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
        "partly_some": (
            "Delvis rätt: du valde {chosen}, och {right} av dem stämmer. "
            "Försök igen, eller visa svaret."
        ),
        "partly_missing": (
            "Delvis rätt: det du valde stämmer, men fler alternativ stämmer. "
            "Försök igen, eller visa svaret."
        ),
        "partly_pairs": "Delvis rätt: {right} av {total} par stämmer. Försök igen, eller visa svaret.",
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
        "score_first": "På första försöket hade du {first} rätt.",
        "score_answered": "Du har svarat på {answered} av {total} frågor.",
        "score_reflection": "Reflektionsfrågor räknas inte i resultatet.",
        "restart": "Börja om testet",
        "restart_confirm": (
            "Vill du svara på frågorna i det här testet igen? Dina svar här tas bort. "
            "Det du hade rätt på första försöket räknas ändå i Min översikt."
        ),
        "restart_yes": "Ja, börja om",
        "restart_no": "Nej, behåll svaren",
        "restarted": "Dina svar i testet är borttagna. Börja med fråga 1.",
        # The answer store (static/answers.js): saved answers that no longer count.
        "answer_changed": (
            "Frågan har ändrats sedan du svarade. Ditt gamla svar räknas inte. Svara gärna igen."
        ),
        "answers_removed": (
            "Några av dina sparade svar gällde frågor som inte finns kvar. De räknas inte."
        ),
        "answers_damaged": (
            "Några av dina sparade svar gick inte att läsa. De frågorna börjar om. "
            "Dina andra svar finns kvar."
        ),
        "answers_unreadable": (
            "Dina sparade svar i det här kapitlet gick inte att läsa, så testet börjar om. "
            "Svaren i andra kapitel finns kvar."
        ),
        "answers_version": (
            "Dina svar i det här kapitlet sparades av en annan version av kursen och "
            "går inte att läsa här, så testet börjar om. Svaren i andra kapitel finns kvar."
        ),
    },
    "host": {
        # The site's widget host (book/_assets/widget-host.js): when a part cannot be drawn.
        # The site extension puts this section in every page (widgets.site.extension).
        "missing": (
            "Det här interaktiva inslaget saknas i sidan. Ladda om sidan eller öppna kapitlet "
            "som notebook."
        ),
        "unsupported": "Det här inslaget kräver Jupyter. Öppna kapitlet som notebook för att använda det.",
        "failed": "Det interaktiva inslaget kunde inte visas. Ladda om sidan.",
        "unreadable": (
            "Det interaktiva inslaget kunde inte läsas in, eftersom sidan är skadad. "
            "Ladda om sidan eller läs kapitlet som PDF."
        ),
    },
    "scorm": {
        # A chapter in a SCORM 1.2 package (static/scorm.js); widgets.build.scorm puts this
        # section in each packaged page.
        "saved_platform": "Dina svar och ditt resultat sparas i lärplattformen.",
        "saved_not_platform": "Dina svar sparas bara i den här webbläsaren.",
        "platform_error": (
            "Lärplattformen tog inte emot ditt resultat. Dina svar finns kvar i den här "
            "webbläsaren. Säg till din lärare om felet finns kvar."
        ),
        "platform_too_long": (
            "Dina svar får inte plats i lärplattformen. De finns kvar i den här webbläsaren."
        ),
        # said after a link that leaves the package for the published site (build/scorm_page.py)
        "new_tab": "(öppnas i en ny flik)",
    },
    "explorer": {
        "show_table": "Visa siffrorna som tabell",
        "table_caption": "Siffrorna bakom diagrammet",
        "live": "Beräknat nu i Python, som ett snitt av {runs} körningar. Webbsidan visar {grid_runs}.",
        "live_between": "Värdet ligger mellan stegen som webbsidan visar.",
        "live_wait": "Räknar i Python …",
        "missing_point": "Det här läget finns inte i simuleringen. Välj ett annat värde.",
        "cases_label": "Visa:",
        "about_model": "Om modellen",
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
        "right_first": "Rätt första gången",
        "right": "Rätt till slut",
        "nothing_yet": "Du har inte svarat på några frågor än.",
        "overview_not_counted": (
            "Några sparade svar gäller frågor som har ändrats eller tagits bort, eller gick "
            "inte att läsa. De räknas inte här."
        ),
        "clear": "Rensa mina svar",
        "confirm_clear": (
            "Vill du ta bort dina svar i alla självtester, också det du hade rätt första "
            "gången? Det går inte att ångra. Din plan och din tillitsprofil finns kvar."
        ),
        "confirm_yes": "Ja, ta bort svaren",
        "confirm_no": "Nej, behåll",
        "cleared": (
            "Dina svar i självtesterna är borttagna. Din plan och din tillitsprofil finns kvar."
        ),
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
        "confirm_clear": (
            "Vill du ta bort alla betyg i din tillitsprofil? Det går inte att ångra. "
            "Dina svar i självtesterna och din plan finns kvar."
        ),
        "confirm_yes": "Ja, rensa profilen",
        "confirm_no": "Nej, behåll",
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
            "Vill du ta bort allt du har skrivit och valt i planen? Det går inte att ångra. "
            "Dina svar i självtesterna och din tillitsprofil finns kvar."
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
    "roleplay": {
        # The role-play of chapter 9 ({rollspel} in widgets.site.directives); the texts
        # themselves are in data/rollspel.yml.
        "role_heading": "Roll: {heading}",
        "extra_role": "Extra roll: med när gruppen har {n} deltagare eller fler.",
        "show_role": "Läs rollen: {name}",
        "secret": "Det här vet bara du",
        "goal": "Ditt mål",
        "offer": "Det här kan du erbjuda",
        "think": "Tänk på",
        "timings_caption": "Tid för rollspelet",
        "col_step": "Steg",
        "col_version": "{n} minuter",
        "total": "Sammanlagt",
        "minutes": "{n} min",
        "groups_caption": "Roller efter gruppens storlek",
        "col_size": "Deltagare i gruppen",
        "col_roles": "Roller",
        "casting_caption": "Rollerna och vem de passar",
        "col_role": "Roll",
        "col_from": "Med från",
        "col_casting": "Passar",
        "from_size": "{n} deltagare",
        "proposal_caption": "Mall för gruppens förslag",
        "col_part": "Del av förslaget",
        "col_answer": "Gruppens förslag",
        "list_and": "och",
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
    "combine": {
        # Lägg ihop profiler (widgets.views.combine.ProfileCombiner, static/combine.js): the
        # teacher's group profile in the browser. Reasons match ProfileFileError.reason.
        "heading": "Lägg ihop profiler",
        "result_heading": "Gruppens profil",
        "privacy": (
            "Filerna läses bara här i din webbläsare. Inget skickas någonstans, och inget "
            "sparas när du stänger sidan."
        ),
        "pick_label": "Välj profilfiler",
        "pick_hint": (
            "Välj CSV-filer från Tillitsprofilen eller svarsfiler (JSON) från Min översikt. "
            "Du kan välja många filer på en gång, eller dra dem hit. Välj igen för att lägga "
            "till fler."
        ),
        "files_heading": "Filer",
        "files_none": "Du har inte valt några filer än.",
        "file_used": "används",
        "file_used_partial": "används ({n} av {total} kännetecken bedömda)",
        "file_not_used": "används inte: {reason}",
        "remove": "Ta bort",
        "remove_label": "Ta bort {file}",
        "clear": "Töm listan",
        "status_read": "Filer som används: {used} av {files}.",
        "status_bad": "Filer som inte går att använda: {n}. Se listan.",
        "status_removed": "{file} är borttagen. Filer som används: {used}.",
        "status_cleared": "Listan är tom.",
        "reading_none": "Välj minst en profil, så visas gruppens profil här.",
        "reading_count": "Gruppens profil bygger på {n} profiler.",
        "reading_one": "Gruppens profil bygger på en profil. Det finns ingen spridning att visa.",
        "reading_highest": "Högst medelvärde har {names} ({value}).",
        "reading_lowest": "Lägst medelvärde har {names} ({value}).",
        "reading_same": "Alla kännetecken har samma medelvärde ({value}).",
        "reading_spread": (
            "Störst spridning har {names} (standardavvikelse {value}). Där ser ni olika på "
            "saken. Det är en bra fråga att börja samtalet med."
        ),
        "reading_agree": "Minst spridning har {names} ({value}). Där är gruppen mest enig.",
        "chart_title": "Gruppens tillitsprofil, {n} profiler. {items}.",
        "chart_item": "{name}: medel {mean}, från {min} till {max}",
        "chart_item_none": "{name}: inga betyg",
        "chart_value": "{mean}",
        "chart_legend": "Punkten är medelvärdet. Strecket går från lägsta till högsta betyg.",
        "download_csv": "Ladda ner tabellen (CSV)",
        "download_svg": "Ladda ner diagrammet (SVG)",
        "download_png": "Ladda ner diagrammet (PNG)",
        "csv_file": "gruppens-tillitsprofil.csv",
        "svg_file": "gruppens-tillitsprofil.svg",
        "png_file": "gruppens-tillitsprofil.png",
        "downloaded": "{file} är nedladdad.",
        "download_failed": "Det gick inte att göra bilden. Ladda ner SVG-filen i stället.",
        "line": "rad {line}: ",
        "reason_not_profile": "filen är varken en CSV-fil eller en svarsfil (JSON).",
        "reason_too_large": "filen är för stor för att vara en profil (högst {limit}).",
        "reason_empty": "filen är tom.",
        "reason_encoding": (
            "filen är inte sparad som UTF-8. Den kan vara sparad som UTF-16 eller Latin-1 i "
            "ett kalkylprogram. Be om den nedladdade filen som den är, eller spara den som "
            "CSV UTF-8."
        ),
        "reason_header": (
            "filen är ingen tillitsprofil. Första raden ska vara kannetecken,betyg."
        ),
        "reason_columns": "raden ska ha två värden: kännetecken och betyg.",
        "reason_unknown_hallmark": "{value} är inget av kursens sju kännetecken.",
        "reason_repeated_hallmark": "kännetecknet {value} står två gånger.",
        "reason_no_rating": "betyget saknas.",
        "reason_not_integer": "betyget {value} är inget heltal från 1 till 5.",
        "reason_out_of_range": "betyget {value} ligger utanför skalan 1 till 5.",
        "reason_missing_hallmarks": "betyg saknas för {value}.",
        "reason_not_answers": "filen är ingen svarsfil från Tillitskursen.",
        "reason_answers_version": "svarsfilen är från en annan version av kursen.",
        "reason_no_profile": "svarsfilen har ingen tillitsprofil.",
        "reason_bad_profile": "tillitsprofilen i svarsfilen har fel kännetecken eller betyg.",
        "reason_duplicate": "samma fil finns redan i listan.",
        "reason_unreadable": "filen gick inte att läsa.",
        "semicolon_note": "semikolon som skiljetecken (sparad i Excel), läst ändå.",
    },
    "certificate": {
        # Kursintyg (widgets.views.certificate.Certificate, static/certificate.js).
        "name_label": "Ditt namn på intyget",
        "name_hint": (
            "Namnet sparas bara i den här webbläsaren. Det skickas inte någonstans."
        ),
        "print": "Skriv ut intyget",
        "printed": "Utskriften är öppnad. Välj en skrivare eller Spara som PDF.",
        "preview_heading": "Så här ser intyget ut",
        "title": "Kursintyg",
        "course": "Tillitskursen: tillitsbaserad styrning och ledning",
        "no_name": "(inget namn ifyllt)",
        "statement": "{name} har gått igenom Tillitskursen och gjort kursens självtester.",
        "date": "Datum: {date}",
        "caption": "Självtester per kapitel",
        "chapter": "Kapitel",
        "answered": "Besvarade",
        "right_first": "Rätt första gången",
        "right": "Rätt till slut",
        "total": "Hela kursen",
        "of": "{n} av {total}",
        "goals_heading": "Kursens mål",
        "honest": (
            "Intyget bygger på självtester som deltagaren har gjort på egen hand, utan "
            "övervakning. Det visar vad deltagaren har arbetat med, inte ett prov som någon "
            "har rättat."
        ),
        "not_counted": (
            "Några sparade svar gäller frågor som har ändrats. De räknas inte på intyget."
        ),
        "nothing_yet": (
            "Du har inte svarat på några självtester i den här webbläsaren. Intyget visar "
            "då noll besvarade frågor."
        ),
    },
    "site": {
        # The site around the chapters (widgets.site: theme markup, header buttons, footer;
        # book/_assets/tk-site.js: menus, tables, the back-to-top button, the resume link).
        "main_nav": "Huvudmeny",
        "page_nav": "Innehåll på sidan",
        "search_dialog": "Sök i kursen",
        "footer_nav": "Om webbplatsen",
        "back_to_top": "Till början av sidan",
        "close_menu": "Stäng",
        "scroll_hint": "Svep för att se hela tabellen.",
        "table_region": "Tabell som går att rulla i sidled",
        "table_region_named": "{caption} (tabell som går att rulla i sidled)",
        "resume": "Fortsätt där du slutade:",
        "chapter_pdf": "Kapitlet som PDF",
        "chapter_pdf_tip": "Ladda ner kapitlet som PDF, med självtestet att göra på papper",
        "course_pdf": "Hela kursen som PDF",
        "course_pdf_tip": "Ladda ner hela kursen som PDF",
        "report_issue": "Rapportera fel",
        "report_issue_tip": "Berätta om ett fel på den här sidan (öppnar GitHub)",
        "issue_title": "Fel: {title}",
        # Contact lines on the accessibility statement and the privacy page (Markdown).
        "contact_email": "E-post: {link}",
        "contact_phone": "Telefon: {phone}",
        "contact_form": "Webbformulär: {link}",
        "contact_github": "Skriv i kursens [ärendelista på GitHub]({url}). Där behöver du ett konto.",
        "privacy_contact": "Du kan också kontakta vårt dataskyddsombud: {link}.",
    },
    "pdf": {
        # The printed course (widgets.build.pdf): cover, contents, footers, handout.
        "footer": "{course} · {page}",
        "cover_label": "Omslag",
        "cover_subtitle": "En öppen kurs om tillitsbaserad styrning och ledning i offentlig sektor",
        "cover_talk": "Kursen bygger på föredraget {talk} av {speaker}.",
        "cover_authors": "Av {authors}.",
        "cover_version": "Version {version}, {date}.",
        "cover_site": "Kursen på webben, med självtester och simuleringar: {url}",
        "cover_licence": (
            "Licens: {licence}. Du får kopiera, dela och ändra texten om du anger källan. "
            "Villkoren: {url}"
        ),
        "contents": "Kursens innehåll",
        "chapter_title": "{course} – {chapter}",
        "chapter_key": "Facit till självtestet",
        "colophon": "Ur {course}, version {version}, {date}. Licens: {licence} ({url}).",
        "colophon_site": "Kapitlet på webben: {url}",
        "handout_title": "{course} – {title}",
        "handout_source": "Ur kapitel {number}, {chapter} – på webben: {url}",
        "handout_source_page": "Ur {chapter} – på webben: {url}",
    },
    "roleplay_pack": {
        # The printed role-play pack (widgets.build.pdf_roleplay); its texts are in the
        # ``pack`` part of data/rollspel.yml.
        "pack_title": "{course} – {pack}: {title}",
        "teacher_heading": "Till dig som leder rollspelet",
        "scenario_heading": "Scenario",
        "task_heading": "Er uppgift",
        "cards_heading": "Rollkort",
        "cut": "Klipp här",
        "proposal_heading": "Gruppens förslag",
        "group_names": "Gruppens deltagare:",
        "tents_heading": "Namnskyltar",
        "tent_fold": "Vik här",
        "observer_heading": "Observatörens blad",
    },
    "slides": {
        # The workshop's slide decks (widgets.build.slides, bildspel/*.html); what the slides
        # show comes from the chapters and data/bildspel.yml.
        "index_title": "Bildspel till workshopen",
        "index_intro": (
            "Bildspelen hör till workshopen på tre timmar i lärarhandledningen. Texten kommer "
            "från kapitlen. Varje bildspel har en utskrift att dela ut."
        ),
        "deck_title": "{deck} – bildspel – {course}",
        "handout_title": "{deck} – utskrift – {course}",
        "segment": "Workshop på tre timmar, passet {time}",
        "help": "Byt bild med piltangenterna. Tryck S för att se anteckningarna för den som leder.",
        "title_notes": "Det här bildspelet hör till passet {time} i schemat.",
        "open_deck": "Visa bildspelet",
        "open_handout": "Utskrift att dela ut",
        "open_script": "Manus med anteckningar",
        "script_title": "{deck} – manus – {course}",
        "notes_heading": "Anteckningar",
        "back": "Till lärarhandledningen",
        "index_link": "Alla bildspel",
        "source": "Ur {chapter}",
        "chapter": "kapitel {number}, {title}",
        "slide_label": "Bild {n} av {total}",
        "prev": "Förra bilden",
        "next": "Nästa bild",
        "up": "Bilden ovanför",
        "down": "Bilden nedanför",
        "hallmarks": "Sju kännetecken",
        "roleplay_task": "Er uppgift",
        "roleplay_groups": "Roller efter gruppens storlek",
        "roleplay_timings": "Tid för rollspelet",
        "roleplay_observer": "Observatören",
        "roleplay_report": "Eftersamtal och redovisning",
        "plan": "Mina nästa steg: frågorna i planen",
        "chapters": "Läs vidare i kursen",
        "chapters_notes": "Hela kursen finns på {url}. Svaren sparas bara hos var och en.",
    },
    # -- issue 15 (offline): answers files, Repetera, the class overview, offline ----------------
    "answer_file": {
        # Why a file could not be read (widgets/content/answer_files.py and answerfile.js;
        # one message per problem code, {file} is the file's name).
        "file_too_large": (
            "{file}: Filen är för stor (över 1 MB). En svarsfil från kursen är mycket mindre. "
            "Välj filen som kursen sparade."
        ),
        "file_not_text": "{file}: Det här är inte en textfil. Välj en svarsfil som slutar på .json.",
        "file_empty": "{file}: Filen är tom. Spara svaren på nytt och välj den nya filen.",
        "file_not_json": (
            "{file}: Filen går inte att läsa. Den kan vara skadad eller avklippt. "
            "Spara svaren på nytt."
        ),
        "file_not_ours": (
            "{file}: Det här är inte en svarsfil från Tillitskursen. Välj filen som knappen "
            "Spara mina svar som fil skapade."
        ),
        "file_newer": (
            "{file}: Filen kommer från en nyare version av kursen. Ladda om sidan så att du får "
            "den nya versionen. Försök sedan igen."
        ),
        "file_newer_answers": (
            "{file}: Svaren i filen är sparade av en nyare version av kursen. Ladda om sidan så "
            "att du får den nya versionen. Försök sedan igen."
        ),
        "file_damaged_version": "{file}: Filen är skadad. Versionsnumret saknas eller är fel.",
        "file_damaged_answers": "{file}: Filen är skadad. Svaren i den går inte att läsa.",
        "file_damaged_course": "{file}: Filen är skadad. Kursversionen saknas eller är fel.",
        "file_damaged_time": "{file}: Filen är skadad. Datumet då den sparades är fel.",
        "file_damaged_name": "{file}: Filen är skadad. Namnet i den är för långt eller har fel tecken.",
        "file_damaged_profile": "{file}: Filen är skadad. Tillitsprofilen i den går inte att läsa.",
        "file_damaged_plan": "{file}: Filen är skadad. Planen i den går inte att läsa.",
        "file_unreadable": "{file}: Filen går inte att öppna. Välj den igen.",
    },
    "answer_transfer": {
        # Min översikt: "Spara mina svar som fil" and "Läs in svar från fil" (overview.js).
        "transfer_heading": "Flytta dina svar",
        "transfer_intro": (
            "Spara dina svar som en fil. Då kan du läsa in dem i en annan webbläsare eller "
            "skicka filen till din lärare. Filen stannar hos dig tills du själv skickar den."
        ),
        "name_label": "Namn eller signatur i filen (frivilligt)",
        "name_hint": "Du behöver inte skriva ditt riktiga namn. En signatur räcker.",
        "export": "Spara mina svar som fil",
        "exported": "Filen {file} är sparad. Den har svar på {n} frågor.",
        "import": "Läs in svar från fil",
        "import_confirm": (
            "Filen har svar på {n} frågor. {both} av dem har du svarat på här också. "
            "Där behålls det svar som är nyast. Vill du läsa in filen?"
        ),
        "import_yes": "Ja, läs in svaren",
        "import_no": "Nej, avbryt",
        "imported": "Klart. {n} svar är inlästa från filen.",
        "import_cancelled": "Inget är ändrat.",
        "import_skipped": (
            "{n} svar i filen hoppades över. De gäller frågor som har ändrats eller inte finns längre."
        ),
        "import_damaged": "{n} svar i filen var skadade och hoppades över.",
        "import_kept": "Din tillitsprofil och din plan här är kvar. Filens profil och plan lästes inte in.",
        "import_failed": "Inget är ändrat.",
    },
    "review": {
        # Repetera (widgets.views.review.Review, static/review.js) and its count on Min översikt.
        "review_heading": "Repetera",
        "review_intro": (
            "Här är {n} frågor att repetera. Först kommer de du har svarat fel på. Sedan kommer "
            "de som är dags att repetera igen."
        ),
        "review_none": (
            "Du har inget att repetera just nu. Svara på självtesterna i kapitlen. Då kommer "
            "frågorna hit när det är dags att repetera dem."
        ),
        "review_from": "Från kapitlet {chapter}",
        "review_progress": "Du har svarat på {answered} av {total} frågor. {right} var rätt.",
        "review_again": "Ny omgång",
        "due_count": "{n} frågor är dags att repetera.",
        "due_none": "Inga frågor behöver repeteras just nu.",
        "due_link": "Till Repetera",
    },
    "class_results": {
        # Klassens resultat (widgets.views.class_results.ClassResults, static/classresults.js).
        "class_heading": "Klassens resultat",
        "class_choose": "Välj elevernas svarsfiler (du kan välja många på en gång)",
        "class_local": "Filerna läses bara i din webbläsare. Inget skickas någonstans.",
        "class_read": "{good} filer är inlästa. {bad} filer gick inte att läsa.",
        "class_bad_title": "De här filerna gick inte att läsa:",
        "class_question": "Fråga",
        "class_answered": "Besvarade",
        "class_right": "Andel rätt",
        "class_right_first": "Rätt första gången",
        "class_common_wrong": "Vanligaste fel svar",
        "class_wrong_count": "{answer} ({n} st)",
        "class_not_graded": "Rättas inte",
        "class_csv": "Ladda ner tabellen som CSV",
        "class_csv_file": "klassens-resultat.csv",
        "class_csv_done": "Filen {file} är sparad.",
    },
    "offline": {
        # The course offline (widgets/site/offline.py, book/_assets/tk-offline.js, the worker).
        "manifest_description": (
            "En öppen kurs om tillitsbaserad styrning och ledning i offentlig sektor."
        ),
        "save_intro": (
            "Spara hela kursen i den här webbläsaren. Då kan du läsa den och göra "
            "självtesterna utan internet."
        ),
        "save_size": "Det tar ungefär {mb} MB.",
        "save_button": "Spara kursen för offline",
        "saving_label": "Sparar kursen",
        "saving": "Kursen sparas. Vänta en stund.",
        "saved_all": (
            "Klart. Hela kursen är sparad, {total} filer och ungefär {mb} MB. "
            "Nu kan du läsa den utan internet."
        ),
        "saved_failed": (
            "{failed} av {total} filer gick inte att spara. Kontrollera att du har internet "
            "och tryck på knappen igen."
        ),
        "saved_already": "Kursen är sparad i den här webbläsaren. Du kan läsa den utan internet.",
        "offline_unsupported": (
            "Din webbläsare kan inte spara kursen. Du kan ladda ner kursen som PDF i stället."
        ),
        "update_available": "En ny version av kursen finns.",
        "update_reload": "Ladda om sidan",
        "offline_title": "Sidan är inte sparad",
        "offline_text": (
            "Du har inte internet just nu, och den här sidan är inte sparad. Spara hela kursen "
            "på startsidan nästa gång du har internet."
        ),
        "offline_home": "Till kursens startsida",
    },
}


def texts_for(*sections: str) -> dict[str, str]:
    """The keys of ``sections`` merged into one mapping (later sections win)."""
    merged: dict[str, str] = {}
    for section in sections:
        merged.update(TEXTS[section])
    return merged
