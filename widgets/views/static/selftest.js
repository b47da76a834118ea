/*
 * The self-test's question view, shared by the chapter self-test (quiz.js) and Repetera
 * (review.js): widgets/views/esm.py puts this file after answers.js, so both show a question,
 * check it and give feedback in exactly the same way.
 *
 * KINDS holds each question kind's front-end parts in one place: render (the inputs),
 * read/write (a response, in the answer store's form), complete (is there something to
 * check?), feedback (per option or row), wrongMessage (the status after a wrong answer) and
 * print (the paper version). Grading itself is the same for every kind: a response is right
 * when it equals the question's key (gradeResponse in answers.js; the key comes from Python,
 * widgets/content/kinds/). The Python parts of each kind are in widgets/content/kinds/.
 *
 * Focus: after Kontrollera, Visa svaret or Visa modellsvar, focus goes to the question's status
 * line (or the model answer), which is read once; after Försök igen to the first input;
 * Börja om testet asks first (confirmStep). The score line is not a live region.
 */

const LOCKED = ["right", "wrong", "revealed"];

/** The text of markup without the markup (for <option>, which holds only text). */
function plainText(text) {
  return markupNodes(text).map((node) => node.text).join("");
}

function feedbackBox(id) {
  return h("div", { class: "tk-feedback", id, hidden: true });
}

/** Fill a feedback box: an icon for `mark`, a bold label, the explanation; no label hides it. */
function setFeedback(box, mark, label, text, t) {
  box.replaceChildren();
  if (!label) {
    box.hidden = true;
    box.removeAttribute("data-mark");
    return;
  }
  box.hidden = false;
  box.dataset.mark = mark;
  const icon = mark === "right" ? t("icon_right") : t("icon_wrong");
  box.append(h("span", { class: "tk-icon", "aria-hidden": "true", text: icon }), h("strong", { text: label }), " ", renderMarkup(text));
}

/** What a question shows as answered: the right answer once revealed, else the response. */
function shownResponse(question, record) {
  if (!record) return null;
  return record.status === "revealed" ? question.key : record.response;
}

function printBox(text) {
  return h("li", {}, "☐ ", renderMarkup(text));
}

/** single (radio buttons) and multiple (check boxes): options with feedback under each. */
function choiceKind(type) {
  const single = type === "radio";
  return {
    hint: single ? "kind_single" : "kind_multiple",
    render(view) {
      const { question, base, parts } = view;
      const list = h("div", { class: "tk-options" });
      question.options.forEach((option, i) => {
        const id = `${base}-opt-${i}`;
        const fb = feedbackBox(`${id}-fb`);
        const input = h("input", { type, id, name: `${base}-choice`, value: option.id, "aria-describedby": `${id}-fb` });
        parts.inputs.push({ input, value: option.id, option, fb });
        list.append(h("div", { class: "tk-option" }, h("div", { class: "tk-choice" }, input, h("label", { for: id }, renderMarkup(option.text))), fb));
      });
      return [list];
    },
    read(view) {
      const chosen = view.parts.inputs.filter((p) => p.input.checked).map((p) => p.value);
      return single ? chosen[0] ?? null : chosen.sort();
    },
    write(view, response) {
      const chosen = Array.isArray(response) ? response : [response];
      view.parts.inputs.forEach((p) => (p.input.checked = chosen.includes(p.value)));
    },
    complete(question, response) {
      return single ? typeof response === "string" : Array.isArray(response) && response.length > 0;
    },
    feedback(view, record, t) {
      const status = record ? record.status : null;
      const settled = status === "right" || status === "revealed";
      const shown = shownResponse(view.question, record);
      const chosen = Array.isArray(shown) ? shown : [shown];
      for (const { value, option, fb } of view.parts.inputs) {
        if (!LOCKED.includes(status)) setFeedback(fb, null, null, null, t);
        else if (chosen.includes(value)) setFeedback(fb, option.correct ? "right" : "wrong", t(option.correct ? "option_right" : "option_wrong"), option.feedback, t);
        else if (settled) setFeedback(fb, option.correct ? "right" : "wrong", t(option.correct ? "option_missed" : "option_not_answer"), option.feedback, t);
        else setFeedback(fb, null, null, null, t);
      }
    },
    wrongMessage(question, response, t) {
      if (single) return t("wrong");
      const right = new Set(question.key);
      const chosen = response.length;
      const agree = response.filter((id) => right.has(id)).length;
      if (agree === 0) return t("wrong");
      if (agree === chosen) return t("partly_missing");
      return t("partly_some", { chosen, right: agree });
    },
    print(question) {
      return [h("ul", { class: "tk-print-options" }, question.options.map((o) => printBox(o.text)))];
    },
  };
}

