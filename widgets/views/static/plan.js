/*
 * Mina nästa steg (widgets.plan.PersonalPlan): the learner's personal plan. Everything
 * happens in the browser, so it works on the static page without a kernel: a labelled
 * text box (or a group of check boxes) per prompt inside one fieldset. The answers are
 * kept in localStorage under "plan" as the learner types. "Skriv ut planen" prints the
 * plan on its own, as text (see plan.css); "Ladda ner som text" saves it as a UTF-8 text
 * file (a Blob and <a download>); "Rensa" clears it after a confirmation. Nothing is sent
 * anywhere. In Jupyter the view also writes `answers` back to Python.
 *
 * Answers: prompt id → the text as typed (text prompts) or the chosen option texts in the
 * prompt's order (choice prompts). Empty answers are left out. Mirrors widgets/plan.py.
 */

const PRINTING = "tk-plan-printing";
const SAVED_DELAY_MS = 700;

/** Answers in the clean form the Python side validates (unknown ids and options dropped). */
function cleanAnswers(raw, prompts, maxLength) {
  const clean = {};
  if (!raw || typeof raw !== "object") return clean;
  for (const prompt of prompts) {
    const value = raw[prompt.id];
    if (prompt.kind === "text") {
      if (typeof value === "string" && value.trim()) clean[prompt.id] = value.slice(0, maxLength);
    } else if (Array.isArray(value)) {
      const chosen = (prompt.options || []).filter((option) => value.includes(option));
      if (chosen.length) clean[prompt.id] = chosen;
    }
  }
  return clean;
}

