/*
 * Self-test view (widgets.quiz.SelfTest). Grades in the browser, so it works on the
 * static page without a kernel; in Jupyter it also writes `answers`, `score` and
 * `answered` back to Python. Answers are kept in localStorage per chapter.
 *
 * Responses: single → option index; multiple → sorted option indexes;
 * truefalse → boolean; matching → chosen right-hand text per pair (or null);
 * reflection → text. Statuses: right, wrong, revealed, reflected (no record: unanswered).
 */

const GRADED = ["single", "multiple", "truefalse", "matching"];

function sameList(a, b) {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** Whether a response is right (mirrors widgets.questions.grade). */
function grade(question, response) {
  switch (question.kind) {
    case "single":
      return Number.isInteger(response) && Boolean(question.options[response]?.correct);
    case "multiple": {
      const wanted = question.options.flatMap((o, i) => (o.correct ? [i] : []));
      return sameList([...(response || [])].sort((a, b) => a - b), wanted);
    }
    case "truefalse":
      return response === question.answer;
    case "matching":
      return sameList(response || [], question.pairs.map((p) => p.right));
    default:
      return null;
  }
}

/** Whether the learner has given something to check. */
function complete(question, response) {
  switch (question.kind) {
    case "single":
      return Number.isInteger(response);
    case "multiple":
      return Array.isArray(response) && response.length > 0;
    case "truefalse":
      return typeof response === "boolean";
    case "matching":
      return Array.isArray(response) && response.every((r) => typeof r === "string" && r);
    default:
      return true;
  }
}

/** Right-hand texts in a fixed order that does not give the pairs away. */
function matchingChoices(question) {
  return question.pairs.map((p) => p.right).sort((a, b) => a.localeCompare(b, "sv"));
}

function questionView(question, index, total, ctx) {
  const { t, chapter } = ctx;
  const base = uniqueId(`${chapter}-${question.id}`);
  const parts = { inputs: [], feedback: [], rows: [] };
  const statusEl = h("p", { class: "tk-status", role: "status", "aria-live": "polite", id: `${base}-status` });
  const intro = question.kind === "truefalse" ? question.statement : question.prompt;
  const legend = h(
    "legend",
    {},
    total > 1 ? h("span", { class: "tk-q-number", text: t("question_of", { n: index + 1, total }) }) : null,
    h("span", { class: "tk-q-prompt" }, renderMarkup(intro))
  );
  const body = [];
  const hint = h("p", { class: "tk-hint", id: `${base}-hint`, text: t(`kind_${question.kind}`) });
  if (question.kind === "truefalse" && question.prompt) {
    body.push(h("p", { class: "tk-q-context" }, renderMarkup(question.prompt)));
  }
  body.push(hint);

  const feedbackBox = (id) => h("div", { class: "tk-feedback", id, hidden: true });

  if (question.kind === "single" || question.kind === "multiple" || question.kind === "truefalse") {
    const type = question.kind === "multiple" ? "checkbox" : "radio";
    const choices =
      question.kind === "truefalse"
        ? [{ text: t("true"), value: true }, { text: t("false"), value: false }]
        : question.options.map((o, i) => ({ text: o.text, value: i }));
    const list = h("div", { class: "tk-options" });
    choices.forEach((choice, i) => {
      const id = `${base}-opt-${i}`;
      const fbId = `${id}-fb`;
      const input = h("input", {
        type,
        id,
        name: `${base}-choice`,
        value: String(i),
        "aria-describedby": question.kind === "truefalse" ? null : fbId,
      });
      parts.inputs.push({ input, value: choice.value });
      const fb = question.kind === "truefalse" ? null : feedbackBox(fbId);
      if (fb) parts.feedback.push(fb);
      list.append(
        h("div", { class: "tk-option" }, h("div", { class: "tk-choice" }, input, h("label", { for: id }, renderMarkup(choice.text))), fb)
      );
    });
    body.push(list);
    if (question.kind === "truefalse") {
      const fb = feedbackBox(`${base}-fb`);
      parts.feedback.push(fb);
      body.push(fb);
    }
  } else if (question.kind === "matching") {
    const rows = h("div", { class: "tk-matching" });
    const choices = matchingChoices(question);
    question.pairs.forEach((pair, i) => {
      const id = `${base}-row-${i}`;
      const fbId = `${id}-fb`;
      const select = h(
        "select",
        { id, "aria-describedby": fbId },
        h("option", { value: "", text: t("choose") }),
        choices.map((text) => h("option", { value: text, text }))
      );
      const fb = feedbackBox(fbId);
      parts.rows.push({ select, fb, pair });
      rows.append(h("div", { class: "tk-row" }, h("label", { for: id }, renderMarkup(pair.left)), select, fb));
    });
    body.push(rows);
  } else {
    const id = `${base}-text`;
    const area = h("textarea", { id, rows: 4 });
    parts.textarea = area;
    body.push(h("div", { class: "tk-reflection" }, h("label", { for: id, text: t("your_answer") }), area));
    const model = h(
      "div",
      { class: "tk-model-answer", id: `${base}-model`, hidden: true },
      h("p", { class: "tk-model-title", text: t("model_answer") }),
      h("p", {}, renderMarkup(question.model_answer))
    );
    parts.modelAnswer = model;
    body.push(model);
  }

  const buttons = {
    check: h("button", { type: "button", class: "tk-button tk-primary", text: t(question.kind === "reflection" ? "show_model_answer" : "check") }),
    retry: h("button", { type: "button", class: "tk-button", text: t("try_again"), hidden: true }),
    reveal: h("button", { type: "button", class: "tk-button", text: t("reveal"), hidden: true }),
  };
  const actions = h("div", { class: "tk-actions" }, buttons.check, buttons.retry, buttons.reveal);
  const fieldset = h("fieldset", { class: `tk-question tk-${question.kind}`, id: base, "data-question": question.id }, legend, body, actions, statusEl);
  return { question, fieldset, parts, buttons, statusEl };
}

function readResponse(view) {
  const { question, parts } = view;
  switch (question.kind) {
    case "single":
    case "truefalse": {
      const checked = parts.inputs.find((p) => p.input.checked);
      return checked ? checked.value : null;
    }
    case "multiple":
      return parts.inputs.filter((p) => p.input.checked).map((p) => p.value);
    case "matching":
      return parts.rows.map((r) => r.select.value || null);
    default:
      return parts.textarea.value;
  }
}

function writeResponse(view, response) {
  const { question, parts } = view;
  switch (question.kind) {
    case "single":
    case "truefalse":
      parts.inputs.forEach((p) => (p.input.checked = response === p.value));
      break;
    case "multiple":
      parts.inputs.forEach((p) => (p.input.checked = Array.isArray(response) && response.includes(p.value)));
      break;
    case "matching":
      parts.rows.forEach((r, i) => (r.select.value = (response && response[i]) || ""));
      break;
    default:
      parts.textarea.value = typeof response === "string" ? response : "";
  }
}

function correctResponse(question) {
  switch (question.kind) {
    case "single":
      return question.options.findIndex((o) => o.correct);
    case "multiple":
      return question.options.flatMap((o, i) => (o.correct ? [i] : []));
    case "truefalse":
      return question.answer;
    case "matching":
      return question.pairs.map((p) => p.right);
    default:
      return null;
  }
}

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

/** Draw one question from its record ({response, status}). */
function paint(view, record, t) {
  const { question, parts, buttons, statusEl, fieldset } = view;
  const status = record ? record.status : null;
  const settled = status === "right" || status === "revealed";
  const response = status === "revealed" ? correctResponse(question) : record ? record.response : null;
  writeResponse(view, response);
  fieldset.dataset.status = status || "open";

  parts.inputs.forEach((p) => (p.input.disabled = settled));
  parts.rows.forEach((r) => (r.select.disabled = settled));

  if (question.kind === "single" || question.kind === "multiple") {
    question.options.forEach((option, i) => {
      const chosen = question.kind === "single" ? response === i : Array.isArray(response) && response.includes(i);
      const box = parts.feedback[i];
      if (!status) return setFeedback(box, null, null, null, t);
      if (chosen) {
        setFeedback(box, option.correct ? "right" : "wrong", t(option.correct ? "option_right" : "option_wrong"), option.feedback, t);
      } else if (settled) {
        setFeedback(box, option.correct ? "right" : "wrong", t(option.correct ? "option_missed" : "option_not_answer"), option.feedback, t);
      } else {
        setFeedback(box, null, null, null, t);
      }
    });
  } else if (question.kind === "truefalse") {
    const box = parts.feedback[0];
    if (!status) setFeedback(box, null, null, null, t);
    else {
      const verdict = t(question.answer ? "statement_is_true" : "statement_is_false");
      const label = { right: "tf_right", wrong: "tf_wrong", revealed: "tf_revealed" }[status];
      setFeedback(box, status === "wrong" ? "wrong" : "right", `${t(label)} ${verdict}`, question.feedback, t);
    }
  } else if (question.kind === "matching") {
    parts.rows.forEach((row, i) => {
      if (!status) return setFeedback(row.fb, null, null, null, t);
      const ok = response && response[i] === row.pair.right;
      if (ok) setFeedback(row.fb, "right", t("pair_right"), row.pair.feedback, t);
      else if (settled) setFeedback(row.fb, "wrong", t("pair_wrong", { answer: row.pair.right }), row.pair.feedback, t);
      else setFeedback(row.fb, "wrong", t("pair_wrong_short"), "", t);
    });
  } else {
    parts.modelAnswer.hidden = status !== "reflected";
  }

  let message = "";
  if (status === "right") message = t("right");
  else if (status === "revealed") message = t("revealed");
  else if (status === "reflected") message = t("reflection_done");
  else if (status === "wrong") {
    if (question.kind === "multiple") {
      const wanted = new Set(correctResponse(question));
      const given = new Set(response || []);
      const agree = question.options.filter((o, i) => wanted.has(i) === given.has(i)).length;
      message = t("partly", { right: agree, total: question.options.length });
    } else if (question.kind === "matching") {
      const agree = question.pairs.filter((p, i) => response && response[i] === p.right).length;
      message = t("partly", { right: agree, total: question.pairs.length });
    } else message = t("wrong");
  }
  statusEl.replaceChildren();
  if (message) {
    const mark = status === "wrong" ? "wrong" : "right";
    statusEl.dataset.mark = status === "reflected" ? "info" : mark;
    const icon = status === "reflected" ? t("icon_info") : mark === "right" ? t("icon_right") : t("icon_wrong");
    statusEl.append(h("span", { class: "tk-icon", "aria-hidden": "true", text: icon }), message);
  } else {
    statusEl.removeAttribute("data-mark");
  }

  if (question.kind === "reflection") {
    buttons.check.hidden = status === "reflected";
    buttons.retry.hidden = true;
    buttons.reveal.hidden = true;
  } else {
    buttons.check.hidden = settled;
    buttons.retry.hidden = !status;
    buttons.reveal.hidden = status !== "wrong";
  }
}

/** The self-test as paper: questions to answer with a pen (shown only when printing). */
function printVersion(questions, t) {
  const box = (text) => h("li", {}, `☐ `, renderMarkup(text));
  const items = questions.map((q) => {
    const parts = [h("p", { class: "tk-print-q" }, renderMarkup(q.kind === "truefalse" ? q.statement : q.prompt))];
    if (q.kind === "truefalse" && q.prompt) parts.unshift(h("p", {}, renderMarkup(q.prompt)));
    parts.push(h("p", { class: "tk-hint", text: t(`kind_${q.kind}`) }));
    if (q.kind === "single" || q.kind === "multiple") parts.push(h("ul", { class: "tk-print-options" }, q.options.map((o) => box(o.text))));
    else if (q.kind === "truefalse") parts.push(h("ul", { class: "tk-print-options" }, box(t("true")), box(t("false"))));
    else if (q.kind === "matching") {
      const letters = matchingChoices(q);
      parts.push(h("ol", { class: "tk-print-options" }, q.pairs.map((p) => h("li", {}, renderMarkup(p.left), " → ______"))));
      parts.push(h("ul", { class: "tk-print-options" }, letters.map((text) => h("li", {}, renderMarkup(text)))));
    } else parts.push(h("div", { class: "tk-print-lines" }));
    return h("li", {}, parts);
  });
  return h("div", { class: "tk-print" }, h("ol", {}, items));
}

export default {
  render({ model, el }) {
    const t = makeT(model.get("texts"));
    const chapter = model.get("chapter");
    const questions = model.get("questions") || [];
    const store = openStore();
    const storeKey = `quiz:${chapter}`;
    const records = Object.assign({}, store.get(storeKey) || {});
    const graded = questions.filter((q) => GRADED.includes(q.kind));
    const hasReflection = questions.some((q) => q.kind === "reflection");

    const scoreEl = h("p", { class: "tk-score", role: "status", "aria-live": "polite" });
    const notes = h("div", { class: "tk-notes" });
    notes.append(h("p", { class: "tk-note", text: t(store.available ? "saved_locally" : "storage_unavailable"), "data-storage": store.available ? "ok" : "unavailable" }));

    const ctx = { t, chapter };
    const views = questions.map((q, i) => questionView(q, i, questions.length, ctx));
    const restart = h("button", { type: "button", class: "tk-button tk-restart", text: t("restart") });

    const summary = graded.length ? h("div", { class: "tk-summary" }, scoreEl, restart) : null;
    const root = h("section", { class: "tk-quiz", "aria-label": t(graded.length ? "heading" : "heading_reflection"), "data-chapter": chapter }, notes, views.map((v) => v.fieldset), summary, printVersion(questions, t));
    el.replaceChildren(root);

    function save() {
      store.set(storeKey, records);
      const right = graded.filter((q) => records[q.id]?.status === "right").length;
      const answered = questions.filter((q) => records[q.id]?.status).length;
      const lines = [t("score", { right, total: graded.length }), t("score_answered", { answered, total: questions.length })];
      if (hasReflection) lines.push(t("score_reflection"));
      scoreEl.textContent = lines.join(" ");
      root.dataset.right = String(right);
      root.dataset.answered = String(answered);
      sync(model, { answers: JSON.parse(JSON.stringify(records)), score: right, answered });
    }

    views.forEach((view) => {
      const q = view.question;
      paint(view, records[q.id], t);
      view.buttons.check.addEventListener("click", () => {
        const response = readResponse(view);
        if (q.kind === "reflection") {
          records[q.id] = { response, status: "reflected" };
        } else if (!complete(q, response)) {
          view.statusEl.dataset.mark = "info";
          view.statusEl.replaceChildren(h("span", { class: "tk-icon", "aria-hidden": "true", text: t("icon_info") }), t(q.kind === "matching" ? "need_all_matches" : "need_answer"));
          return;
        } else {
          records[q.id] = { response, status: grade(q, response) ? "right" : "wrong" };
        }
        paint(view, records[q.id], t);
        save();
      });
      view.buttons.retry.addEventListener("click", () => {
        delete records[q.id];
        paint(view, null, t);
        save();
        const first = view.fieldset.querySelector("input, select, textarea");
        if (first) first.focus();
      });
      view.buttons.reveal.addEventListener("click", () => {
        records[q.id] = { response: correctResponse(q), status: "revealed" };
        paint(view, records[q.id], t);
        save();
      });
      if (q.kind === "reflection") {
        view.parts.textarea.addEventListener("input", () => {
          const status = records[q.id]?.status;
          records[q.id] = { response: view.parts.textarea.value, status };
          if (!status) delete records[q.id].status;
          store.set(storeKey, records);
        });
      }
    });
    restart.addEventListener("click", () => {
      for (const key of Object.keys(records)) delete records[key];
      views.forEach((view) => paint(view, null, t));
      save();
    });
    save();
  },
};