const KINDS = {
  single: choiceKind("radio"),
  multiple: choiceKind("checkbox"),

  truefalse: {
    hint: "kind_truefalse",
    intro: (question) => question.statement,
    context: (question) => question.prompt,
    render(view, t) {
      const { base, parts } = view;
      const list = h("div", { class: "tk-options" });
      [true, false].forEach((value, i) => {
        const id = `${base}-opt-${i}`;
        const input = h("input", { type: "radio", id, name: `${base}-choice`, value: String(value) });
        parts.inputs.push({ input, value });
        list.append(h("div", { class: "tk-option" }, h("div", { class: "tk-choice" }, input, h("label", { for: id, text: t(value ? "true" : "false") }))));
      });
      parts.box = feedbackBox(`${base}-fb`);
      return [list, parts.box];
    },
    read(view) {
      const checked = view.parts.inputs.find((p) => p.input.checked);
      return checked ? checked.value : null;
    },
    write(view, response) {
      view.parts.inputs.forEach((p) => (p.input.checked = response === p.value));
    },
    complete: (question, response) => typeof response === "boolean",
    feedback(view, record, t) {
      const status = record ? record.status : null;
      if (!LOCKED.includes(status)) return setFeedback(view.parts.box, null, null, null, t);
      const question = view.question;
      const label = t({ right: "tf_right", wrong: "tf_wrong", revealed: "tf_revealed" }[status]);
      // The verdict is said once: Python has taken an opening "Falskt." out of the feedback,
      // and a feedback that still opens with it ("Falskt, eller …") replaces ours.
      const verdict = question.opens_with_verdict ? "" : ` ${t(question.key ? "statement_is_true" : "statement_is_false")}`;
      setFeedback(view.parts.box, status === "wrong" ? "wrong" : "right", `${label}${verdict}`, question.feedback, t);
    },
    wrongMessage: (question, response, t) => t("wrong"),
    print: (question, t) => [h("ul", { class: "tk-print-options" }, printBox(t("true")), printBox(t("false")))],
  },

  matching: {
    hint: "kind_matching",
    render(view, t) {
      const { question, base, parts } = view;
      const rows = h("div", { class: "tk-matching" });
      question.pairs.forEach((pair, i) => {
        const id = `${base}-row-${i}`;
        const fb = feedbackBox(`${id}-fb`);
        const select = h(
          "select",
          { id, "aria-describedby": `${id}-fb` },
          h("option", { value: "", text: t("choose") }),
          question.choices.map((choice) => h("option", { value: choice.id, text: plainText(choice.text) }))
        );
        parts.inputs.push({ input: select, pair, fb });
        rows.append(h("div", { class: "tk-row" }, h("label", { for: id }, renderMarkup(pair.left)), select, fb));
      });
      return [rows];
    },
    read(view) {
      return Object.fromEntries(view.parts.inputs.map((p) => [p.pair.id, p.input.value || null]));
    },
    write(view, response) {
      view.parts.inputs.forEach((p) => (p.input.value = (response && response[p.pair.id]) || ""));
    },
    complete: (question, response) => question.pairs.every((pair) => typeof response?.[pair.id] === "string" && response[pair.id] !== ""),
    feedback(view, record, t) {
      const status = record ? record.status : null;
      const shown = shownResponse(view.question, record);
      for (const { pair, fb } of view.parts.inputs) {
        if (!LOCKED.includes(status)) setFeedback(fb, null, null, null, t);
        else if (shown && shown[pair.id] === pair.right_id) setFeedback(fb, "right", t("pair_right"), pair.feedback, t);
        else if (status === "revealed") setFeedback(fb, "wrong", t("pair_wrong", { answer: plainText(pair.right) }), pair.feedback, t);
        // a wrong pair gets its reason too (the pair's explanation), not only "Fel par."
        else setFeedback(fb, "wrong", t("pair_wrong_short"), pair.feedback, t);
      }
    },
    wrongMessage(question, response, t) {
      const agree = question.pairs.filter((pair) => response[pair.id] === pair.right_id).length;
      return agree === 0 ? t("wrong") : t("partly_pairs", { right: agree, total: question.pairs.length });
    },
    print(question) {
      return [
        h("ol", { class: "tk-print-options tk-print-rows" }, question.pairs.map((pair) => h("li", {}, renderMarkup(pair.left), " → ______"))),
        h("ol", { class: "tk-print-options tk-print-letters", type: "A" }, question.choices.map((choice) => h("li", {}, renderMarkup(choice.text)))),
      ];
    },
  },

  reflection: {
    hint: "kind_reflection",
    checkLabel: "show_model_answer",
    render(view, t) {
      const { question, base, parts } = view;
      const id = `${base}-text`;
      parts.textarea = h("textarea", { id, rows: 4, maxlength: REFLECTION_MAX });
      parts.inputs.push({ input: parts.textarea });
      parts.modelAnswer = h(
        "div",
        { class: "tk-model-answer", id: `${base}-model`, hidden: true, tabindex: "-1" },
        h("p", { class: "tk-model-title", text: t("model_answer") }),
        h("p", {}, renderMarkup(question.model_answer))
      );
      return [h("div", { class: "tk-reflection" }, h("label", { for: id, text: t("your_answer") }), parts.textarea), parts.modelAnswer];
    },
    read: (view) => cleanText(view.parts.textarea.value),
    write(view, response) {
      view.parts.textarea.value = typeof response === "string" ? response : "";
    },
    complete: () => true,
    feedback(view, record) {
      view.parts.modelAnswer.hidden = !record || record.status !== "reflected";
    },
    wrongMessage: () => "",
    print: () => [h("div", { class: "tk-print-lines" })],
  },
};

