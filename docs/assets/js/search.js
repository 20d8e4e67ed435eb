/* The search box in the header (overrides/partials/search.html): Material's box and
 * overlay, driven by our engine. Nothing is loaded until someone starts a search; then
 * search-engine.js, the index of this language (search/<lang>.js) and search.css load
 * as ordinary <script> and <link> elements, which also work from file://, and never
 * from another host. Results are links; the matched words are marked as written.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-hg-search]");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) return;
  var form = root.querySelector("form");
  var input = form.elements.q;
  var status = root.querySelector("[role=status]");
  var list = root.querySelector("ol");
  var opener = document.querySelector(".md-header__button[for=__search]");
  var text = JSON.parse(root.dataset.hgText);
  var siteRoot = new URL(root.dataset.hgRoot.replace(/\/?$/, "/"), location.href);
  var MAX_RESULTS = 50;
  var DELAY = 100;  // ms of quiet typing before searching
  var engine = null;
  var loading = null;
  var timer = 0;
  var shown = null;  // the query whose results are on screen

  function load(element, attributes) {
    return new Promise(function (resolve, reject) {
      var node = document.createElement(element);
      Object.assign(node, attributes, { onload: resolve, onerror: reject });
      document.head.appendChild(node);
    });
  }

  /* The list is busy (aria-busy) from a keystroke until its results are shown. */
  function busy(state) {
    if (state) list.setAttribute("aria-busy", "true");
    else list.removeAttribute("aria-busy");
  }

  function start() {
    if (!loading) {
      busy(true);
      say(text.loading);
      load("link", { rel: "stylesheet", href: root.dataset.hgStyle }).catch(function () {
        // Without it, results keep Material's styles: still readable, nothing to tell.
      });
      loading = Promise.all([
        load("script", { src: root.dataset.hgEngine }),
        load("script", { src: root.dataset.hgIndex })
      ]).then(function () {
        engine = new window.hoagiaiSearchEngine.Engine(window.hoagiaiSearchIndex);
        search();
      }, function () {
        busy(false);
        say(text.failed);
      });
    }
  }

  function open() {
    if (!toggle.checked) toggle.click();
    start();
  }

  function close() {
    if (toggle.checked) toggle.click();
    input.blur();
  }

  function say(message) {
    status.textContent = message;
  }

  function search() {
    if (!engine) return;
    if (input.value !== shown) {  // what is on screen already is not announced twice
      shown = input.value;
      show(shown);
    }
    busy(false);
  }

  function show(query) {
    var found = query.trim() ? engine.search(query, MAX_RESULTS) : { total: 0, results: [] };
    list.replaceChildren.apply(list, found.results.map(item));
    if (!query.trim()) say(text.hint);
    else if (found.total === 0) say(text.none);
    else if (found.total === 1) say(text.one);
    else say(text.other.replace("{count}", found.total));
  }

  function element(name, className, children) {
    var node = document.createElement(name);
    if (className) node.className = className;
    node.append.apply(node, children || []);
    return node;
  }

  /* [piece, marked] pairs from the engine as text and <mark> elements: never as HTML. */
  function pieces(parts) {
    return parts.map(function (part) { return part[1] ? element("mark", "", [part[0]]) : part[0]; });
  }

  function link(url, className, children) {
    var node = element("a", className, children);
    node.href = new URL(url, siteRoot).href;
    return node;
  }

  function item(result) {
    var title = element("span", "hg-search-result__title", pieces(result.title));
    if (result.section) title.append(" › ", ...pieces(result.section));
    var body = [title];
    if (result.snippet.length) {
      body.push(element("span", "hg-search-result__snippet", pieces(result.snippet)));
    }
    if (result.missing.length) {
      var missing = result.missing.map(function (word) { return element("del", "", [word]); });
      body.push(element("span", "hg-search-result__missing", [text.missing + " "].concat(
        missing.flatMap(function (word, i) { return i ? [", ", word] : [word]; }))));
    }
    var children = [link(result.url, "md-search-result__link hg-search-result", body)];
    if (result.more.length) {
      var more = element("ul", "hg-search-result__more", result.more.map(function (section) {
        return element("li", "", [link(section.url, "", pieces(section.heading))]);
      }));
      more.setAttribute("aria-label", text.more);
      children.push(more);
    }
    return element("li", "md-search-result__item", children);
  }

  /* Up and down arrows walk from the box through the result links and back. */
  function walk(event) {
    var stops = [input].concat(Array.from(list.querySelectorAll("a")));
    var at = stops.indexOf(document.activeElement);
    if (at < 0) return;
    var step = event.key === "ArrowDown" ? 1 : stops.length - 1;
    stops[(at + step) % stops.length].focus();
    event.preventDefault();
  }

  function typingElsewhere() {
    var active = document.activeElement;
    return active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName));
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", function () {
    busy(true);
    open();
    clearTimeout(timer);
    timer = setTimeout(search, DELAY);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var best = list.querySelector("a");
    if (best) best.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { search(); input.focus(); });
  });
  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape") close();
    else if (event.key === "ArrowDown" || event.key === "ArrowUp") walk(event);
  });
  root.addEventListener("focusout", function (event) {
    if (toggle.checked && event.relatedTarget && !root.contains(event.relatedTarget)) close();
  });
  toggle.addEventListener("change", function () {
    list.hidden = !toggle.checked;
  });
  // On phones the box is hidden behind the header's magnifier: focusing the box on its
  // click is what brings up the keyboard.
  if (opener) opener.addEventListener("click", function () { input.focus(); });
  document.addEventListener("keydown", function (event) {
    if (toggle.checked || event.ctrlKey || event.metaKey || event.altKey || typingElsewhere()) return;
    if (event.key === "/" || event.key === "s") {
      event.preventDefault();
      input.focus();
    }
  });

  // A link to a search: page/?q=hòa+giải opens the box with that query.
  var asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    input.value = asked;
    input.focus();
    open();
  }
})();
