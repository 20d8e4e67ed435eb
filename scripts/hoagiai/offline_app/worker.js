/* The site's service worker, written by hand; the build puts `const RELEASE = "…";` and
 * `const SITE = {catalog, offline, usb, languages};` above this line
 * (scripts/hoagiai/offline_app/catalog.py), so every release is a new worker.
 *
 * Four caches per release: "core" (what offline.json lists as kept after the first visit,
 * plus the catalog itself), "opened" (every page and file the reader opened; at most
 * MAX_OPENED entries, the oldest go first), "search" (every part of the split search index a
 * query fetched: search/<lang>/…, every legal text's quoted words a citation note
 * fetched: trich-dan/…, and every question set the contest page drew from; bounded by the
 * site itself) and "saved" (modules saved
 * for offline, or the whole site). A new release fetches its core again, refreshes what the old caches held,
 * deletes them and takes over the open pages, which then offer to reload
 * (docs/assets/js/offline.js); it never reloads a page itself.
 *
 * Pages: network first, then what is kept, then the offline page of the page's language.
 * Other files: what is kept, then the network.
 */
"use strict";

var SCOPE = self.registration.scope;
var PREFIX = "hoagiai-";
var OWN = PREFIX + RELEASE + "-";
var CORE = OWN + "core";
var OPENED = OWN + "opened";
var SAVED = OWN + "saved";
var SEARCH = OWN + "search";
var MAX_OPENED = 150;
var CATALOG = SITE.catalog;
var OFFLINE_PAGE = SITE.offline;
var USB_FOLDER = SITE.usb;
var LANGUAGES = SITE.languages;  // the default language first

function full(path) {
  return new URL(path, SCOPE).href;
}

function sitePath(url) {
  var address = new URL(url);
  return (address.origin + address.pathname).slice(SCOPE.length);
}

function languageOf(url) {
  var path = sitePath(url);
  return LANGUAGES.filter(function (lang) {
    return lang !== LANGUAGES[0] && path.indexOf(lang + "/") === 0;
  })[0] || LANGUAGES[0];
}

function catalog() {
  return caches.open(CORE).then(function (cache) {
    return cache.match(full(CATALOG));
  }).then(function (kept) {
    return kept || fetch(full(CATALOG), { cache: "no-cache" });
  }).then(function (response) {
    return response.json();
  });
}

/* Fetch the `paths` that `cache` does not hold yet and put them into it; one missing file
 * does not stop the rest. Resolves to how many it holds. */
function keep(cacheName, paths) {
  if (!paths.length) return Promise.resolve(0);
  return caches.open(cacheName).then(function (cache) {
    return Promise.all(paths.map(function (path) {
      return cache.match(full(path)).then(function (held) {
        return held || fetch(full(path), { cache: "no-cache" }).then(function (response) {
          if (!response.ok) throw new Error(path + ": " + response.status);
          return cache.put(full(path), response);
        });
      }).then(function () { return true; }, function () { return false; });
    }));
  }).then(function (done) {
    return done.filter(Boolean).length;
  });
}

/* What the caches of older releases held, by kind ("core", "opened", "saved"). */
function heldBefore(kind) {
  return caches.keys().then(function (names) {
    var old = names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name.indexOf(OWN) !== 0 && name.slice(-kind.length - 1) === "-" + kind;
    });
    return Promise.all(old.map(function (name) {
      return caches.open(name).then(function (cache) { return cache.keys(); });
    }));
  }).then(function (lists) {
    var paths = {};
    lists.forEach(function (requests) {
      requests.forEach(function (request) { paths[sitePath(request.url)] = true; });
    });
    return Object.keys(paths);
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(fetch(full(CATALOG), { cache: "reload" }).then(function (response) {
    if (!response.ok) throw new Error(CATALOG + ": " + response.status);
    return Promise.all([response.clone().json(), caches.open(CORE)]).then(function (both) {
      var data = both[0];
      // sw.js and offline.json of different builds (a publication under way): try later.
      if (data.release !== RELEASE) throw new Error("release " + data.release);
      return both[1].put(full(CATALOG), response).then(function () { return data; });
    });
  }).then(function (data) {
    return heldBefore("core").then(function (core) {
      // The languages whose core an earlier release kept are kept again.
      var languages = LANGUAGES.filter(function (lang) {
        return core.indexOf("search/" + lang + ".js") >= 0;
      });
      var wanted = data.core.shared.concat.apply(data.core.shared, languages.map(function (lang) {
        return data.core[lang];
      }));
      return keep(CORE, wanted);
    }).then(function () {
      return Promise.all(["opened", "saved"].map(function (kind) {
        return heldBefore(kind).then(function (paths) {
          return keep(OWN + kind, paths.filter(function (path) { return path in data.files; }));
        });
      }));
    });
  }).then(function () {
    return self.skipWaiting();
  }));
});

