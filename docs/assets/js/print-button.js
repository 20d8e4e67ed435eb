/* Print buttons ([data-hg-print]) on printable pages: shown only when this script runs,
   since without it they could do nothing. The browser's own Print command always works. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-hg-print]"), function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
