"""The explorers in the browser, on a page of their own: every control changes the chart, the
question hides the answer until a guess and then shows the case it asked about, labels fit at
375, 800 and 1280 px, forced colours, cleanup on re-render, and the live mode's protocol."""

import pytest

from tests import axe
from tests.chart_layout import chart_count, label_problems
from tests.explorer_builders import BUILDERS
from tests.helpers import chart_signature as _chart_signature


@pytest.fixture(scope="module")
def built():
    return {name: build() for name, build in BUILDERS.items()}


def _reveal(box, guess: int | None = 1):
    """Answer the question (option ``guess``) or skip it; nothing happens without a question."""
    if not box.locator(".tk-guess").count():
        return
    if guess is None:
        box.get_by_role("button", name="Visa utan att gissa").click()
    else:
        box.locator(".tk-guess input").nth(guess).check()
        box.get_by_role("button", name="Visa vad som händer").click()


@pytest.mark.parametrize("name", list(BUILDERS))
def test_every_control_changes_the_chart(open_widget, built, name):
    page, log = open_widget(built[name])
    box = page.locator(".tk-explorer")
    box.wait_for()
    if box.locator(".tk-guess").count():
        _reveal(box)
        assert "Din gissning:" in box.locator(".tk-guess-feedback").inner_text()
    for control in built[name].spec["controls"]:
        before = _chart_signature(box)
        reading = box.locator(".tk-reading").first.inner_text()
        if control["kind"] == "choice":
            box.locator(".tk-choices input").nth(1).check()
        else:
            slider = box.locator(f'input[type="range"][id$="-{control["name"]}"]')
            slider.focus()
            at_end = slider.input_value() == slider.get_attribute("max")
            page.keyboard.press("Home" if at_end else "End")
            assert slider.get_attribute("aria-valuetext") in control["labels"]
        assert _chart_signature(box) != before, f"{name}: {control['name']} did not change the chart"
        assert box.locator(".tk-reading").first.inner_text() != reading
    table = box.locator("details.tk-details table")
    assert table.locator("tbody tr").count() >= 2
    found = axe.violations(page, include=".tk-explorer")
    assert found == [], axe.describe(found)
    assert log.errors == [] and log.external == []


def test_a_guess_first_explorer_hides_the_answer_then_shows_the_case_asked_about(open_widget, built):
    page, log = open_widget(built["tillitsspiralen-start"])
    box = page.locator(".tk-explorer")
    box.wait_for()
    # before the guess: the question, but no reading, chart, table or text that gives it away
    assert box.locator(".tk-guess legend").is_visible()
    for hidden in (".tk-panel", ".tk-reading", "svg.tk-chart:not(.tk-meter)", ".tk-details",
                   ".tk-after-guess", ".tk-about"):
        assert not box.locator(hidden).first.is_visible(), hidden
    assert "Lägg märke till" not in box.inner_text()
    # a guess: the low start the question asked about
    _reveal(box, guess=1)
    slider = box.locator('input[type="range"]')
    assert slider.get_attribute("aria-valuetext") == "0,4"
    low = box.get_by_role("button", name="Låg tillit från start")
    high = box.get_by_role("button", name="Hög tillit från start")
    assert low.get_attribute("aria-pressed") == "true" and high.get_attribute("aria-pressed") == "false"
    reading = box.locator(".tk-reading").first.inner_text()
    assert "tillit 0,4" in reading and "0 av 100" in reading
    assert "Lägg märke till var gränsen går" in box.locator(".tk-after-guess").inner_text()
    # the other case is one click away
    high.click()
    assert slider.get_attribute("aria-valuetext") == "1,0"
    assert high.get_attribute("aria-pressed") == "true" and low.get_attribute("aria-pressed") == "false"
    assert "tillit 1,0" in box.locator(".tk-reading").first.inner_text()
    # moving the slider elsewhere presses neither
    slider.focus()
    page.keyboard.press("ArrowLeft")
    assert box.locator('.tk-case[aria-pressed="true"]').count() == 0
    assert log.errors == []


def test_guess_is_remembered_after_reload_and_shows_the_asked_case(open_widget, built):
    page, _ = open_widget(built["selektiv-kontroll"])
    box = page.locator(".tk-explorer")
    box.locator(".tk-guess input").nth(2).check()
    box.get_by_role("button", name="Visa vad som händer").click()
    page.reload()
    page.locator(".tk-explorer .tk-guess[data-revealed='true']").wait_for()
    assert page.locator(".tk-explorer .tk-panel").is_visible()
    assert page.locator(".tk-explorer .tk-guess input").nth(2).is_checked()
    pressed = page.locator('.tk-explorer .tk-case[aria-pressed="true"]')
    assert pressed.inner_text().endswith("Budget för 10 procent")


