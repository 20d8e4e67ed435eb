// Material for MkDocs' content script (its partials/javascripts/content.html, MIT licence),
// from a file because the Content-Security-Policy forbids inline scripts: a link to
// "#<tab id>" opens that content tab.
(function () {
  "use strict";
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) {
    target.checked = target.name.startsWith("__tabbed_");
  }
})();
