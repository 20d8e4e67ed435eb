/* Self-check quizzes (trac-nghiem/<bank>/): check answers, mark every choice right or wrong,
   show the explanation and sources, keep a score, and keep progress on this device.

   The page works without this file: every answer is in the <details> under its question.
   Interface words come from data-msg-* attributes, so this file holds no language.
   Progress lives in localStorage under one key per bank. Each saved question carries the
   fingerprint the page gave it (data-fp); a question whose text or answer has changed since
   gets a new fingerprint, so its old answer is dropped while the others are kept. */
(function () {
  "use strict";

  // Bump the version when the saved shape changes: older saves are then simply ignored.
  var STORAGE_PREFIX = "hoagiai-quiz-v1:";

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function readSaved(key) {
    try {
      var data = JSON.parse(window.localStorage.getItem(key));
      if (data && typeof data === "object" && data.questions && typeof data.questions === "object") {
        return data;
      }
    } catch (error) { /* unreadable or blocked storage: start afresh */ }
    return { questions: {} };
  }

  function writeSaved(key, data) {
    try {
      window.localStorage.setItem(key, JSON.stringify(data));
    } catch (error) { /* storage full or disabled: the quiz still works, it just forgets */ }
  }

  function Question(element) {
    this.element = element;
    this.id = element.getAttribute("data-qid");
    this.fingerprint = element.getAttribute("data-fp");
    this.number = element.getAttribute("data-number");
    this.correct = element.getAttribute("data-correct").split(" ");
    this.inputs = Array.prototype.slice.call(element.querySelectorAll("input"));
    this.actions = element.querySelector(".hg-q__actions");
    this.checkButton = element.querySelector("[data-action=check]");
    this.retryButton = element.querySelector("[data-action=retry]");
    this.feedback = element.querySelector(".hg-q__feedback");
    this.details = element.querySelector("details");
    // The running score, repeated under the question just checked: the summary with the
    // score is at the very end of a long page.
    this.tally = document.createElement("p");
    this.tally.className = "hg-q__tally";
    this.tally.hidden = true;
    this.feedback.after(this.tally);
    this.checked = false;
    this.right = false;
  }

  Question.prototype.picked = function () {
    return this.inputs.filter(function (input) { return input.checked; })
      .map(function (input) { return input.value; });
  };

  Question.prototype.pick = function (values) {
    this.inputs.forEach(function (input) { input.checked = values.indexOf(input.value) !== -1; });
  };

  // The letters ("A, C") of the choices `ids` (the right ones when not given).
  Question.prototype.letters = function (ids) {
    var element = this.element;
    return (ids || this.correct).map(function (id) {
      var letter = element.querySelector("[data-choice='" + id + "'] .hg-q__letter");
      return letter ? letter.textContent.replace(".", "") : id;
    }).join(", ");
  };

  // For a wrong answer to a question with several right answers: what was ticked and
  // which right answers were missed, in words.
  Question.prototype.explainPicks = function (messages, picked) {
    var correct = this.correct;
    var missed = correct.filter(function (id) { return picked.indexOf(id) === -1; });
    var text = " " + format(messages.picked, { letters: this.letters(picked) });
    if (missed.length) text += " " + format(messages.missed, { letters: this.letters(missed) });
    return text;
  };

  // Marks each choice, locks the inputs and opens the explanation; returns the feedback text.
  Question.prototype.mark = function (messages) {
    var picked = this.picked();
    var correct = this.correct;
    this.right = picked.length === correct.length &&
      picked.every(function (id) { return correct.indexOf(id) !== -1; });
    this.inputs.forEach(function (input) {
      var choice = input.closest(".hg-q__choice");
      var isRight = correct.indexOf(input.value) !== -1;
      if (!isRight && !input.checked) { return; }
      var note = document.createElement("span");
      note.className = "hg-q__mark";
      note.textContent = " " + (!isRight ? messages.markWrong :
        input.checked ? messages.markRight : messages.markMissed);
      choice.classList.add(isRight ? "is-right" : "is-wrong");
      if (input.checked) choice.classList.add("is-picked");
      input.labels[0].appendChild(note);
    });
    this.inputs.forEach(function (input) { input.disabled = true; });
    this.checked = true;
    var text = this.right ? messages.right : format(messages.wrong, { answer: this.letters() });
    if (!this.right && this.inputs[0].type === "checkbox") text += this.explainPicks(messages, picked);
    this.feedback.textContent = text;
    this.feedback.className = "hg-q__feedback " + (this.right ? "is-right" : "is-wrong");
    this.feedback.hidden = false;
    this.checkButton.hidden = true;
    this.retryButton.hidden = false;
    this.details.open = true;
    return text;
  };

  Question.prototype.clear = function () {
    Array.prototype.forEach.call(this.element.querySelectorAll(".hg-q__mark"), function (note) {
      note.parentNode.removeChild(note);
    });
    this.inputs.forEach(function (input) {
      input.disabled = false;
      input.checked = false;
      input.closest(".hg-q__choice").classList.remove("is-right", "is-wrong", "is-picked");
    });
    this.checked = false;
    this.right = false;
    this.feedback.hidden = true;
    this.feedback.textContent = "";
    this.tally.hidden = true;
    this.checkButton.hidden = false;
    this.retryButton.hidden = true;
    this.details.open = false;
  };

  function Quiz(root) {
    var data = root.dataset;
    this.root = root;
    this.key = STORAGE_PREFIX + data.bank;
    this.messages = {
      right: data.msgRight, wrong: data.msgWrong, pick: data.msgPick, question: data.msgQuestion,
      score: data.msgScore, markRight: data.msgMarkRight, markWrong: data.msgMarkWrong,
      markMissed: data.msgMarkMissed, picked: data.msgPicked, missed: data.msgMissed,
      restored: data.msgRestored
    };
    this.questions = Array.prototype.map.call(root.querySelectorAll(".hg-q"), function (element) {
      return new Question(element);
    });
    this.summary = root.querySelector(".hg-quiz__summary");
    this.status = root.querySelector(".hg-quiz__score");
    this.saved = readSaved(this.key);
  }

  Quiz.prototype.start = function () {
    var quiz = this;
    this.questions.forEach(function (question) {
      question.actions.hidden = false;
      question.checkButton.addEventListener("click", function () { quiz.check(question); });
      question.retryButton.addEventListener("click", function () { quiz.retry(question); });
      question.inputs.forEach(function (input) {
        input.addEventListener("change", function () { quiz.remember(question); });
      });
    });
    this.root.querySelector("[data-action=reset]").addEventListener("click", function () {
      quiz.reset();
    });
    this.summary.hidden = false;
    var restored = this.restore();
    this.announce((restored ? this.messages.restored + " " : "") + this.score());
  };

  // Puts back saved answers of questions that have not changed; returns how many came back.
  Quiz.prototype.restore = function () {
    var quiz = this;
    var kept = {};
    var count = 0;
    this.questions.forEach(function (question) {
      var entry = quiz.saved.questions[question.id];
      if (!entry || entry.fp !== question.fingerprint || !Array.isArray(entry.picked)) { return; }
      kept[question.id] = entry;
      count += 1;
      question.pick(entry.picked);
      if (entry.checked && question.picked().length) { question.mark(quiz.messages); }
    });
    this.saved = { questions: kept };
    return count;
  };

  Quiz.prototype.remember = function (question) {
    this.saved.questions[question.id] = {
      fp: question.fingerprint, picked: question.picked(), checked: question.checked
    };
    writeSaved(this.key, this.saved);
  };

  Quiz.prototype.forget = function (question) {
    delete this.saved.questions[question.id];
    writeSaved(this.key, this.saved);
  };

  Quiz.prototype.check = function (question) {
    var prefix = format(this.messages.question, { number: question.number });
    if (!question.picked().length) {
      question.feedback.textContent = this.messages.pick;
      question.feedback.className = "hg-q__feedback";
      question.feedback.hidden = false;
      this.announce(prefix + this.messages.pick);
      return;
    }
    var result = question.mark(this.messages);
    this.remember(question);
    this.saveBest();
    question.retryButton.focus();
    this.announce(prefix + result + " " + this.score());
  };

  Quiz.prototype.retry = function (question) {
    question.clear();
    this.forget(question);
    question.inputs[0].focus();
    this.announce(this.score());
  };

  Quiz.prototype.reset = function () {
    this.questions.forEach(function (question) { question.clear(); });
    this.saved = { questions: {} };
    writeSaved(this.key, this.saved);
    this.announce(this.score());
  };

  Quiz.prototype.score = function () {
    var checked = this.questions.filter(function (q) { return q.checked; });
    return format(this.messages.score, {
      right: checked.filter(function (q) { return q.right; }).length,
      total: this.questions.length,
      checked: checked.length
    });
  };

  // Best score and its date, under "hoagiai-quiz-v1:best:<bank>": the quiz list and the
  // self-study record show it (progress.js, record.js). A lower score never replaces it.
  Quiz.prototype.saveBest = function () {
    var key = STORAGE_PREFIX + "best:" + this.root.dataset.bank;
    var right = this.questions.filter(function (q) { return q.checked && q.right; }).length;
    var best = null;
    try { best = JSON.parse(window.localStorage.getItem(key)); } catch (error) { /* unreadable */ }
    if (best && best.total === this.questions.length && best.right >= right) { return; }
    var now = new Date();
    var date = [now.getFullYear(), ("0" + (now.getMonth() + 1)).slice(-2),
      ("0" + now.getDate()).slice(-2)].join("-");
    writeSaved(key, { right: right, total: this.questions.length, date: date });
  };

  Quiz.prototype.announce = function (text) {
    this.status.textContent = text;
    var score = this.score();
    this.questions.forEach(function (question) {
      question.tally.textContent = score;
      question.tally.hidden = !question.checked;
    });
  };

  Array.prototype.forEach.call(document.querySelectorAll(".hg-quiz"), function (root) {
    new Quiz(root).start();
  });
})();
