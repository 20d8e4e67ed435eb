/* The search box in the header (overrides/partials/search.html): Material's box and
 * overlay, driven by our engine. Nothing is loaded until someone starts a search; then
 * search-engine.js, the head of the index of this language (search/<lang>.js) and
 * search.css load, and each query loads the parts of the index it needs
 * (search/<lang>/w/<key>.js, search/<lang>/p/<page>.js, search/<lang>/s/<section>.js,
 * see scripts/hoagiai/search/shards.py), all as ordinary <script> and <link> elements,
 * which also work from file://, and never from another host. Results are links; the
 * matched words are marked as written.
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
  var help = root.querySelector(".hg-search-help");  // where else to look, when nothing is found
  var opener = document.querySelector(".md-header__button[for=__search]");
  var text = (window.hoagiaiWords || {}).search || {};  // assets/js/words-<lang>.js
  var hint = status.textContent;  // what the box says before a search, in the page's language
  var siteRoot = new URL(root.dataset.hgRoot.replace(/\/?$/, "/"), location.href);
  var MAX_RESULTS = 50;
  // Results described at once (each needs two parts of the index); the others when they
  // scroll into view. A 390-px phone shows three or four; over HTTP/1.1 (six connections to a
  // server) ten took four round trips of a slow 3G link where five take two.
  var DESCRIBED = 5;
  var observer = null;
  var pending = new WeakMap();  // a result's list item -> the result, until described
  var DELAY = 100;  // ms of quiet typing before searching
  var engine = null;
  var loading = null;
  var timer = 0;
  var shown = null;  // the query whose results are on screen
  var described = true;  // whether its first results are described yet (or cannot be)

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

  /* One part of the index ("w/ho", "p/3", "s/12"): search/<lang>/<name>.js, beside the head. */
  function loadPart(name) {
    return load("script", { src: root.dataset.hgIndex.replace(/\.js$/, "/") + name + ".js" });
  }

  function failed() {
    busy(false);
    say(text.failed);
  }

  /* The engine is here but a part a query needs is not: offline, and never fetched (the
   * service worker keeps the parts it fetched, and all of them after "save everything"). */
  function notKept() {
    if (observer) observer.disconnect();
    list.replaceChildren();  // results of earlier words would read as these words' results
    if (help) help.hidden = true;
    busy(false);
    shown = null;  // the same words are searched again once the part can be had
    say(text.notKept);
  }

  function start() {
    if (!loading) {
      busy(true);
      say(text.loading);
      loading = Promise.all([
        load("script", { src: new URL("assets/js/search-engine.js", siteRoot).href }),
        load("script", { src: root.dataset.hgIndex }),
        // Results wait for their styles, so a phone never shows them unstyled and too wide.
        load("link", { rel: "stylesheet", href: new URL("assets/css/search.css", siteRoot).href }).catch(function () {
          // Without it, results keep Material's styles: still readable, nothing to tell.
        })
      ]).then(function () {
        engine = new window.hoagiaiSearchEngine.Engine(window.hoagiaiSearchIndex, loadPart);
        search();
      }, failed);
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

  /* Loads the term shards the query needs and shows its results at once, each as its page's
   * title and link; the first ones are then described as their parts arrive, the others when
   * they scroll into view. Nothing is shown if the reader has typed on meanwhile. */
  function search() {
    if (!engine) return;
    var asked = input.value;
    if (asked === shown) {  // what is on screen already is not announced twice
      if (described) busy(false);  // else the search under way ends the wait
      return;
    }
    engine.prepare(asked).then(function () {
      if (input.value !== asked) return null;
      var found = asked.trim() ? engine.search(asked, MAX_RESULTS) : { total: 0, results: [] };
      shown = asked;
      described = false;
      return describe(show(asked, found)).catch(function () {
        // Offline, the parts never fetched: the titles stay (search.css hides the grey lines
        // once the list is not busy), and the same words are searched again when typed.
        if (shown === asked) shown = null;
      }).then(function () {
        if (shown === asked) described = true;
        if (input.value === asked) busy(false);
      });
    }, notKept);
  }

  /* Every result as its outline (page, title, link); returns the first DESCRIBED, which wait
   * for their description with grey lines in the room it will take. */
  function show(query, found) {
    if (observer) observer.disconnect();
    var items = found.results.map(function (result, i) {
      var node = item(engine.outline(result));
      pending.set(node, result);
      if (i < DESCRIBED) node.querySelector("a").append(element("span", "hg-search-result__waiting"));
      else watch(node);
      return node;
    });
    list.replaceChildren.apply(list, items);
    if (help) help.hidden = !(query.trim() && found.total === 0);
    if (!query.trim()) say(hint);
    else if (found.total === 0) say(text.none);
    else if (found.total === 1) say(text.one);
    else say(text.other.replace("{count}", found.total));
    return items.slice(0, DESCRIBED);
  }

  /* A result further down is described when it scrolls into view. */
  function watch(node) {
    observer = observer || new IntersectionObserver(function (entries) {
      var seen = entries.filter(function (entry) { return entry.isIntersecting; })
        .map(function (entry) { return entry.target; });
      seen.forEach(function (node) { observer.unobserve(node); });
      describe(seen).catch(function () {
        // Offline: the results keep their titles and links.
      });
    }, { root: list.closest(".md-search__scrollwrap") });
    observer.observe(node);
  }

  /* Loads the parts the results of `nodes` need, then puts each described result in its
   * place (if it is still listed). A reader walking the results with the keyboard stays on
   * the same link. */
  function describe(nodes) {
    if (!nodes.length) return Promise.resolve();
    return engine.describe(nodes.map(function (node) { return pending.get(node); }))
      .then(function (results) {
        nodes.forEach(function (node, i) {
          if (node.parentNode !== list) return;
          var focused = node.contains(document.activeElement);
          var full = item(results[i]);
          node.replaceWith(full);
          if (focused) full.querySelector("a").focus({ preventScroll: true });
        });
      });
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
