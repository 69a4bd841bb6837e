/* phobien search (loaded by the search page only; see phobien/search/__init__.py).
   Nothing is fetched before a person searches; a query loads the manifest, the shards of its
   words and the metadata of the results shown, as <script> files calling __phobienSearch (works
   from file:// too). Nothing is stored: the query lives in the address only (?q=), so that a
   search can be linked. Tokenising, folding and hashing mirror phobien/search/tokens.py,
   shards.py and query.py: change both together. */
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.querySelector("form.pb-search");
  var input = form && form.querySelector("input[name=q]");
  var status = document.querySelector(".pb-search__status");
  var box = document.querySelector("[data-search-results]");
  if (!script || !input || !box) { return; }
  var base = new URL(script.getAttribute("data-index") || "search/", document.baseURI).href;
  var root = new URL("../", base).href;
  var text = {
    results: script.getAttribute("data-results") || "{n}",
    none: script.getAttribute("data-no-results") || "0",
    loading: script.getAttribute("data-loading") || "…"
  };
  var PAGE = 10, DEBOUNCE = 150, AHEAD = 60;

  /* ---- words (tokens.py) ---- */
  var KHMER = "\\u1780-\\u17FF\\u19E0-\\u19FF";
  var RUN;
  try {
    RUN = new RegExp("((?:(?=[\\p{L}\\p{M}\\p{N}])[" + KHMER + "])+)|(?:(?![" + KHMER + "])[\\p{L}\\p{M}\\p{N}])+", "gu");
  } catch (e) { /* before 2018: Latin, Vietnamese and Khmer only */
    RUN = /([\u1780-\u17D3\u17D7\u17DC\u17DD\u17E0-\u17E9\u17F0-\u17F9]+)|[0-9A-Za-z\u00AA\u00B5\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0300-\u036F\u1E00-\u1EFF]+/g;
  }
  var MARK;
  try { MARK = new RegExp("\\p{Mn}", "u"); } catch (e) { MARK = /[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]/; }
  var CLUSTER = /[\u1780-\u17B3](?:\u17D2[\u1780-\u17B3]|[\u17B4-\u17D1\u17D3\u17DD])*|[\s\S]/g;
  var QUOTES = /["\u201C\u201D\u201E]/;
  var MAX_WORD = 40;
  var segmenter = null;

  function runs(s) {
    var out = [], m;
    RUN.lastIndex = 0;
    while ((m = RUN.exec(s.normalize("NFC").toLowerCase()))) { out.push([m[0], !!m[1]]); }
    return out;
  }
  function fold(s) {
    var out = [], chars = Array.from(s.replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD"));
    for (var i = 0; i < chars.length; i++) {
      var last = out[out.length - 1];
      if (last && last.charCodeAt(0) < 128 && MARK.test(chars[i])) { continue; }
      out.push(chars[i]);
    }
    return out.join("").normalize("NFC").toLowerCase();
  }
  function clusterBigrams(run) {
    var cs = run.match(CLUSTER) || [], out = [];
    for (var i = 1; i < cs.length; i++) { out.push(cs[i - 1] + "_" + cs[i]); }
    return out;
  }
  function khmerWords(run) {
    if (!segmenter && window.Intl && Intl.Segmenter) { segmenter = new Intl.Segmenter("km", { granularity: "word" }); }
    if (!segmenter) { return [run]; }
    return Array.from(segmenter.segment(run), function (s) { return s.segment; }).filter(function (w) { return w.trim(); });
  }
  function length(s) { return Array.from(s).length; }

  /* A query: terms (all must be in a page) and pairs (phrase bigrams of quoted text). */
  function parse(s) {
    var q = { terms: [], pairs: [] }, seen = {};
    function add(key, exact, pairs) {
      if (seen[key + "\u0000" + exact]) { return; }
      seen[key + "\u0000" + exact] = 1;
      q.terms.push({ key: key, exact: exact, pairs: pairs });
    }
    s.normalize("NFC").toLowerCase().split(QUOTES).forEach(function (part, i) {
      var quoted = i % 2 === 1, previous = null;
      runs(part).forEach(function (r) {
        if (r[1]) {
          previous = null;
          if (quoted) { q.pairs = q.pairs.concat(clusterBigrams(r[0])); }
          khmerWords(r[0]).forEach(function (w) { add(w, w, clusterBigrams(w)); });
          return;
        }
        if (length(r[0]) > MAX_WORD) { previous = null; return; }
        var key = fold(r[0]);
        add(key, r[0], []);
        if (quoted && previous !== null) { q.pairs.push(previous + " " + key); }
        previous = key;
      });
    });
    q.pairs = q.pairs.filter(function (p, i) { return q.pairs.indexOf(p) === i; });
    return q;
  }

  /* ---- files (shards.py, files.py) ---- */
  function fnv1a(s) {
    var h = 0x811c9dc5;
    var bytes = unescape(encodeURIComponent(s));
    for (var i = 0; i < bytes.length; i++) { h = Math.imul(h ^ bytes.charCodeAt(i), 0x01000193) >>> 0; }
    return h;
  }
  var files = {}, manifestPromise = null;
  window.__phobienSearch = function (name, data) { if (files[name]) { files[name].data = data; } };
  /* for tests/test_search_browser.py: the Python and JavaScript rules must agree */
  window.__phobienSearch.tools = { runs: runs, fold: fold, clusterBigrams: clusterBigrams, parse: parse, fnv1a: fnv1a };
  function load(name, query) {
    var f = files[name];
    if (f) { return f.promise; }
    f = files[name] = {};
    f.promise = new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      el.src = base + name + ".js?" + query;
      el.onload = function () { el.remove(); if (f.data !== undefined) { resolve(f.data); } else { el.onerror(); } };
      el.onerror = function () { el.remove(); delete files[name]; reject(new Error(name)); };
      document.head.appendChild(el);
    });
    return f.promise;
  }
  function manifest() {
    if (!manifestPromise) {
      manifestPromise = load("manifest", Date.now()).catch(function (e) { manifestPromise = null; delete files.manifest; throw e; });
    }
    return manifestPromise;
  }
  function shard(m, space, key) { return space + (fnv1a(key) & (m[space] - 1)).toString(16); }
  function shardsOf(m, q) {
    var names = [];
    q.terms.forEach(function (t) {
      names.push(shard(m, "w", t.key));
      if (t.exact !== t.key) { names.push(shard(m, "e", t.exact)); }
      t.pairs.forEach(function (p) { names.push(shard(m, "p", p)); });
    });
    q.pairs.forEach(function (p) { names.push(shard(m, "p", p)); });
    return names.filter(function (n, i) { return names.indexOf(n) === i; });
  }
  function fetchAll(m, names) { return Promise.all(names.map(function (n) { return load(n, m.id); })); }
  function get(m, space, key) { var f = files[shard(m, space, key)]; return f && f.data ? f.data[key] : undefined; }

  function positions(raw, size) {
    var out = [], i;
    if (typeof raw === "string") {
      var bits = atob(raw);
      for (i = 0; i < size; i++) { if (bits.charCodeAt(i >> 3) >> (i & 7) & 1) { out.push(i); } }
      return out;
    }
    var complement = raw.length > 0 && raw[0] === -1, last = 0, listed = [];
    for (i = complement ? 1 : 0; i < raw.length; i++) { last += raw[i]; listed.push(last); }
    if (!complement) { return listed; }
    var skip = {};
    listed.forEach(function (n) { skip[n] = 1; });
    for (i = 0; i < size; i++) { if (!skip[i]) { out.push(i); } }
    return out;
  }
  function pages(m, space, key) {
    var raw = get(m, space, key);
    return raw === undefined ? [] : positions(raw, m.pages);
  }
  function intersect(a, b) {
    var set = {};
    b.forEach(function (n) { set[n] = 1; });
    return a.filter(function (n) { return set[n]; });
  }

  /* ---- matching and ranking (query.py) ---- */
  function match(m, q) {
    var candidates = null, scored = [];
    q.terms.forEach(function (t) {
      var raw = get(m, "w", t.key), docs, exact, levels = {};
      var wordDocs = raw === undefined ? [] : positions(raw[0], m.pages);
      wordDocs.forEach(function (d, i) { levels[d] = raw[1] === 1 ? 1 : +raw[1].charAt(i); });
      if (t.pairs.length) {
        docs = t.pairs.map(function (p) { return pages(m, "p", p); }).reduce(intersect);
        exact = [];
      } else {
        docs = wordDocs;
        exact = t.exact !== t.key ? pages(m, "e", t.exact) : [];
      }
      var exactSet = {};
      exact.forEach(function (d) { exactSet[d] = 1; });
      scored.push({ levels: levels, exact: exactSet, idf: Math.log(1 + m.pages / Math.max(1, docs.length)) });
      candidates = candidates === null ? docs : intersect(candidates, docs);
    });
    q.pairs.forEach(function (p) { candidates = intersect(candidates, pages(m, "p", p)); });
    var ranked = candidates.map(function (d) {
      var hits = 0, score = 0;
      scored.forEach(function (s) {
        if (s.exact[d]) { hits++; }
        if (s.levels[d]) { score += s.idf * s.levels[d]; }
      });
      return [hits, Math.floor(score * 1e6), d];
    });
    ranked.sort(function (a, b) { return b[0] - a[0] || b[1] - a[1] || a[2] - b[2]; });
    return ranked.map(function (r) { return r[2]; });
  }

  /* ---- the page ---- */
  var current = 0, state = null, timer = 0, early = 0;
  function say(s) { if (status && status.textContent !== s) { status.textContent = s; } }

  function show(m, docs, count, id) {
    var chunks = docs.slice(0, count).map(function (d) { return "m" + Math.floor(d / m.chunk).toString(16); });
    return fetchAll(m, chunks).then(function () {
      if (id !== current) { return; }
      var list = document.createElement("ol");
      list.className = "pb-results";
      docs.slice(0, count).forEach(function (d) {
        var row = files["m" + Math.floor(d / m.chunk).toString(16)].data[d % m.chunk];
        var li = document.createElement("li"), a = document.createElement("a"), p = document.createElement("p");
        li.className = "pb-result";
        a.href = new URL(row[0] || "./", root).href;
        a.textContent = row[1];
        p.textContent = row[2];
        li.appendChild(a);
        if (row[2]) { li.appendChild(p); }
        list.appendChild(li);
      });
      box.textContent = "";
      box.appendChild(list);
      if (docs.length > count) {
        var more = document.createElement("button");
        more.type = "button";
        more.className = "pb-results__more";
        more.textContent = "↓ " + (count + 1) + "–" + Math.min(docs.length, count + PAGE) + " / " + docs.length;
        more.addEventListener("click", function () {
          show(m, docs, count + PAGE, id).then(function () {
            var next = box.querySelectorAll(".pb-result a")[count];
            if (next) { next.focus(); }
          });
        });
        box.appendChild(more);
      }
      say(text.results.replace("{n}", docs.length));
    });
  }

  function run(value) {
    var id = ++current, q = parse(value);
    clearTimeout(timer);
    if (!q.terms.length) { box.textContent = ""; say(""); box.setAttribute("data-search-done", value); return Promise.resolve(); }
    var slow = setTimeout(function () { if (id === current) { say(text.loading); } }, 200);
    return manifest().then(function (m) {
      return fetchAll(m, shardsOf(m, q)).then(function () {
        if (id !== current) { return; }
        var docs = match(m, q);
        state = { value: value, docs: docs };
        if (!docs.length) { box.textContent = ""; say(text.none); return; }
        return show(m, docs, PAGE, id);
      });
    }).catch(function () { if (id === current) { say(text.none); } })
      .then(function () { clearTimeout(slow); if (id === current) { box.setAttribute("data-search-done", value); } });
  }

  /* Shards are fetched ahead: of words followed by a space at once, of the whole query after a
     short pause, so that most are there when the debounced search runs. */
  function prefetch(value) {
    var q = parse(value);
    manifest().then(function (m) { if (q.terms.length) { fetchAll(m, shardsOf(m, q)).catch(function () {}); } })
      .catch(function () {});
  }

  function remember(value) {
    try {
      var url = value ? "?" + new URLSearchParams({ q: value }).toString() : location.pathname;
      history.replaceState(history.state, "", url);
    } catch (e) { /* some browsers refuse it for file:// pages */ }
  }

  input.addEventListener("input", function () {
    var value = input.value;
    prefetch(value.replace(/\S*$/, ""));
    clearTimeout(early);
    clearTimeout(timer);
    early = setTimeout(function () { prefetch(value); }, AHEAD);
    timer = setTimeout(function () { remember(value); run(value); }, DEBOUNCE);
  });
  // Enter in the box submits the form through its default button, which is the first in the
  // page: a language button of the header. Only a button pressed on purpose changes language.
  var byEnter = false;
  input.addEventListener("keydown", function (event) { if (event.key === "Enter") { byEnter = true; } });
  form.addEventListener("submit", function (event) {
    var enter = byEnter;
    byEnter = false;
    // The language buttons of the search page send the query to that language's search page.
    if (!enter && event.submitter && event.submitter.hasAttribute("formaction")) { return; }
    event.preventDefault();
    remember(input.value);
    if (!state || state.value !== input.value) { run(input.value); }
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(initial); }
})();