function questionView(question, index, total, t, chapter) {
  const kind = KINDS[question.kind];
  const base = uniqueId(`${chapter}-${question.id}`);
  const view = { question, kind, base, parts: { inputs: [] } };
  const intro = kind.intro ? kind.intro(question) : question.prompt;
  const context = kind.context ? kind.context(question) : null;
  const legend = h(
    "legend",
    {},
    total > 1 ? h("span", { class: "tk-q-number", text: t("question_of", { n: index + 1, total }) }) : null,
    h("span", { class: "tk-q-prompt" }, renderMarkup(intro))
  );
  view.changedNote = h("p", { class: "tk-q-note", hidden: true, text: t("answer_changed") });
  view.statusEl = h("p", { class: "tk-status", id: `${base}-status`, tabindex: "-1" });
  view.buttons = {
    check: h("button", { type: "button", class: "tk-button tk-primary tk-check", text: t(kind.checkLabel || "check") }),
    retry: h("button", { type: "button", class: "tk-button tk-retry", text: t("try_again"), hidden: true }),
    reveal: h("button", { type: "button", class: "tk-button tk-reveal", text: t("reveal"), hidden: true }),
  };
  view.fieldset = h(
    "fieldset",
    { class: `tk-question tk-${question.kind}`, id: base, "data-question": question.id },
    legend,
    context ? h("p", { class: "tk-q-context" }, renderMarkup(context)) : null,
    h("p", { class: "tk-hint", text: t(kind.hint) }),
    view.changedNote,
    kind.render(view, t),
    view.statusEl,
    h("div", { class: "tk-actions" }, view.buttons.check, view.buttons.retry, view.buttons.reveal)
  );
  return view;
}

/** Draw one question from its record (or none: unanswered). */
function paint(view, record, t) {
  const { question, kind, buttons, statusEl, fieldset } = view;
  const status = record ? record.status : null;
  const shown = shownResponse(question, record);
  kind.write(view, shown);
  fieldset.dataset.status = status && status !== "open" ? status : "open";
  for (const { input } of view.parts.inputs) input.disabled = LOCKED.includes(status);
  kind.feedback(view, record, t);

  const message = {
    right: () => t("right"),
    revealed: () => t("revealed"),
    reflected: () => t("reflection_done"),
    wrong: () => kind.wrongMessage(question, record.response, t),
  }[status];
  say(statusEl, t, message ? message() : "", status === "wrong" ? "wrong" : status === "reflected" ? "info" : "right", status || "");

  if (question.graded) {
    buttons.check.hidden = LOCKED.includes(status);
    buttons.retry.hidden = status !== "wrong";
    buttons.reveal.hidden = status !== "wrong";
  } else {
    buttons.check.hidden = status === "reflected";
    buttons.retry.hidden = true;
    buttons.reveal.hidden = true;
  }
}

/** The view's response if it can be checked; else says what is missing, moves focus to the
 * status line and gives undefined (Kontrollera in the self-test and in Repetera). */
function responseToCheck(view, t) {
  const { question, kind } = view;
  const response = kind.read(view);
  if (kind.complete(question, response)) return response;
  say(view.statusEl, t, t(question.kind === "matching" ? "need_all_matches" : "need_answer"), "info", "incomplete");
  view.statusEl.focus();
  return undefined;
}

/** The self-test as paper: questions to answer with a pen (shown only when printing). */
function printVersion(questions, t) {
  const items = questions.map((question) => {
    const kind = KINDS[question.kind];
    const context = kind.context ? kind.context(question) : null;
    return h(
      "li",
      {},
      context ? h("p", {}, renderMarkup(context)) : null,
      h("p", { class: "tk-print-q" }, renderMarkup(kind.intro ? kind.intro(question) : question.prompt)),
      h("p", { class: "tk-hint", text: t(kind.hint) }),
      kind.print(question, t)
    );
  });
  return h("div", { class: "tk-print" }, h("ol", {}, items));
}

/** Notes about saved answers that could not count (changed or removed questions, damage). */
function storeNotes(notes, t) {
  const found = [];
  if (notes.version) found.push(["version", t("answers_version")]);
  if (notes.unreadable) found.push(["unreadable", t("answers_unreadable")]);
  if (notes.damaged) found.push(["damaged", t("answers_damaged")]);
  if (notes.removed) found.push(["removed", t("answers_removed")]);
  return found.map(([key, text]) => h("p", { class: "tk-note tk-store-note", "data-note": key, text }));
}
