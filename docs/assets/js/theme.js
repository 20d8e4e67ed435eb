/* The theme's behaviour in the browser, in place of Material for MkDocs' script bundle.
 * That bundle weighs 35 KB gzip on every first visit, mostly for features this site has
 * switched off or replaced (instant loading, Material's search, code copy, annotations,
 * versions, consent, tooltips). What the pages need from a script, and only that:
 *  - the `js` class on <html>, which Material's styles expect when scripts run;
 *  - the header shows the page's title once the page's own heading has scrolled away;
 *  - the table of contents marks the section being read and keeps it in view;
 *  - the "back to top" button shows while scrolling up, away from the top;
 *  - following a link in the navigation drawer closes it, and so does Escape;
 *  - a code block or table wider than the text, which scrolls sideways, is reachable
 *    with the Tab key (axe: scrollable-region-focusable).
 * Without JavaScript every page still works: the drawer, the sections and the language
 * menu are plain HTML and CSS, and the sidebars' height is set in site.css.
 */
(function () {
  "use strict";

  document.documentElement.classList.replace("no-js", "js");

  var header = document.querySelector("[data-md-component=header]");
  var title = document.querySelector("[data-md-component=header-title]");
  var heading = document.querySelector(".md-content h1");
  var topButton = document.querySelector("[data-md-component=top]");
  var drawer = document.getElementById("__drawer");
  var tocLinks = Array.from(document.querySelectorAll("[data-md-component=toc] a[href^='#']"));
  var targets = tocLinks.map(function (link) {
    return document.getElementById(decodeURIComponent(link.hash.slice(1)));
  });
  var TOP_BUTTON_FROM = 400;  // px scrolled before "back to top" is worth offering
  var current = -1;  // index in tocLinks of the section being read
  var lastY = window.scrollY;
  var queued = false;

  function headerBottom() {
    return header ? header.getBoundingClientRect().bottom : 0;
  }

  /* The sections are in page order: the one being read is the last that starts above
     the line just under the header. */
  function sectionBeingRead() {
    var line = headerBottom() + 8;
    var found = -1;
    for (var i = 0; i < targets.length; i++) {
      if (!targets[i]) continue;
      if (targets[i].getBoundingClientRect().top > line) break;
      found = i;
    }
    return found;
  }

  function keepInView(link) {
    var box = link.closest(".md-sidebar__scrollwrap");
    if (!box) return;
    var outer = box.getBoundingClientRect();
    var inner = link.getBoundingClientRect();
    if (inner.top < outer.top || inner.bottom > outer.bottom) {
      box.scrollTop += inner.top - outer.top - outer.height / 2;
    }
  }

  function markSection() {
    var found = sectionBeingRead();
    if (found === current) return;
    tocLinks.forEach(function (link, i) {
      link.classList.toggle("md-nav__link--active", i === found);
      link.classList.toggle("md-nav__link--passed", i < found);
    });
    current = found;
    if (found >= 0) keepInView(tocLinks[found]);
  }

  function update() {
    queued = false;
    var y = window.scrollY;
    if (header) header.classList.toggle("md-header--shadow", y > 0);
    if (title && heading) {
      title.classList.toggle("md-header__title--active",
                             heading.getBoundingClientRect().bottom <= headerBottom());
    }
    if (topButton) topButton.hidden = !(y < lastY && y > TOP_BUTTON_FROM);
    lastY = y;
    markSection();
  }

  function queueUpdate() {
    if (!queued) {
      queued = true;
      window.requestAnimationFrame(update);
    }
  }

  function reachScrollers() {
    document.querySelectorAll(".md-typeset pre > code, .md-typeset table:not([class])")
      .forEach(function (box) {
        if (box.scrollWidth > box.clientWidth) box.tabIndex = 0;
        else box.removeAttribute("tabindex");
      });
  }

  window.addEventListener("scroll", queueUpdate, { passive: true });
  window.addEventListener("resize", function () {
    queueUpdate();
    reachScrollers();
  });
  update();
  reachScrollers();

  if (topButton) {
    topButton.addEventListener("click", function () {
      topButton.blur();
      window.scrollTo({ top: 0 });
    });
  }

  if (drawer) {
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (sidebar) {
      sidebar.addEventListener("click", function (event) {
        if (event.target.closest("a[href]")) drawer.checked = false;
      });
    }
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) drawer.checked = false;
    });
  }
})();
