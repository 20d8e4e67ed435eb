/* Loaded on every page; small on purpose. What a learner does stays in this browser
   (localStorage), never sent anywhere. Keys (see scripts/hoagiai/learning/feature.py):
     hoagiai-last-v1:<lang>       last module, quiz or scenario opened {kind,id,title,url,date}
     hoagiai-module-v1:<slug>     module marked studied {date}
     hoagiai-quiz-v1:best:<bank>  best quiz score {right,total,date} (written by quiz.js)
   Anything unreadable (old shape, hand-edited, blocked storage) is treated as absent. */
(function () {
  "use strict";

  var KINDS = ["module", "quiz", "scenario"];
  var lang = document.documentElement.lang === "en" ? "en" : "vi";

  function read(key) {
    try {
      var value = JSON.parse(window.localStorage.getItem(key));
      return value && typeof value === "object" && !Array.isArray(value) ? value : null;
    } catch (error) { return null; }
  }

  function write(key, value) {
    try {
      if (value === null) { window.localStorage.removeItem(key); }
      else { window.localStorage.setItem(key, JSON.stringify(value)); }
    } catch (error) { /* storage full or blocked: the page still works */ }
  }

  function isDate(value) { return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value); }

  function today() {
    var now = new Date();
    return [now.getFullYear(), ("0" + (now.getMonth() + 1)).slice(-2),
      ("0" + now.getDate()).slice(-2)].join("-");
  }

  // 2026-12-04 → 04/12/2026 in Vietnamese, unchanged in English.
  function showDate(value) {
    return lang === "vi" ? value.split("-").reverse().join("/") : value;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function validBest(value) {
    return value && isDate(value.date) && value.right >= 0 && value.total > 0 &&
      value.right <= value.total && Math.floor(value.right) === value.right ? value : null;
  }

  // Remember the page just opened, if it is something one learns from.
  var mark = document.querySelector("[data-learning-kind]");
  if (mark && KINDS.indexOf(mark.getAttribute("data-learning-kind")) !== -1) {
    write("hoagiai-last-v1:" + lang, {
      kind: mark.getAttribute("data-learning-kind"), id: mark.getAttribute("data-learning-id"),
      title: mark.getAttribute("data-learning-title"), url: window.location.pathname, date: today()
    });
  }

  // The "continue" card on the home page and section indexes.
  var card = document.querySelector(".hg-continue");
  var last = read("hoagiai-last-v1:" + lang);
  if (card && last && KINDS.indexOf(last.kind) !== -1 && typeof last.title === "string" &&
      last.title && typeof last.url === "string" && /^\/(?!\/)/.test(last.url) && isDate(last.date)) {
    var link = card.querySelector(".hg-continue__link");
    link.href = last.url;
    link.textContent = card.getAttribute("data-kind-" + last.kind) + ": " + last.title;
    card.querySelector(".hg-continue__when").textContent =
      format(card.getAttribute("data-msg-opened"), { date: showDate(last.date) });
    card.hidden = false;
  }

  // "Studied" at the end of a module.
  var studied = document.querySelector(".hg-studied");
  if (studied) {
    var key = "hoagiai-module-v1:" + studied.getAttribute("data-learning-id");
    var button = studied.querySelector("button");
    var status = studied.querySelector(".hg-studied__status");
    var show = function () {
      var done = read(key);
      done = done && isDate(done.date) ? done : null;
      status.textContent = done ? format(studied.getAttribute("data-msg-done"), { date: showDate(done.date) }) : "";
      button.textContent = studied.getAttribute(done ? "data-msg-undo" : "data-msg-mark");
      button.setAttribute("aria-pressed", done ? "true" : "false");
      return done;
    };
    button.addEventListener("click", function () {
      write(key, show() ? null : { date: today() });
      show();
    });
    show();
    studied.hidden = false;
  }

  // Best score and date on the quiz list.
  Array.prototype.forEach.call(document.querySelectorAll(".hg-best[data-bank]"), function (cell) {
    var best = validBest(read("hoagiai-quiz-v1:best:" + cell.getAttribute("data-bank")));
    if (best) {
      cell.textContent = format(cell.getAttribute("data-msg"), {
        right: best.right, total: best.total, date: showDate(best.date) });
      cell.hidden = false;
    }
  });

  window.hoagiaiProgress = { read: read, write: write, isDate: isDate, today: today,
    showDate: showDate, format: format, validBest: validBest };
})();
