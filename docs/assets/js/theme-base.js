// Material for MkDocs' start-up helpers (its partials/javascripts/base.html, MIT licence),
// moved out of an inline <script> so that the Content-Security-Policy can forbid inline
// scripts. The same four globals: the storage scope of the site, a string hash, and
// helpers that read and write settings under that scope.
(function () {
  "use strict";
  var scope = new URL(document.currentScript.dataset.mdScope, location);
  window.__md_scope = scope;
  window.__md_hash = function (text) {
    return Array.from(text).reduce(function (hash, char) {
      return (hash << 5) - hash + char.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (ignored) {
      // Storage full or disabled (private browsing): settings are simply not kept.
    }
  };
})();
