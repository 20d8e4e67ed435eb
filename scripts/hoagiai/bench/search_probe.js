/* The bench's probe (searchquery.py), added to every page before its own scripts: when the
 * results of a query were drawn, after the last byte the query fetched. */
(function () {
  "use strict";

  var started = 0;  // performance.now() of the keystroke
  var drawn = 0;  // the animation frame after the results list last changed
  var changes = 0;

  function lastByte() {
    return performance.getEntriesByType("resource").reduce(function (last, entry) {
      return entry.startTime >= started ? Math.max(last, entry.responseEnd) : last;
    }, started);
  }

  window.hoagiaiProbe = {
    /* Watch the results list (a CSS selector) for every change to it or inside it. */
    watch: function (selector) {
      var list = document.querySelector(selector);
      if (!list) return;
      new MutationObserver(function () {
        changes += 1;
        requestAnimationFrame(function () { drawn = performance.now(); });
      }).observe(list, { childList: true, subtree: true, attributes: true, characterData: true });
    },
    start: function () {
      performance.clearResourceTimings();
      started = performance.now();
      drawn = 0;
      changes = 0;
    },
    /* Once the list has not changed for `quiet` ms: milliseconds from the query's last byte
     * (or its keystroke, if it fetched nothing) to the frame that drew the list's last
     * change; null if the list never changed. */
    visibleAfter: function (quiet) {
      return new Promise(function (resolve) {
        var seen = -1;
        (function check() {
          if (changes === seen && performance.now() - drawn >= quiet) {
            resolve(drawn ? Math.max(0, drawn - lastByte()) : null);
            return;
          }
          seen = changes;
          setTimeout(check, quiet);
        })();
      });
    }
  };
  performance.setResourceTimingBufferSize(10000);
})();