/* Deletes the caches of other releases (again at each page's first message: an old worker
 * still answering a request may have opened one after the new one took over). */
function forgetOld() {
  return caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name.indexOf(OWN) !== 0;
    }).map(function (name) { return caches.delete(name); }));
  });
}

self.addEventListener("activate", function (event) {
  event.waitUntil(forgetOld().then(function () {
    return self.clients.claim();
  }));
});

function keepOpened(url, response) {
  return caches.open(OPENED).then(function (cache) {
    return cache.put(url, response).then(function () { return cache.keys(); }).then(function (keys) {
      return Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_OPENED)).map(function (old) {
        return cache.delete(old);
      }));
    });
  });
}

/* A part of the split search index (search/<lang>/w|p|s/<n>.js), not its head, the words
 * citation notes quote from one legal text ([<lang>/]trich-dan/<document>.js), or the
 * questions of one set the contest page drew from ([<lang>/]trac-nghiem/hoi-thi/cau-hoi/
 * <set>.js, scripts/hoagiai/kit/contest_page.py): loaded on demand, bounded by the site
 * itself, so never evicted as pages are. */
function isOnDemandPart(url) {
  return /^(search\/[a-z]+\/|([a-z]{2}\/)?(trich-dan|trac-nghiem\/hoi-thi\/cau-hoi)\/)/.test(
    sitePath(url));
}

function keepFetched(url, response) {
  if (!isOnDemandPart(url)) return keepOpened(url, response);
  return caches.open(SEARCH).then(function (cache) { return cache.put(url, response); });
}

function kept(url) {
  return caches.match(url, { ignoreSearch: true });
}

function offlinePage(url) {
  var lang = languageOf(url);
  var page = full((lang === LANGUAGES[0] ? "" : lang + "/") + OFFLINE_PAGE);
  return kept(page).then(function (response) {
    if (!response) {
      return new Response("Không có mạng. / You are offline.", {
        status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" }
      });
    }
    return Response.redirect(page + "?trang=" + encodeURIComponent(sitePath(url)), 302);
  });
}

function page(event) {
  var url = event.request.url.split("#")[0].split("?")[0];
  return fetch(event.request).then(function (response) {
    if (response.ok && response.type === "basic") {
      event.waitUntil(keepOpened(url, response.clone()));
    }
    return response;
  }, function () {
    return kept(url).then(function (response) {
      return response || offlinePage(url);
    });
  });
}

function file(event) {
  var url = event.request.url.split("#")[0].split("?")[0];
  return kept(url).then(function (response) {
    return response || fetch(event.request).then(function (fetched) {
      if (fetched.ok && fetched.status === 200 && fetched.type === "basic") {
        event.waitUntil(keepFetched(url, fetched.clone()));
      }
      return fetched;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return;
  // The worker itself, and the USB copy with its note (large, one per publication): the
  // network only, never kept.
  if (sitePath(request.url) === "sw.js" || sitePath(request.url).indexOf(USB_FOLDER) === 0) return;
  if (request.headers.has("range")) return;
  event.respondWith(request.mode === "navigate" ? page(event) : file(event));
});

/* Messages from the pages: {keep: "language", lang, opened} keeps a language's core and the
 * page with its files (the first visit), {keep: "paths", paths} keeps a module or the whole
 * site. The answer goes to the
 * port sent along: {release, done, asked}. */
self.addEventListener("message", function (event) {
  var message = event.data || {};
  var port = event.ports[0];
  var work = catalog().then(function (data) {
    if (message.keep === "language" && data.core[message.lang]) {
      // The page that asks, and what it loaded, may have come before the worker.
      var opened = (message.opened || []).filter(function (url) {
        return url.indexOf(SCOPE) === 0 && sitePath(url) in data.files;
      }).map(sitePath);
      return Promise.all([keep(CORE, data.core[message.lang]), keep(OPENED, opened),
                          forgetOld()]).then(function (done) {
        return { done: done[0], asked: data.core[message.lang].length };
      });
    }
    if (message.keep === "paths" && Array.isArray(message.paths)) {
      var paths = message.paths.filter(function (path) { return path in data.files; });
      return keep(SAVED, paths).then(function (done) {
        return { done: done, asked: paths.length };
      });
    }
    return { done: 0, asked: 0 };
  }).then(function (answer) {
    answer.release = RELEASE;
    if (port) port.postMessage(answer);
  }, function () {
    if (port) port.postMessage({ release: RELEASE, done: 0, asked: -1 });
  });
  event.waitUntil(work);
});
