/* Citation notes (scripts/hoagiai/legal/links.py): a marker opens its note as a popover,
 * with no script at all; this script adds the law's words. A note names the units it
 * quotes (data-hg-anchors) and the file of their document (data-hg-quotes, written by
 * scripts/hoagiai/legal/quote_files.py); the first time a note citing a document opens,
 * that file loads as an ordinary <script> (which also works from file://) and the words
 * appear in place. Until then the note says it is loading (a polite status); if the file
 * cannot be had (offline, never fetched), it says so, and the note's link still leads to
 * the text. Opening the note again tries again.
 */
(function () {
  "use strict";

  var notes = document.querySelector(".hg-cite-notes");
  if (!notes) return;
  var loading = notes.dataset.hgLoading;
  var failed = notes.dataset.hgFailed;
  var files = {};  // address -> promise of the document's texts

  function load(address) {
    if (!files[address]) {
      files[address] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        // trich-dan/luat35.js sets window.hoagiaiCiteTexts["luat35"].
        var name = decodeURIComponent(address.split("/").pop().replace(/\.js$/, ""));
        script.onload = function () {
          resolve((window.hoagiaiCiteTexts || {})[name] || {});
        };
        script.onerror = function () {
          script.remove();
          delete files[address];  // offline now, perhaps not later
          reject(new Error(address));
        };
        script.src = address;
        document.head.appendChild(script);
      });
    }
    return files[address];
  }

  function fill(box) {
    if (box.dataset.hgState === "loaded" || box.dataset.hgState === "loading") return;
    var status = box.querySelector(".hg-cite-note__status");
    box.dataset.hgState = "loading";
    status.textContent = loading;
    load(box.dataset.hgQuotes).then(function (texts) {
      var anchors = box.dataset.hgAnchors.split(" ");
      var missing = anchors.filter(function (anchor) { return !(anchor in texts); });
      if (missing.length) throw new Error("not in the file: " + missing.join(", "));
      var quote = document.createElement("blockquote");
      quote.lang = "vi";
      // The file is this site's own, written with every text escaped (cite-quote.html.j2).
      quote.innerHTML = anchors.map(function (anchor) { return texts[anchor]; }).join("");
      var label = box.querySelector(".hg-q-lang");
      if (label) label.hidden = false;
      box.insertBefore(quote, status);
      status.textContent = "";
      box.dataset.hgState = "loaded";
    }).catch(function () {
      status.textContent = failed;
      box.dataset.hgState = "failed";
    });
  }

  // A browser without popovers shows the notes as a list at the end of the page
  // (citations.css): their words load with the page.
  if (!HTMLElement.prototype.hasOwnProperty("popover")) {
    notes.querySelectorAll(".hg-cite-note__quote").forEach(fill);
    return;
  }
  notes.querySelectorAll(".hg-cite-note").forEach(function (note) {
    note.addEventListener("toggle", function (event) {
      if (event.newState === "open") note.querySelectorAll(".hg-cite-note__quote").forEach(fill);
    });
  });
})();
