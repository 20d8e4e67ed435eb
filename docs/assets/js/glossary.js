/* Glossary terms marked in a page (.hg-term): the term links to its glossary entry and its
 * short definition (.hg-term__tip) shows on hover and keyboard focus (glossary.css).
 *  - On a touch screen there is no hover: the first tap on a term shows its definition,
 *    a second tap on the same term opens the glossary entry; a tap elsewhere hides it.
 *  - The definition is kept inside the window: moved left when it would run off the right.
 *  - Escape hides an open definition without moving focus (WCAG 1.4.13: dismissible); it
 *    shows again the next time the term gets focus or the pointer.
 */
(function () {
  "use strict";

  var MARGIN = 8;  // px kept free between a definition and the window's edges
  var terms = Array.from(document.querySelectorAll(".hg-term"));
  var lastPointer = "";

  function tipOf(term) {
    return term.querySelector(".hg-term__tip");
  }

  /* Moves the shown definition left just enough to stay inside the window. */
  function keepInside(term) {
    var tip = tipOf(term);
    if (!tip) return;
    tip.style.left = "";
    var box = tip.getBoundingClientRect();
    if (!box.width) return;
    var room = document.documentElement.clientWidth - MARGIN;
    var shift = Math.max(box.right - room, 0);
    shift = Math.min(shift, box.left - MARGIN);
    if (shift > 0) tip.style.left = -shift + "px";
  }

  function close(except) {
    terms.forEach(function (term) {
      if (term !== except) term.classList.remove("hg-term--open");
    });
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType;
    if (!event.target.closest(".hg-term")) close(null);
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".hg-term:hover, .hg-term:focus-within, .hg-term--open")
      .forEach(function (term) {
        term.classList.remove("hg-term--open");
        term.classList.add("hg-term--dismissed");
      });
  });

  terms.forEach(function (term) {
    var link = term.querySelector(".hg-term__link");
    function show() {
      term.classList.remove("hg-term--dismissed");
      window.requestAnimationFrame(function () { keepInside(term); });
    }
    term.addEventListener("focusin", show);
    term.addEventListener("mouseenter", show);
    if (!link) return;
    link.addEventListener("click", function (event) {
      var touch = lastPointer === "touch" || window.matchMedia("(hover: none)").matches;
      if (!touch || term.classList.contains("hg-term--open")) return;
      event.preventDefault();
      close(term);
      term.classList.add("hg-term--open");
      show();
    });
  });
})();