def test_choosing_nothing_says_so_and_keeps_focus_on_the_button(open_widget, built):
    page, _ = open_widget(built["upprepad-tillit-brus"])
    box = page.locator(".tk-explorer")
    button = box.get_by_role("button", name="Visa vad som händer")
    button.click()
    assert "Välj först" in box.locator(".tk-guess-feedback").inner_text()
    assert page.evaluate("document.activeElement.textContent") == "Visa vad som händer"
    page.wait_for_function("() => document.querySelector('.tk-announce').textContent.length > 0")
    assert "Välj först" in box.locator(".tk-announce").inner_text()
    assert box.locator(".tk-panel").is_hidden()


def _walk(page, box, spec) -> list[str]:
    """Every value of every control (one at a time, by keyboard), and every case: the label
    problems seen on the way."""
    problems = label_problems(box)
    for control in spec["controls"]:
        if control["kind"] == "choice":
            for i in range(len(control["values"])):
                box.locator(".tk-choices input").nth(i).check()
                problems += label_problems(box)
            continue
        slider = box.locator(f'input[type="range"][id$="-{control["name"]}"]')
        slider.focus()
        page.keyboard.press("Home")
        problems += label_problems(box)
        for _ in range(len(control["values"]) - 1):
            page.keyboard.press("ArrowRight")
            problems += label_problems(box)
    for button in box.locator(".tk-case").all():
        button.click()
        problems += label_problems(box)
    return problems


@pytest.mark.parametrize("width", [375, 800, 1280])
def test_chart_labels_never_clip_or_overlap(open_widget, built, width):
    page, log = open_widget(*built.values(), viewport={"width": width, "height": 900})
    boxes = page.locator(".tk-explorer")
    boxes.first.wait_for()
    assert boxes.count() == len(built)
    problems, seen = [], 0
    for i, (name, explorer) in enumerate(built.items()):
        box = boxes.nth(i)
        assert box.get_attribute("data-explorer") == name
        _reveal(box, guess=None)
        seen += chart_count(box)
        problems += _walk(page, box, explorer.spec)
    # on paper: every case of every question, at the print width
    page.emulate_media(media="print")
    printed = page.locator(".tk-print-case svg.tk-chart")
    assert printed.count() == sum(len(e.spec["question"]["cases"]) for e in built.values()
                                  if e.spec["question"])
    seen += chart_count(page)
    problems += label_problems(page)
    assert seen >= len(built)
    assert problems == [], "\n".join(sorted(set(problems))[:40])
    assert log.errors == []


def test_forced_colours_draw_lines_and_bars_in_system_colours(open_widget, built):
    page, _ = open_widget(built["tillitsspiralen"], built["selektiv-kontroll"])
    page.locator(".tk-explorer").first.wait_for()
    _reveal(page.locator(".tk-explorer").nth(1), guess=None)
    inline = page.locator(".tk-line").first.get_attribute("stroke")
    page.emulate_media(forced_colors="active")
    colours = page.evaluate("""() => {
        const probe = document.createElement('span');
        probe.style.color = 'CanvasText';
        document.body.append(probe);
        const text = getComputedStyle(probe).color;
        probe.remove();
        const line = getComputedStyle(document.querySelector('.tk-line')).stroke;
        const bar = getComputedStyle(document.querySelector('.tk-bar')).fill;
        return {text, line, bar};
    }""")
    assert colours["line"] == colours["text"] and colours["bar"] == colours["text"]
    page.emulate_media(forced_colors="none")
    assert inline.lower() not in ("#000", "#000000")  # so the check above means something
    assert page.evaluate("getComputedStyle(document.querySelector('.tk-line')).stroke") != colours["line"]


def test_the_heading_fits_the_page(open_widget, built):
    page, _ = open_widget(built["upprepad-tillit"])
    title = page.locator(".tk-explorer-title")
    title.wait_for()
    # the standalone page has only an h1, so the explorer's title is an h2
    assert title.evaluate("e => e.tagName") == "H2"
    assert page.locator(".tk-explorer").get_attribute("aria-labelledby") == title.get_attribute("id")


# --- the module itself, with a model made in the test --------------------------------------

HARNESS = """
async ({ extra }) => {
  const script = document.querySelector('script[type="application/vnd.jupyter.widget-state+json"]');
  const state = JSON.parse(script.textContent).state;
  const entry = Object.values(state).find((s) => s.state && s.state.spec);
  const url = URL.createObjectURL(new Blob([entry.state._esm], { type: 'text/javascript' }));
  const mod = (await import(url)).default;
  const counts = { resize: 0, mutation: 0, timers: new Set() };
  for (const name of ['ResizeObserver', 'MutationObserver']) {
    const Original = window[name];
    const kind = name === 'ResizeObserver' ? 'resize' : 'mutation';
    window[name] = class extends Original {
      observe(...args) { counts[kind] += 1; this._tk = true; return super.observe(...args); }
      disconnect() {
        if (this._tk) { counts[kind] -= 1; this._tk = false; }
        return super.disconnect();
      }
    };
  }
  const listeners = new Map();
  for (const target of [window, document]) {
    const add = target.addEventListener.bind(target), remove = target.removeEventListener.bind(target);
    target.addEventListener = (type, fn, opts) => { listeners.set(fn, type); return add(type, fn, opts); };
    target.removeEventListener = (type, fn, opts) => { listeners.delete(fn); return remove(type, fn, opts); };
  }
  const makeModel = (reply) => {
    const model = { state: { spec: entry.state.spec, texts: entry.state.texts }, handlers: {}, sent: [],
      get(k) { return this.state[k]; }, set(k, v) { this.state[k] = v; }, save_changes() {},
      on(e, f) { (this.handlers[e] ||= []).push(f); },
      off(e, f) { this.handlers[e] = (this.handlers[e] || []).filter((g) => g !== f); },
      emit(e, m) { for (const f of this.handlers[e] || []) f(m); },
      send(m) { this.sent.push(m); if (reply) setTimeout(() => reply(m, this), 20); },
      listening() { return Object.values(this.handlers).reduce((n, l) => n + l.length, 0); } };
    return model;
  };
  window.tkHarness = { mod, counts, listeners, makeModel, extra };
  return true;
}
"""