function sameAnswers(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** An answer as plain text (mirrors widgets.plan.answer_text). */
function answerText(prompt, value) {
  if (value === undefined || value === null) return "";
  return prompt.kind === "choices" ? value.join(", ") : String(value).trim();
}

/** Today as YYYY-MM-DD in the learner's own time zone. */
function isoDate(date) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The downloaded file (mirrors widgets.plan.PersonalPlan.to_text). */
function planText(prompts, answers, t, date) {
  const lines = [t("heading"), t("source"), t("date", { date }), ""];
  for (const prompt of prompts) {
    lines.push(prompt.label, answerText(prompt, answers[prompt.id]) || t("not_filled"), "");
  }
  return lines.join("\n");
}

/** The plan as text for paper: headings and answers, empty lines where nothing is written. */
function printView(prompts, answers, t, date) {
  return h(
    "div",
    { class: "tk-plan-print-body" },
    h("p", { class: "tk-plan-print-title", text: t("heading") }),
    h("p", { class: "tk-plan-print-source", text: `${t("source")} ${t("date", { date })}` }),
    prompts.map((prompt) => {
      const text = answerText(prompt, answers[prompt.id]);
      return h(
        "div",
        { class: "tk-plan-print-item", "data-prompt": prompt.id },
        h("p", { class: "tk-plan-print-label", text: prompt.label }),
        text
          ? h("p", { class: "tk-plan-print-answer", text })
          : h("div", { class: "tk-plan-print-lines" }, h("span"), h("span"), h("span"))
      );
    })
  );
}

export default {
  render({ model, el }) {
    const d = disposer();
    const t = makeT(model.get("texts"));
    const prompts = model.get("prompts") || [];
    const maxLength = model.get("max_length") || 2000;
    const store = openStore();
    const clean = (raw) => cleanAnswers(raw, prompts, maxLength);
    const plan = persisted({
      model,
      store,
      key: PLAN_STORE_KEY,
      trait: "answers",
      clean,
      same: sameAnswers,
      d,
      onOutside() {
        paint();
        drawPrint();
      },
    });

    const fields = prompts.map((prompt) => {
      const id = uniqueId(`plan-${prompt.id}`);
      const helpId = prompt.help ? `${id}-help` : null;
      const help = prompt.help ? h("p", { class: "tk-plan-help", id: helpId }, renderMarkup(prompt.help)) : null;
      if (prompt.kind === "choices") {
        const boxes = (prompt.options || []).map((option, i) => {
          const input = h("input", { type: "checkbox", id: `${id}-${i}`, name: id, value: option });
          d.listen(input, "change", () => {
            setAnswer(prompt, boxes.filter((box) => box.input.checked).map((box) => box.option));
          });
          return { input, option, el: h("div", { class: "tk-plan-choice" }, input, h("label", { for: `${id}-${i}`, text: option })) };
        });
        const group = h(
          "fieldset",
          { class: "tk-plan-item tk-plan-choices", "data-prompt": prompt.id, "aria-describedby": helpId },
          h("legend", { class: "tk-plan-label", text: prompt.label }),
          help,
          h("div", { class: "tk-plan-options" }, boxes.map((box) => box.el))
        );
        return { prompt, boxes, el: group };
      }
      const area = h("textarea", {
        id,
        name: id,
        rows: prompt.rows || 3,
        maxlength: maxLength,
        "aria-describedby": helpId,
      });
      d.listen(area, "input", () => setAnswer(prompt, area.value));
      const item = h(
        "div",
        { class: "tk-plan-item tk-plan-text", "data-prompt": prompt.id },
        h("label", { class: "tk-plan-label", for: id, text: prompt.label }),
        help,
        area
      );
      return { prompt, area, el: item };
    });

    const printButton = h("button", { type: "button", class: "tk-button tk-primary tk-plan-print-button", text: t("print") });
    const downloadButton = h("button", { type: "button", class: "tk-button tk-plan-download", text: t("download") });
    const clearButton = h("button", { type: "button", class: "tk-button tk-plan-clear", text: t("clear") });
    const statusEl = h("p", { class: "tk-status", role: "status", "aria-live": "polite" });
    const confirmBox = confirmStep({
      trigger: clearButton,
      question: t("confirm_clear"),
      yes: t("confirm_yes"),
      no: t("confirm_no"),
      listen: d.listen,
      className: "tk-plan-confirm",
      onYes() {
        plan.set({});
        paint();
        drawPrint();
        announce(t("cleared"), "right");
      },
    });
    const printSection = h("div", { class: "tk-plan-print" });

    const root = h(
      "section",
      { class: "tk-plan", "aria-label": t("heading") },
      h("p", { class: "tk-note", "data-storage": store.available ? "ok" : "unavailable", text: t(store.available ? "saved_locally" : "storage_unavailable") }),
      h("p", { class: "tk-plan-intro", text: t("intro") }),
      h("fieldset", { class: "tk-plan-form" }, h("legend", { class: "tk-plan-legend", text: t("legend") }), fields.map((field) => field.el)),
      h("div", { class: "tk-actions tk-plan-actions" }, printButton, downloadButton, clearButton),
      confirmBox,
      h("p", { class: "tk-note tk-plan-print-note", text: t("print_note") }),
      statusEl,
      printSection
    );
    el.replaceChildren(root);

    function paint() {
      const answers = plan.get();
      for (const field of fields) {
        const value = answers[field.prompt.id];
        if (field.area) field.area.value = typeof value === "string" ? value : "";
        else for (const box of field.boxes) box.input.checked = Array.isArray(value) && value.includes(box.option);
      }
    }

    function drawPrint() {
      printSection.replaceChildren(printView(prompts, plan.get(), t, isoDate(new Date())));
      root.dataset.filled = String(Object.keys(plan.get()).length);
    }

    let savedTimer = null;
    /** Say "Sparat" once the learner pauses, not on every key (a screen reader reads it). */
    function savedSoon() {
      clearTimeout(savedTimer);
      savedTimer = d.later(() => {
        const key = store.available ? "saved" : "saved_memory";
        if (statusEl.dataset.message !== key) say(statusEl, t, t(key), "right", key);
      }, SAVED_DELAY_MS);
    }

    function setAnswer(prompt, value) {
      plan.set(Object.assign({}, plan.get(), { [prompt.id]: value }));
      drawPrint();
      savedSoon();
    }

    function announce(text, mark) {
      clearTimeout(savedTimer);
      say(statusEl, t, text, mark);
    }

    d.listen(printButton, "click", () => {
      const date = isoDate(new Date());
      for (const old of document.querySelectorAll(".tk-plan-print-page")) old.remove();
      const sheet = h("div", { class: "tk-plan-print-page" }, printView(prompts, plan.get(), t, date));
      document.body.append(sheet);
      document.documentElement.classList.add(PRINTING);
      const done = () => {
        window.removeEventListener("afterprint", done);
        document.documentElement.classList.remove(PRINTING);
        sheet.remove();
      };
      d.listen(window, "afterprint", done);
      announce(Object.keys(plan.get()).length ? "" : t("print_empty"), "info");
      window.print();
    });

    d.listen(downloadButton, "click", () => {
      downloadText(t("file_name"), planText(prompts, plan.get(), t, isoDate(new Date())), "text/plain;charset=utf-8");
      announce(t("downloaded", { file: t("file_name") }), "right");
    });

    paint();
    drawPrint();
    return () => {
      d.dispose();
      for (const sheet of document.querySelectorAll(".tk-plan-print-page")) sheet.remove();
      document.documentElement.classList.remove(PRINTING);
      el.replaceChildren();
    };
  },
};
