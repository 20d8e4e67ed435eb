// Training modules: lets a learner hide (or show again) every "notes for trainers" block.
// The choice is remembered on this device. Without JavaScript the notes stay collapsed.
(function () {
  "use strict";
  var KEY = "hg-trainer-notes-hidden";

  function remembered() {
    try { return window.localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }
  function remember(hidden) {
    try { window.localStorage.setItem(KEY, hidden ? "1" : "0"); } catch (e) { /* private mode */ }
  }

  function setUp() {
    var holder = document.querySelector(".hg-notes-toggle");
    var notes = document.querySelectorAll(".trainer-notes");
    if (!holder || notes.length === 0) { return; }
    var button = holder.querySelector("button");
    function apply(hidden) {
      notes.forEach(function (note) { note.hidden = hidden; });
      button.textContent = hidden ? button.dataset.show : button.dataset.hide;
      button.setAttribute("aria-pressed", hidden ? "true" : "false");
    }
    button.addEventListener("click", function () {
      var hidden = button.getAttribute("aria-pressed") !== "true";
      remember(hidden);
      apply(hidden);
    });
    holder.hidden = false;
    apply(remembered());
  }

  // Material's instant loading swaps pages without a reload; document$ tells us when.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
