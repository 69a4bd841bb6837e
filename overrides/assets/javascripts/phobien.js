/* phobien: quick exit. Loaded before Material's bundle and independent of it.
   Shift pressed three times, or the quick-exit link, hides the page at once and leaves with
   location.replace() so that Back does not return here. Nothing is stored anywhere. */
(function () {
  "use strict";
  var script = document.currentScript;
  var target = (script && script.getAttribute("data-exit")) || "https://www.google.com/";
  function leave(event) {
    if (event) { event.preventDefault(); }
    document.documentElement.style.visibility = "hidden";
    document.title = "";
    window.location.replace(target);
  }
  document.addEventListener("click", function (event) {
    var el = event.target && event.target.closest ? event.target.closest("[data-quick-exit]") : null;
    if (el) { leave(event); }
  }, true);
  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) { return; }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1500; });
    presses.push(now);
    if (presses.length >= 3) { leave(null); }
  }, true);
  if (script && script.getAttribute("data-serve")) {
    var seen = null;
    setInterval(function () {
      fetch("/__phobien/version", { cache: "no-store" }).then(function (r) { return r.text(); })
        .then(function (v) { if (seen !== null && v !== seen) { location.reload(); } seen = v; })
        .catch(function () {});
    }, 400);
  }
})();
