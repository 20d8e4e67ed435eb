/* The page side of offline use (the worker is sw.js, see scripts/hoagiai/offline_app/).
 *
 * On every page served over http(s): registers the worker (never from file://, the USB
 * copy), asks it to keep this language's core, and says "New content — reload" when a new
 * release takes over (it never reloads by itself: a learner in the middle of a quiz keeps
 * the page). On module pages: "Save for offline" with its size. On the offline page: why it
 * shows, what is kept (read from the caches), how much, and "Keep the whole site" with its
 * size. Where the USB copy of this release exists, a link to download it with its size.
 * Interface words come from assets/js/words-<lang>.js (scripts/hoagiai/page_words.py) and
 * from the boxes themselves.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var root = new URL("../../", script.src).href;
  var lang = document.documentElement.lang === "en" ? "en" : "vi";
  var text = (window.hoagiaiWords || {}).offline || {};  // assets/js/words-<lang>.js
  var PREFIX = "hoagiai-";
  var catalogPromise = null;

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return name in values ? values[name] : whole;
    });
  }

  function size(bytes) {
    var mega = bytes >= 1e6;
    var number = new Intl.NumberFormat(lang, { maximumFractionDigits: mega ? 1 : 0 });
    return mega ? number.format(bytes / 1e6) + " MB" : number.format(Math.max(1, bytes / 1e3)) + " KB";
  }

  function catalog() {
    if (!catalogPromise) {
      catalogPromise = fetch(root + "offline.json").then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
    }
    return catalogPromise;
  }

  function total(data, paths) {
    return paths.reduce(function (sum, path) {
      return sum + (data.files[path] ? data.files[path][0] : 0);
    }, 0);
  }

  function ask(message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { resolve(event.data); };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  /* A button that keeps `paths` (a module, or everything) and says how it went. */
  function saver(box, paths) {
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    var hint = box.querySelector("[data-hg-template]");
    catalog().then(function (data) {
      var wanted = paths(data);
      hint.textContent = fill(hint.dataset.hgTemplate, { size: size(total(data, wanted)) });
      box.hidden = false;
      button.addEventListener("click", function () {
        button.disabled = true;
        status.textContent = text.saving;
        ask({ keep: "paths", paths: wanted }).then(function (answer) {
          button.disabled = false;
          var done = answer.asked > 0 && answer.done === answer.asked;
          status.textContent = done
            ? fill(text.saved, { files: answer.done, size: size(total(data, wanted)) })
            : text.failed;
          box.dataset.hgSaved = done ? "yes" : "no";
        });
      });
    }, function () {
      // No catalog (offline before the first visit was kept): the box stays hidden.
    });
  }

  function saveModule() {
    var box = document.querySelector("[data-hg-offline-save]");
    if (box) {
      saver(box, function (data) { return data.modules[box.dataset.hgOfflineSave] || []; });
    }
  }

  /* Every response the caches hold: [request, response] pairs. */
  function keptResponses() {
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0;
      }).map(function (name) {
        return caches.open(name).then(function (cache) {
          return cache.keys().then(function (requests) {
            return Promise.all(requests.map(function (request) {
              return cache.match(request).then(function (response) { return [request, response]; });
            }));
          });
        });
      }));
    }).then(function (lists) {
      return [].concat.apply([], lists);
    });
  }

  function isOwnLanguage(path) {
    return lang === "vi" ? !/^[a-z]{2}\//.test(path) : path.indexOf(lang + "/") === 0;
  }

  function listKept(list, none, usage) {
    var seen = {};
    keptResponses().then(function (pairs) {
      var bytes = 0;
      var pages = [];
      return Promise.all(pairs.map(function (pair) {
        var path = pair[0].url.slice(root.length);
        return pair[1].clone().blob().then(function (blob) {
          if (seen[path]) return;
          seen[path] = true;
          bytes += blob.size;
          var type = pair[1].headers.get("Content-Type") || "";
          if (type.indexOf("text/html") !== 0 || !isOwnLanguage(path)) return;
          return blob.text().then(function (html) {
            var page = new DOMParser().parseFromString(html, "text/html");
            var heading = page.querySelector("h1") || page.createElement("h1");
            Array.prototype.forEach.call(heading.querySelectorAll(".headerlink"), function (link) {
              link.remove();
            });
            pages.push({ path: path, title: heading.textContent.trim() || path });
          });
        });
      })).then(function () {
        usage.textContent = fill(usage.dataset.hgTemplate, {
          files: Object.keys(seen).length, size: size(bytes)
        });
        pages.sort(function (a, b) { return a.path < b.path ? -1 : 1; });
        pages.forEach(function (page) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = root + page.path;
          link.textContent = page.title;
          item.appendChild(link);
          list.appendChild(item);
        });
        none.hidden = pages.length > 0;
        document.documentElement.dataset.hgKept = String(pages.length);
      });
    });
  }

  function offlinePage() {
    var box = document.querySelector("[data-hg-offline-page]");
    if (!box) return;
    var noWorker = document.querySelector("[data-hg-offline-noworker]");
    if (noWorker) noWorker.hidden = true;
    var from = new URLSearchParams(location.search).get("trang");
    if (from !== null) {
      var missing = document.querySelector("[data-hg-offline-missing]");
      var link = missing.querySelector("a");
      link.href = root + from.replace(/^\/+/, "");
      link.textContent = root.replace(/^https?:\/\/[^/]+/, "") + from.replace(/^\/+/, "");
      missing.hidden = false;
    }
    listKept(box.querySelector("[data-hg-offline-list]"), box.querySelector("[data-hg-offline-none]"),
             box.querySelector("[data-hg-offline-usage]"));
    saver(box.querySelector("[data-hg-offline-all]"), function (data) {
      return Object.keys(data.files).filter(function (path) {
        var fileLang = data.files[path][1];
        return fileLang === "" || fileLang === lang;
      });
    });
  }

  /* The USB copy of this release, if `hoagiai publish` put one next to the site. */
  function usbLinks() {
    var boxes = document.querySelectorAll("[data-hg-usb]");
    if (!boxes.length) return;
    fetch(root + "tai-ve/ban-usb.json", { cache: "no-cache" }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (note) {
      if (!note || !note.file) return;  // no USB copy with this release
      Array.prototype.forEach.call(boxes, function (box) {
        var link = document.createElement("a");
        link.href = root + "tai-ve/" + note.file;
        link.setAttribute("download", note.file);
        link.textContent = fill(box.dataset.hgTemplate, { size: size(note.bytes) });
        box.textContent = "";
        box.appendChild(link);
        box.hidden = false;
      });
    }, function () {
      // Offline or not published with a copy: the box stays as it is.
    });
  }

  function showUpdate() {
    if (document.querySelector(".hg-update")) return;
    var bar = document.createElement("div");
    bar.className = "hg-update";
    bar.setAttribute("role", "status");
    var words = document.createElement("span");
    words.textContent = text.update;
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = text.reload;
    button.addEventListener("click", function () { location.reload(); });
    bar.appendChild(words);
    bar.appendChild(button);
    document.body.appendChild(bar);
  }

  if (!/^https?:$/.test(location.protocol)) {  // the USB copy: no worker, nothing to keep
    Array.prototype.forEach.call(document.querySelectorAll("[data-hg-offline-noworker]"),
                                 function (element) { element.hidden = true; });
    return;
  }
  usbLinks();
  if (!("serviceWorker" in navigator) || !window.caches) return;
  var controlled = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (controlled) showUpdate();
    controlled = true;
  });
  /* Without a network, search results whose page is not kept say so (they would open
   * the offline page). */
  function markSearchResults() {
    var list = document.getElementById("hg-search-results");
    if (!list || !window.MutationObserver) return;
    new MutationObserver(function () {
      if (navigator.onLine) return;
      Array.prototype.forEach.call(list.querySelectorAll("a:not([data-hg-checked])"), function (link) {
        link.setAttribute("data-hg-checked", "");
        caches.match(link.href.split("#")[0], { ignoreSearch: true }).then(function (response) {
          if (response) return;
          var note = document.createElement("span");
          note.className = "hg-not-kept";
          note.textContent = " " + text.notKept;
          link.appendChild(note);
        });
      });
    }).observe(list, { childList: true });
  }

  /* After the page has loaded: on a slow connection what is kept for later never competes
   * with what the reader is waiting for now. */
  function start() {
    navigator.serviceWorker.register(root + "sw.js", { scope: root }).then(function () {
      var opened = performance.getEntriesByType("resource").map(function (entry) {
        return entry.name.split("#")[0];
      });
      opened.push(location.href.split(/[?#]/)[0]);
      return ask({ keep: "language", lang: lang, opened: opened });
    }).then(function (answer) {
      document.documentElement.dataset.hgOffline = answer.release;
    }, function () {
      // No worker (private window, storage refused): the site works online as before.
    });
  }
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start);
  saveModule();
  offlinePage();
  markSearchResults();
})();