def test_render_returns_a_cleanup_that_removes_every_observer_and_listener(open_widget, built):
    page, log = open_widget(built["tillitsspiralen"])
    page.locator(".tk-explorer").wait_for()
    page.evaluate(HARNESS, {"extra": None})
    result = page.evaluate("""async () => {
        const { mod, counts, listeners, makeModel } = window.tkHarness;
        const el = document.createElement('div');
        document.querySelector('main').append(el);
        const model = makeModel(null);
        const seen = [];
        for (let i = 0; i < 5; i += 1) {   // re-render in the same place, as JupyterLab does
          const cleanup = await mod.render({ model, el });
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30)));
          seen.push({ resize: counts.resize, mutation: counts.mutation, model: model.listening(),
                      returned: typeof cleanup });
          cleanup();
        }
        const after = { resize: counts.resize, mutation: counts.mutation, model: model.listening(),
                        page: listeners.size };
        // a view rendered after all that still works
        const cleanup = await mod.render({ model, el });
        const slider = el.querySelector('input[type="range"]');
        const before = el.querySelector('.tk-reading').textContent;
        slider.value = '0'; slider.dispatchEvent(new Event('input'));
        const works = el.querySelector('.tk-reading').textContent !== before;
        cleanup();
        return { seen, after, works };
    }""")
    assert all(s["returned"] == "function" for s in result["seen"])
    # while rendered: one resize and one theme observer, no more (no pile-up across re-renders)
    assert all(s["resize"] == 1 and s["mutation"] == 1 for s in result["seen"]), result["seen"]
    assert result["after"] == {"resize": 0, "mutation": 0, "model": 0, "page": 0}
    assert result["works"]
    assert log.errors == []


def test_live_mode_takes_finer_steps_and_says_what_is_new(open_widget, built):
    explorer = built["tillitsspiralen-start"]
    fine = explorer.spec["live"]["controls"]["starting_trust"]["values"]
    points = {f"{v:g}": explorer.compute(starting_trust=v) for v in fine}  # JS String(v)
    page, log = open_widget(explorer)
    page.locator(".tk-explorer").wait_for()
    page.evaluate(HARNESS, {"extra": {"points": points, "runs": explorer.spec["live"]["runs"]}})
    page.evaluate("""async () => {
        const { mod, makeModel, extra } = window.tkHarness;
        // a stand-in for the kernel: answers hello, and computes by looking up Python's answers
        const model = makeModel((m, self) => {
          if (m.type === 'hello') self.emit('msg:custom', { type: 'live', runs: extra.runs });
          if (m.type === 'compute') self.emit('msg:custom', { type: 'point', id: m.id, values: m.values,
              point: extra.points[String(m.values.starting_trust)] });
        });
        const el = document.createElement('div');
        el.id = 'live-view';
        document.querySelector('main').prepend(el);
        window.tkLive = { model, cleanup: await mod.render({ model, el }) };
    }""")
    view = page.locator("#live-view")
    view.get_by_role("button", name="Visa utan att gissa").click()
    note = view.locator(".tk-live")
    note.wait_for(state="visible")
    slider = view.locator('input[type="range"]')
    assert slider.get_attribute("max") == str(len(fine) - 1)  # the finer steps
    page.wait_for_function("() => document.querySelector('#live-view .tk-live').textContent.includes('10')")
    assert "Beräknat nu i Python" in note.inner_text() and "mellan stegen" not in note.inner_text()
    assert view.locator(".tk-reading").inner_text() == points["0.4"]["reading"]
    # a value between the grid's steps: computed, and said to be new
    slider.focus()
    page.keyboard.press("ArrowLeft")
    assert slider.get_attribute("aria-valuetext") == "0,35"
    page.wait_for_function(
        "() => document.querySelector('#live-view .tk-live').textContent.includes('mellan')")
    assert view.locator(".tk-reading").inner_text() == points["0.35"]["reading"]
    assert "10\u202f000" in note.inner_text() and "1\u202f000" in note.inner_text()
    assert page.evaluate("document.activeElement === document.querySelector('#live-view input[type=range]')")
    page.evaluate("window.tkLive.cleanup()")
    assert page.evaluate("window.tkLive.model.listening()") == 0
    assert log.errors == []
