/* Citation notes (scripts/hoagiai/legal/links.py): a marker opens its note as a popover,
 * with no script at all; this script adds the law's words. Each part of a note names the
 * document and the units it quotes (data-hg-quote="luat35 dieu-17-khoan-5 …" on its link);
 * the first time a note citing a document opens, that document's file
 * (<data-hg-quotes>luat35.js, written by scripts/hoagiai/legal/quote_files.py) loads as an
 * ordinary <script>, which also works from file://, and the words appear in place, above
 * the link. Meanwhile the note says it is loading (announced by the notes' one polite status
 * line); if the file cannot be had (offline, never fetched), it says so, and the note's link
 * still leads to the text. Opening the note again tries again.
 */
(function () {
  "use strict";

  var notes = document.querySelector(".hg-cite-notes");
  if (!notes) return;
  var folder = notes.dataset.hgQuotes;
  var text = { loading: notes.dataset.hgLoading, failed: notes.dataset.hgFailed };
  var announcer = notes.querySelector(".hg-cite-notes__status");
  var files = {};  // document -> promise of its texts, {anchor: html}

  function load(name) {
    if (!files[name]) {
      files[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.onload = function () {  // the file sets window.hoagiaiCiteTexts[name]
          resolve((window.hoagiaiCiteTexts || {})[name] || {});
        };
        script.onerror = function () {
          script.remove();
          delete files[name];  // offline now, perhaps not later
          reject(new Error(name));
        };
        script.src = folder + encodeURIComponent(name) + ".js";
        document.head.appendChild(script);
      });
    }
    return files[name];
  }

  function say(status, message) {
    status.textContent = message;
    status.hidden = !message;
    announcer.textContent = message;
  }

  /* The words of one part of a note, above its link `link`. */
  function fill(link, first) {
    if (link.dataset.hgState === "loaded" || link.dataset.hgState === "loading") return;
    var wanted = link.dataset.hgQuote.split(" ");
    var status = link.previousElementSibling;
    if (!status || !status.classList.contains("hg-cite-note__status")) {
      status = document.createElement("p");
      status.className = "hg-cite-note__status";
      link.before(status);
    }
    link.dataset.hgState = "loading";
    say(status, text.loading);
    load(wanted[0]).then(function (texts) {
      var anchors = wanted.slice(1);
      var missing = anchors.filter(function (anchor) { return !(anchor in texts); });
      if (missing.length) throw new Error("not in the file: " + missing.join(", "));
      var quote = document.createElement("blockquote");
      quote.lang = "vi";
      // The file is this site's own, written with every text escaped (cite-quote.html.j2).
      quote.innerHTML = anchors.map(function (anchor) { return texts[anchor]; }).join("");
      if (first && notes.dataset.hgVietnamese) {
        var label = document.createElement("p");
        label.className = "hg-q-lang";
        label.textContent = notes.dataset.hgVietnamese;
        status.before(label);
      }
      status.before(quote);
      say(status, "");
      link.dataset.hgState = "loaded";
    }).catch(function () {
      say(status, text.failed);
      link.dataset.hgState = "failed";
    });
  }

  function fillNote(note) {
    note.querySelectorAll("[data-hg-quote]").forEach(function (link, i) { fill(link, i === 0); });
  }

  // A browser without popovers shows the notes as a list at the end of the page
  // (citations.css): their words load with the page.
  if (!HTMLElement.prototype.hasOwnProperty("popover")) {
    notes.querySelectorAll(".hg-cite-note").forEach(fillNote);
    return;
  }
  notes.querySelectorAll(".hg-cite-note").forEach(function (note) {
    note.addEventListener("toggle", function (event) {
      if (event.newState === "open") fillNote(note);
    });
  });
})();
