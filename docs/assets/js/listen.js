/* Nghe đọc / Listen (scripts/hoagiai/listen.py adds the control to lessons, citizens'
 * pages and stories): reads the page's main text aloud with the device's own voice for
 * the page's language, through the browser's Web Speech API. No audio file is loaded and
 * nothing is sent anywhere. One paragraph at a time, the one being read highlighted and
 * kept in view; pause, resume and stop. The control stays hidden when the device has no
 * voice for the language (many phones have none for Vietnamese).
 */
(function () {
  "use strict";

  var control = document.querySelector("[data-hg-listen]");
  var speech = window.speechSynthesis;
  if (!control || !speech || !window.SpeechSynthesisUtterance) return;

  var article = control.closest("article") || document.body;
  var play = control.querySelector("[data-action=play]");
  var stop = control.querySelector("[data-action=stop]");
  var words = control.dataset;
  var lang = (document.documentElement.lang || "vi").toLowerCase();
  var CURRENT = "hg-listen__current";
  var BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, th, td, summary, .admonition-title";
  // Not the text itself: the control, glossary definitions, heading anchors, share links,
  // jump lists (their questions are read where they are answered), quiz marks.
  var SKIP = ".hg-listen, .hg-share, .hg-jump, .headerlink, .hg-term__tip, .md-source-file";
  var voice = null;
  var blocks = [];
  var at = -1;
  var state = "idle";  // idle | speaking | paused
  var run = 0;  // which reading an utterance belongs to: a stopped one's end is ignored

  function voiceFor(voices) {
    return voices.filter(function (v) {
      return (v.lang || "").toLowerCase().replace("_", "-").split("-")[0] === lang;
    })[0] || null;
  }

  function findVoice() {
    voice = voiceFor(speech.getVoices() || []);
    control.hidden = !voice;
  }

  /* The text a reader sees in `block`, without the parts that are not read. */
  function textOf(block) {
    var copy = block.cloneNode(true);
    copy.querySelectorAll(SKIP).forEach(function (node) { node.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  /* The visible blocks of text, in reading order; a block holding another is left to it. */
  function readable() {
    return Array.from(article.querySelectorAll(BLOCKS)).filter(function (block) {
      return !block.closest(SKIP) && !block.querySelector(BLOCKS) &&
        block.getClientRects().length > 0 && textOf(block);
    });
  }

  function mark(index) {
    blocks.forEach(function (block, i) { block.classList.toggle(CURRENT, i === index); });
    if (index >= 0) blocks[index].scrollIntoView({ block: "center", behavior: "smooth" });
  }

  function show(next) {
    state = next;
    play.textContent = state === "speaking" ? words.msgPause :
      state === "paused" ? words.msgResume : words.msgListen;
    stop.hidden = state === "idle";
  }

  function speak(index) {
    if (index >= blocks.length) { finish(); return; }
    at = index;
    mark(index);
    var mine = run;
    var utterance = new window.SpeechSynthesisUtterance(textOf(blocks[index]));
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onend = function () { if (mine === run) speak(index + 1); };
    utterance.onerror = function () { if (mine === run) finish(); };
    speech.speak(utterance);
  }

  function finish() {
    run += 1;
    speech.cancel();
    mark(-1);
    at = -1;
    show("idle");
  }

  play.addEventListener("click", function () {
    if (state === "speaking") {
      speech.pause();
      show("paused");
    } else if (state === "paused") {
      speech.resume();
      show("speaking");
    } else {
      run += 1;
      speech.cancel();
      blocks = readable();
      show("speaking");
      speak(0);
    }
  });
  stop.addEventListener("click", finish);
  window.addEventListener("pagehide", function () { if (state !== "idle") finish(); });

  findVoice();
  if (!voice && "onvoiceschanged" in speech) {
    speech.addEventListener("voiceschanged", findVoice);
  }
})();
