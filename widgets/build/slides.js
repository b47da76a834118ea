// The workshop's slide decks (widgets.build.slides): start reveal.js with the speaker notes,
// give its controls Swedish names, and keep the slides that are not shown out of the tab
// order and the accessibility tree (reveal only hides them with aria-hidden).
/* global Reveal, RevealNotes, document */
(function () {
  "use strict";
  const labels = JSON.parse(document.body.dataset.labels || "{}");

  function nameControls() {
    const names = { "navigate-left": labels.prev, "navigate-right": labels.next,
                    "navigate-up": labels.up, "navigate-down": labels.down };
    for (const [cls, name] of Object.entries(names)) {
      document.querySelectorAll(`.reveal .controls .${cls}`).forEach((button) => {
        if (name) button.setAttribute("aria-label", name);
      });
    }
  }

  function hideOthers() {
    const current = Reveal.getCurrentSlide();
    document.querySelectorAll(".reveal .slides > section").forEach((section) => {
      section.inert = section !== current;
    });
    const total = Reveal.getTotalSlides();
    const index = Reveal.getSlidePastCount() + 1;
    if (labels.slide_label) {
      document.querySelector(".reveal .slides").setAttribute(
        "aria-label", labels.slide_label.replace("{n}", index).replace("{total}", total));
    }
  }

  Reveal.initialize({
    hash: true,
    center: false,
    transition: "none",
    controls: true,
    progress: true,
    slideNumber: "c/t",
    keyboard: true,
    plugins: [RevealNotes],
  }).then(() => {
    nameControls();
    hideOthers();
    Reveal.on("slidechanged", hideOthers);
  });
})();
