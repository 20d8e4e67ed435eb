/* The contest page (trac-nghiem/hoi-thi/): draws with contest-draw.js (as `hoagiai contest`
   does) from the index contest-banks-<lang>.js (each set's id, title, levels), then loads, as
   scripts (file:// too), the questions of the sets the paper takes from (data-hg-banks:
   kit/contest_page.py) and writes the paper and its key, each printed on its own. A file that
   cannot be had is said plainly; pressing again tries again. Words come from data-msg-*. */
(function () {
  "use strict";

  var form = document.querySelector(".hg-contest");
  var result = document.querySelector(".hg-contest__result");
  if (!form || !result || !window.hoagiaiDraw) { return; }
  var msg = form.dataset;
  var status = form.querySelector(".hg-contest__status");
  var data = window.hoagiaiContestBanks;
  var banks = data && Array.isArray(data.banks) ? data.banks : null;
  var files = {};  // set id -> promise of its questions, in the order of its levels
  var drawing = 0;  // the latest press of the button: an earlier one's late files are ignored

  // The index writes each question's level as its first letter (de, vua, kho).
  var LEVEL_OF = {};
  window.hoagiaiDraw.LEVELS.forEach(function (level) { LEVEL_OF[level.charAt(0)] = level; });

  function levels(bank) {
    return bank.levels.split("").map(function (letter) { return LEVEL_OF[letter]; });
  }

  function load(id) {
    if (!files[id]) {
      files[id] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        function fail() {
          script.remove();
          delete files[id];  // offline now, perhaps not later
          reject(new Error(id));
        }
        script.onload = function () {  // the file sets window.hoagiaiContestQuestions[id]
          var questions = (window.hoagiaiContestQuestions || {})[id];
          if (Array.isArray(questions)) { resolve(questions); } else { fail(); }
        };
        script.onerror = fail;
        script.src = msg.hgBanks + encodeURIComponent(id) + ".js";
        document.head.appendChild(script);
      });
    }
    return files[id];
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }

  function number(name) {
    var value = Number(form.elements[name].value);
    return Math.floor(value) === value && value >= 0 ? value : -1;
  }

  function chosenBanks() {
    var ids = Array.prototype.filter.call(form.querySelectorAll("input[name=bank]"), function (box) {
      return box.checked;
    }).map(function (box) { return box.value; });
    return banks.filter(function (bank) { return ids.indexOf(bank.id) !== -1; });
  }

  function shellWord(text) {
    return /^[A-Za-z0-9_.:\/-]+$/.test(text) ? text : "'" + text.replace(/'/g, "'\\''") + "'";
  }

  function draw() {
    var chosen = chosenBanks();
    var count = number("count");
    var mix = { de: number("mix-de"), vua: number("mix-vua"), kho: number("mix-kho") };
    var seed = form.elements.seed.value;
    var turn = drawing += 1;
    if (!chosen.length) { status.textContent = msg.msgNoBank; return; }
    if (!seed.trim()) { status.textContent = msg.msgNoSeed; return; }
    var fits = 0;
    chosen.forEach(function (bank) {
      levels(bank).forEach(function (level) { fits += mix[level] > 0 ? 1 : 0; });
    });
    var pairs;
    try {
      if (count < 1 || mix.de < 0 || mix.vua < 0 || mix.kho < 0) { throw new RangeError("bad input"); }
      pairs = window.hoagiaiDraw.drawIds(chosen.map(levels), count, seed, mix);
    } catch (error) {
      status.textContent = format(msg.msgTooMany, { count: form.elements.count.value, total: fits });
      result.hidden = true;
      return;
    }
    // Only the sets the paper takes questions from.
    var used = chosen.filter(function (bank, index) {
      return pairs.some(function (pair) { return pair[0] === index; });
    });
    status.textContent = msg.msgLoading;
    Promise.all(used.map(function (bank) {
      return load(bank.id).then(null, function () { return null; });
    })).then(function (loaded) {
      if (turn !== drawing) { return; }
      var missing = used.filter(function (bank, index) { return !loaded[index]; });
      if (missing.length) {
        status.textContent = format(msg.msgNotLoaded, { titles: missing.map(function (bank) {
          return "“" + bank.title + "”";
        }).join(", ") });
        result.hidden = true;
        return;
      }
      var questions = {};
      used.forEach(function (bank, index) { questions[bank.id] = loaded[index]; });
      var items = pairs.map(function (pair) {
        var bank = chosen[pair[0]];
        return { bank: bank, question: questions[bank.id][pair[1]],
          level: LEVEL_OF[bank.levels.charAt(pair[1])] };
      });
      write(items, chosen, seed, mix);
      status.textContent = format(msg.msgDrawn, { count: items.length });
    });
  }

  function write(items, chosen, seed, mix) {
    var byLevel = { de: 0, vua: 0, kho: 0 };
    items.forEach(function (item) { byLevel[item.level] += 1; });
    var code = format(msg.msgCode, {
      seed: seed, count: items.length,
      banks: chosen.map(function (bank) { return bank.title; }).join(", ")
    }) + ". " + format(msg.msgLevels, { easy: byLevel.de, medium: byLevel.vua, hard: byLevel.kho });
    Array.prototype.forEach.call(result.querySelectorAll(".hg-contest__code"), function (line) {
      line.textContent = code;
    });
    var questions = result.querySelector(".hg-contest__questions");
    var answers = result.querySelector(".hg-contest__answers");
    questions.textContent = "";
    answers.textContent = "";
    items.forEach(function (item, index) {
      var q = item.question;
      var label = format(msg.msgQuestion, { number: index + 1 });
      var entry = element("li", "", "hg-contest__q");
      entry.setAttribute("data-qid", item.bank.id + "/" + q.id);
      var prompt = element("p");
      prompt.appendChild(element("strong", label));
      prompt.appendChild(document.createTextNode(" " + q.prompt + " "));
      prompt.appendChild(element("em", "(" + q.how + ")"));
      entry.appendChild(prompt);
      var choices = element("ul");
      q.choices.forEach(function (choice) {
        var line = element("li");
        line.appendChild(element("strong", choice[0] + "."));
        line.appendChild(document.createTextNode(" " + choice[1]));
        choices.appendChild(line);
      });
      entry.appendChild(choices);
      questions.appendChild(entry);

      var key = element("li", "", "hg-contest__a");
      key.setAttribute("data-qid", item.bank.id + "/" + q.id);
      var head = element("p");
      head.appendChild(element("strong", label));
      head.appendChild(document.createTextNode(" " + msg.msgAnswer + " " + q.answer.join("; ")));
      key.appendChild(head);
      key.appendChild(element("p", q.explanation));
      key.appendChild(element("p", msg.msgSources + " " + q.sources.join("; ")));
      key.appendChild(element("p", format(msg.msgBank, { title: item.bank.title }), "hg-contest__from"));
      answers.appendChild(key);
    });
    var command = ["hoagiai contest"].concat(chosen.map(function (bank) { return "--bank " + bank.id; }),
      ["--count " + items.length, "--mix " + [mix.de, mix.vua, mix.kho].join(":"),
        "--seed " + shellWord(seed), "--lang " + document.documentElement.lang, "--out de-thi"]);
    result.querySelector(".hg-contest__command code").textContent = command.join(" ");
    result.hidden = false;
  }

  // Print one part only: the paper, or the answer key.
  Array.prototype.forEach.call(result.querySelectorAll("[data-print]"), function (button) {
    button.addEventListener("click", function () {
      document.body.classList.add("hg-print-" + button.getAttribute("data-print"));
      window.print();
    });
  });
  window.addEventListener("afterprint", function () {
    document.body.classList.remove("hg-print-paper", "hg-print-key");
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!banks) { status.textContent = msg.msgNoData; return; }
    draw();
  });
  form.hidden = false;
  if (banks) { form.classList.add("is-ready"); } else { status.textContent = msg.msgNoData; }
})();
