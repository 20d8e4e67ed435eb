/* The self-study record (ho-so-tu-hoc/): reads this device's storage only, prints an A4
   summary, saves it to a file and loads such a file on another device. Nothing is sent
   anywhere. Uses the helpers of progress.js (loaded on every page, before this file).
   Every stored value is checked before use: an old or damaged entry is skipped. */
(function () {
  "use strict";

  var root = document.querySelector(".hg-record");
  var help = window.hoagiaiProgress;
  if (!root || !help) { return; }

  var FORMAT = "hoagiai-ho-so-tu-hoc";
  var PROFILE = "hoagiai-profile-v1";
  var MODULE = "hoagiai-module-v1:";
  var BEST = "hoagiai-quiz-v1:best:";
  var SCENARIO = "hoagiai-scenario-v1:";
  var msg = root.dataset;

  function text(value, limit) {
    return typeof value === "string" ? value.slice(0, limit || 200) : "";
  }

  // What each kind of entry must look like; null when it does not.
  var CHECKS = [
    [MODULE, function (value) { return help.isDate(value.date) ? { date: value.date } : null; }],
    [BEST, function (value) {
      var best = help.validBest(value);
      return best ? { right: best.right, total: best.total, date: best.date } : null;
    }],
    [SCENARIO, function (value) {
      return help.isDate(value.date) && text(value.title) ? {
        ending: text(value.ending), kind: text(value.kind), date: value.date,
        steps: typeof value.steps === "number" ? value.steps : 0, title: text(value.title)
      } : null;
    }]
  ];

  function checkerFor(key) {
    var found = CHECKS.filter(function (pair) {
      return key.indexOf(pair[0]) === 0 && /^[A-Za-z0-9_-]{1,100}$/.test(key.slice(pair[0].length));
    });
    return found.length ? found[0][1] : null;
  }

  // Every valid entry of this device, by key.
  function entries() {
    var found = {};
    var keys = [];
    try {
      for (var i = 0; i < window.localStorage.length; i += 1) { keys.push(window.localStorage.key(i)); }
    } catch (error) { return found; }
    keys.forEach(function (key) {
      var check = checkerFor(key);
      var value = check && help.read(key);
      var valid = value && check(value);
      if (valid) { found[key] = valid; }
    });
    return found;
  }

  function profile() {
    var value = help.read(PROFILE) || {};
    return { name: text(value.name, 80), village: text(value.village, 80) };
  }

  function show() {
    var all = entries();
    var modules = root.querySelectorAll(".hg-record__module");
    var banks = root.querySelectorAll(".hg-record__best");
    var studied = 0;
    var taken = 0;
    Array.prototype.forEach.call(modules, function (cell) {
      var done = all[MODULE + cell.getAttribute("data-module")];
      studied += done ? 1 : 0;
      cell.textContent = done ? help.format(msg.msgStudiedOn, { date: help.showDate(done.date) }) : msg.msgNotYet;
      cell.classList.toggle("is-done", Boolean(done));
    });
    Array.prototype.forEach.call(banks, function (cell) {
      var best = all[BEST + cell.getAttribute("data-bank")];
      taken += best ? 1 : 0;
      cell.textContent = best ? help.format(msg.msgBest, {
        right: best.right, total: best.total, date: help.showDate(best.date) }) : msg.msgNotYet;
      cell.classList.toggle("is-done", Boolean(best));
    });
    var list = root.querySelector(".hg-record__scenario-list");
    list.textContent = "";
    Object.keys(all).filter(function (key) { return key.indexOf(SCENARIO) === 0; }).sort()
      .forEach(function (key) {
        var item = document.createElement("li");
        item.textContent = all[key].title + " — " + help.showDate(all[key].date);
        list.appendChild(item);
      });
    root.querySelector(".hg-record__scenarios").hidden = !list.children.length;
    root.querySelector(".hg-record__summary").textContent = help.format(msg.msgSummary, {
      modules: studied, total_modules: modules.length, quizzes: taken, total_quizzes: banks.length });
    var who = profile();
    Array.prototype.forEach.call(root.querySelectorAll("input[data-field]"), function (input) {
      input.value = who[input.getAttribute("data-field")];
    });
    root.querySelector(".hg-record__today").textContent = help.showDate(help.today());
    root.querySelector(".hg-record__url").textContent = window.location.origin + window.location.pathname;
  }

  function say(message) { root.querySelector(".hg-record__message").textContent = message; }

  function exportFile() {
    var data = { format: FORMAT, version: 1, exported: help.today(), profile: profile(), entries: entries() };
    var name = "ho-so-tu-hoc-" + help.today() + ".json";
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 1)], { type: "application/json" }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    say(help.format(msg.msgSaved, { file: name }));
  }

  // Merges a saved record: valid entries only; a better or later result wins.
  function importText(content) {
    var data = null;
    try { data = JSON.parse(content); } catch (error) { data = null; }
    if (!data || data.format !== FORMAT || !data.entries || typeof data.entries !== "object") {
      say(msg.msgBadFile);
      return;
    }
    var count = 0;
    Object.keys(data.entries).forEach(function (key) {
      var check = checkerFor(key);
      var value = check && data.entries[key] && typeof data.entries[key] === "object" && check(data.entries[key]);
      if (!value) { return; }
      var mine = help.read(key);
      mine = mine && check(mine);
      var keep = mine && (key.indexOf(BEST) === 0 ? mine.right / mine.total >= value.right / value.total
        : mine.date >= value.date);
      if (!keep) { help.write(key, value); }
      count += 1;
    });
    var who = profile();
    if (data.profile && typeof data.profile === "object" && !who.name && !who.village) {
      help.write(PROFILE, { name: text(data.profile.name, 80), village: text(data.profile.village, 80) });
    }
    show();
    say(help.format(msg.msgImported, { count: count }));
  }

  Array.prototype.forEach.call(root.querySelectorAll("input[data-field]"), function (input) {
    input.addEventListener("input", function () {
      var who = profile();
      who[input.getAttribute("data-field")] = input.value.slice(0, 80);
      help.write(PROFILE, who);
    });
  });
  var file = root.querySelector("#hg-record-file");
  file.addEventListener("change", function () {
    if (!file.files.length) { return; }
    var reader = new FileReader();
    reader.onload = function () { importText(String(reader.result)); file.value = ""; };
    reader.onerror = function () { say(msg.msgBadFile); };
    reader.readAsText(file.files[0]);
  });
  root.querySelector("[data-action=print]").addEventListener("click", function () { window.print(); });
  root.querySelector("[data-action=export]").addEventListener("click", exportFile);
  root.querySelector("[data-action=import]").addEventListener("click", function () { file.click(); });
  show();
  root.classList.add("is-ready");
})();
