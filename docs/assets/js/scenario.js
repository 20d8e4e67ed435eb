/* Role-play scenarios (tinh-huong/<id>/): one step at a time, feedback after each choice,
   the parties' state in words and as a bar, an end screen with the path and the sources.

   The page works without this file: the whole scenario is a tree of <details>, every step
   and ending written out once (.hg-sc-step, .hg-sc-end). This file reads that tree, hides
   it and plays it. Interface words come from data-msg-* attributes: no language here.

   The address holds where the learner is: #buoc=<step or ending>&duong=<choice ids, dot
   separated>, replayed from the start, so a link resumes the same place with the same
   state, and the browser's Back button undoes a choice; a link to a step of the tree
   (#buoc-<id>) opens that step by the shortest way. Progress is kept in localStorage
   ("hoagiai-scenario-progress-v1:<id>"); a reached ending is written under
   "hoagiai-scenario-v1:<id>" for the learner's record page. */
(function () {
  "use strict";

  var PROGRESS_PREFIX = "hoagiai-scenario-progress-v1:";
  var RESULT_PREFIX = "hoagiai-scenario-v1:";

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function store(key, value) {
    try {
      if (value === null) { window.localStorage.removeItem(key); }
      else { window.localStorage.setItem(key, JSON.stringify(value)); }
    } catch (error) { /* storage disabled or full: the player still works, it just forgets */ }
  }

  function load(key) {
    try { return JSON.parse(window.localStorage.getItem(key)); } catch (error) { return null; }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function today() {
    var now = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }

  /* The scenario as the tree gives it: steps, choices and endings by id. */
  function readGraph(root) {
    var graph = { steps: {}, endings: {} };
    Array.prototype.forEach.call(root.querySelectorAll(".hg-sc-step"), function (section) {
      var choices = [];
      Array.prototype.forEach.call(section.children, function (child) {
        if (!child.classList.contains("hg-sc-choice")) { return; }
        var effect = {};
        (child.getAttribute("data-effect") || "").split(" ").forEach(function (pair) {
          var parts = pair.split(":");
          if (parts.length === 2) { effect[parts[0]] = parseInt(parts[1], 10); }
        });
        choices.push({
          id: child.getAttribute("data-choice"),
          next: child.getAttribute("data-next"),
          effect: effect,
          summary: child.querySelector("summary"),
          feedback: child.querySelector(".hg-sc-choice__feedback"),
          effectWords: child.querySelector(":scope > .hg-sc-choice__effect"),
          cite: child.querySelector(":scope > .hg-sc-cite")
        });
      });
      graph.steps[section.getAttribute("data-step")] = {
        id: section.getAttribute("data-step"),
        number: section.getAttribute("data-number"),
        title: section.getAttribute("data-title"),
        situation: section.querySelector(".hg-sc-step__situation"),
        choices: choices
      };
    });
    Array.prototype.forEach.call(root.querySelectorAll(".hg-sc-end"), function (section) {
      graph.endings[section.getAttribute("data-ending")] = {
        id: section.getAttribute("data-ending"),
        kind: section.getAttribute("data-kind"),
        title: section.getAttribute("data-title"),
        heading: section.querySelector(".hg-sc-end__title"),
        body: section.querySelector(".hg-sc-end__body"),
        cite: section.querySelector(":scope > .hg-sc-cite")
      };
    });
    return graph;
  }

  function Player(root) {
    this.root = root;
    this.id = root.getAttribute("data-scenario");
    this.title = root.getAttribute("data-learning-title");
    this.start = root.getAttribute("data-start");
    this.max = parseInt(root.getAttribute("data-max"), 10);
    this.levels = root.getAttribute("data-levels").split("|");
    this.graph = readGraph(root);
    this.view = root.querySelector(".hg-sc__player");
    this.stateItems = Array.prototype.slice.call(root.querySelectorAll(".hg-sc-state"));
    // The state panel moves into the player, right under the feedback, so a phone shows it
    // next to the step it describes.
    this.statePanel = [root.querySelector(".hg-sc__states-title"), root.querySelector(".hg-sc__states")];
    this.notice = "";
  }

  Player.prototype.msg = function (name, values) {
    var text = this.root.getAttribute("data-msg-" + name) || "";
    return values ? format(text, values) : text;
  };

  /* Replays a path of choice ids from the start: the nodes met, or null if it breaks. */
  Player.prototype.replay = function (choiceIds) {
    var node = this.start, visits = [], state = {};
    this.stateItems.forEach(function (item) {
      state[item.getAttribute("data-state")] = parseInt(item.getAttribute("data-start"), 10);
    });
    for (var i = 0; i < choiceIds.length; i += 1) {
      var step = this.graph.steps[node];
      if (!step) { return null; }
      var choice = step.choices.filter(function (c) { return c.id === choiceIds[i]; })[0];
      if (!choice) { return null; }
      for (var key in choice.effect) {
        if (Object.prototype.hasOwnProperty.call(state, key)) {
          state[key] = Math.max(0, Math.min(this.max, state[key] + choice.effect[key]));
        }
      }
      visits.push({ step: step, choice: choice, path: choiceIds.slice(0, i) });
      node = choice.next;
    }
    if (!this.graph.steps[node] && !this.graph.endings[node]) { return null; }
    return { node: node, visits: visits, state: state, path: choiceIds };
  };

  Player.prototype.address = function (path) {
    var run = this.replay(path);
    return "#buoc=" + encodeURIComponent(run ? run.node : this.start) +
      "&duong=" + path.join(".");
  };

  Player.prototype.parseAddress = function () {
    var hash = window.location.hash.replace(/^#/, "");
    var match = /^buoc=([^&]*)&duong=([a-z0-9.\-]*)$/.exec(hash);
    if (!match) { return undefined; }
    var path = match[2] ? match[2].split(".") : [];
    var run = this.replay(path);
    return run && run.node === decodeURIComponent(match[1]) ? run : null;
  };

  Player.prototype.go = function (path) {
    window.location.hash = this.address(path);  // hashchange renders it
  };

  Player.prototype.show = function (focus) {
    var run = this.parseAddress();
    if (run === null) {
      this.notice = this.msg("bad-address");
      run = this.replay([]);
      window.history.replaceState(null, "", this.address([]));
    } else if (run === undefined) {
      return false;
    }
    this.render(run, focus);
    return true;
  };

  Player.prototype.render = function (run, focus) {
    var view = this.view;
    view.textContent = "";
    if (this.notice) {
      view.appendChild(el("p", "hg-sc__notice", this.notice));
      this.notice = "";
    }
    this.renderState(run.state);
    var last = run.visits[run.visits.length - 1], feedback = null;
    if (last) {
      feedback = this.feedbackBox(last);
      view.appendChild(feedback);
    }
    this.statePanel.forEach(function (node) { view.appendChild(node); });
    var heading;
    if (this.graph.endings[run.node]) {
      heading = this.renderEnding(run);
    } else {
      heading = this.renderStep(run);
      store(PROGRESS_PREFIX + this.id, { path: run.path.join("."), node: run.node, date: today() });
    }
    // Keyboard and screen-reader users land on what just changed: the feedback, else the step.
    if (focus) { (feedback || heading).focus(); }
  };

  Player.prototype.renderState = function (state) {
    var self = this;
    this.stateItems.forEach(function (item) {
      var level = state[item.getAttribute("data-state")];
      item.querySelector(".hg-sc-state__value").textContent =
        self.msg("state-value", { word: self.levels[level], level: level, max: self.max });
      Array.prototype.forEach.call(item.querySelectorAll(".hg-sc-meter__cell"), function (cell, i) {
        cell.classList.toggle("is-on", i < level);
      });
    });
  };

  Player.prototype.feedbackBox = function (visit) {
    var box = el("div", "hg-sc__feedback");
    box.tabIndex = -1;
    var chose = el("p", "hg-sc__chose");
    chose.appendChild(el("strong", "", this.msg("you-chose") + " "));
    chose.appendChild(document.createTextNode(visit.choice.summary.textContent.trim()));
    box.appendChild(chose);
    box.appendChild(visit.choice.feedback.cloneNode(true));
    if (visit.choice.effectWords) { box.appendChild(visit.choice.effectWords.cloneNode(true)); }
    box.appendChild(visit.choice.cite.cloneNode(true));
    return box;
  };

  Player.prototype.renderStep = function (run) {
    var self = this, step = this.graph.steps[run.node], view = this.view;
    var heading = el("h3", "hg-sc__heading",
      this.msg("step", { number: run.path.length + 1 }) + ": " + step.title);
    heading.tabIndex = -1;
    view.appendChild(heading);
    view.appendChild(step.situation.cloneNode(true));
    var list = el("ol", "hg-sc__choices");
    step.choices.forEach(function (choice) {
      var item = el("li");
      var button = el("button", "hg-sc__choice");
      button.type = "button";
      button.setAttribute("data-choice", choice.id);
      button.textContent = choice.summary.textContent.trim();
      button.addEventListener("click", function () { self.go(run.path.concat([choice.id])); });
      item.appendChild(button);
      list.appendChild(item);
    });
    view.appendChild(list);
    view.appendChild(this.controls(run));
    return heading;
  };

  Player.prototype.controls = function (run) {
    var self = this, bar = el("p", "hg-sc__controls");
    if (run.path.length) {
      var back = el("button", "md-button", this.msg("back"));
      back.type = "button";
      back.setAttribute("data-action", "back");
      back.addEventListener("click", function () { self.go(run.path.slice(0, -1)); });
      bar.appendChild(back);
    }
    var restart = el("button", "md-button", this.msg("restart"));
    restart.type = "button";
    restart.setAttribute("data-action", "restart");
    restart.addEventListener("click", function () {
      store(PROGRESS_PREFIX + self.id, null);
      self.go([]);
    });
    bar.appendChild(restart);
    return bar;
  };

  Player.prototype.renderEnding = function (run) {
    var self = this, ending = this.graph.endings[run.node], view = this.view;
    var box = el("div", "hg-sc__ending hg-sc-end--" + ending.kind);
    var heading = el("h3", "hg-sc__heading", ending.heading.textContent.trim());
    heading.tabIndex = -1;
    box.appendChild(heading);
    box.appendChild(ending.body.cloneNode(true));
    box.appendChild(ending.cite.cloneNode(true));
    view.appendChild(box);

    view.appendChild(el("h3", "hg-sc__subheading", this.msg("path")));
    var list = el("ol", "hg-sc__path");
    run.visits.forEach(function (visit) {
      var item = el("li");
      item.appendChild(el("strong", "", visit.step.title));
      item.appendChild(document.createTextNode(" — " + visit.choice.summary.textContent.trim()));
      var review = el("details", "hg-sc__review");
      review.appendChild(el("summary", "", self.msg("review")));
      review.appendChild(visit.choice.feedback.cloneNode(true));
      item.appendChild(review);
      var again = el("a", "hg-sc__try", self.msg("try-here"));
      again.href = self.address(visit.path);
      item.appendChild(again);
      list.appendChild(item);
    });
    view.appendChild(list);

    view.appendChild(el("h3", "hg-sc__subheading", this.msg("cites-met")));
    var cites = el("ul", "hg-sc__cites"), seen = {};
    run.visits.map(function (visit) { return visit.choice.cite; }).concat([ending.cite])
      .forEach(function (block) {
        Array.prototype.forEach.call(block.querySelectorAll("a"), function (link) {
          var key = link.getAttribute("href");
          if (seen[key]) { return; }
          seen[key] = true;
          var item = el("li");
          item.appendChild(link.cloneNode(true));
          cites.appendChild(item);
        });
      });
    view.appendChild(cites);

    var bar = this.controls({ path: [] });
    var retry = el("button", "md-button md-button--primary", this.msg("try-last"));
    retry.type = "button";
    retry.setAttribute("data-action", "try-last");
    retry.addEventListener("click", function () { self.go(run.path.slice(0, -1)); });
    bar.insertBefore(retry, bar.firstChild);
    view.appendChild(bar);
    view.appendChild(el("p", "hg-sc__saved", this.msg("saved")));

    store(PROGRESS_PREFIX + this.id, null);
    store(RESULT_PREFIX + this.id, {
      ending: ending.id, kind: ending.kind, date: today(), steps: run.path.length,
      title: this.title
    });
    return heading;
  };

  /* The shortest path of choices from the start to a step or ending, or null. */
  Player.prototype.pathTo = function (target) {
    var queue = [[this.start, []]], seen = {};
    seen[this.start] = true;
    while (queue.length) {
      var item = queue.shift(), node = item[0], path = item[1];
      if (node === target) { return path; }
      var step = this.graph.steps[node];
      if (!step) { continue; }
      step.choices.forEach(function (choice) {
        if (!seen[choice.next]) {
          seen[choice.next] = true;
          queue.push([choice.next, path.concat([choice.id])]);
        }
      });
    }
    return null;
  };

  Player.prototype.begin = function () {
    var self = this;
    this.root.classList.add("hg-sc--js");
    this.view.hidden = false;
    // A link to a step or ending of the tree (#buoc-x, #ket-x, as "cited by" lists make)
    // opens the player there, by the shortest way.
    var anchor = /^#(?:buoc|ket)-([a-z0-9-]+)$/.exec(window.location.hash);
    var linked = anchor ? this.pathTo(anchor[1]) : null;
    if (linked) { window.history.replaceState(null, "", this.address(linked)); }
    if (!this.show(false)) {
      var saved = load(PROGRESS_PREFIX + this.id);
      var path = saved && typeof saved.path === "string" && saved.path ? saved.path.split(".") : [];
      if (path.length && this.replay(path)) { this.notice = this.msg("restored"); }
      else { path = []; }
      window.history.replaceState(null, "", this.address(path));
      this.show(false);
    }
    window.addEventListener("hashchange", function () { self.show(true); });
  };

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".hg-sc[data-scenario]"), function (root) {
      new Player(root).begin();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
