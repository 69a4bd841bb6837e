/* phobien search (loaded by the search page only; see phobien/search/__init__.py).
   Nothing is fetched before a person searches; the first query loads the manifest and the
   titles of the pages (when the index has them), a query the shards of its words and phrases,
   then, once typing stops, the metadata (snippets) of the results shown and, as each result
   comes into view, the text of its page for the excerpt, as <script> files calling
   __phobienSearch (works from file:// too). Nothing is stored and nothing is added to the
   history: a shared ?q= link shows its results, then the query is removed from the address.
   Tokenising, folding, stemming, hashing and ranking mirror phobien/search/tokens.py, lang.py,
   shards.py, query.py and rank.py; the ranking constants and stop words come from the
   manifest, written by the same Python. */
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
    loading: script.getAttribute("data-loading") || "…",
    missing: script.getAttribute("data-missing") || "{words}"
  };
  var PAGE = 10, FIRST = 3, DEBOUNCE = 100, QUICK = 50, EXCERPT_WORDS = 26, EXCERPTS = 2, EXCERPT_PAUSE = 250;
  var LONE_HOLD = 200;

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

  /* ---- English stems (lang.py): the Snowball English stemmer (Porter2), as snowballstemmer 3
     generates it from english.sbl; tests/search compares both on every English word of the site. */
  var EN = (function () {
    var V = "aeiouy", WXY = "aeiouywxY";
    var EXCEPTIONS = { skis: "ski", skies: "sky", idly: "idl", gently: "gentl", ugly: "ugli", early: "earli",
      only: "onli", singly: "singl", andes: "andes", atlas: "atlas", bias: "bias", cosmos: "cosmos", howe: "howe",
      news: "news", sky: "sky" };
    var PREFIXES = ["univers", "commun", "arsen", "emerg", "gener", "inter", "later", "organ", "past"];
    var STEP2 = [["ational", "ate"], ["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["abli", "able"],
      ["entli", "ent"], ["ization", "ize"], ["izer", "ize"], ["ation", "ate"], ["ator", "ate"], ["alism", "al"],
      ["aliti", "al"], ["alli", "al"], ["fulness", "ful"], ["ousli", "ous"], ["ousness", "ous"], ["iveness", "ive"],
      ["iviti", "ive"], ["biliti", "ble"], ["bli", "ble"], ["fulli", "ful"], ["lessli", "less"], ["ogist", "og"],
      ["ogi", "og"], ["li", ""]];
    var STEP3 = [["ational", "ate"], ["tional", "tion"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"],
      ["ical", "ic"], ["ative", ""], ["ful", ""], ["ness", ""]];
    var STEP4 = ["ement", "ment", "able", "ible", "ance", "ence", "ate", "iti", "ion", "ism", "ive", "ize", "ous",
      "ant", "ent", "al", "er", "ic"];
    function vowel(c) { return V.indexOf(c) >= 0; }
    function longest(w, list) {
      var best = null;
      list.forEach(function (e) {
        var s = typeof e === "string" ? e : e[0];
        if (w.length >= s.length && w.slice(w.length - s.length) === s && (!best || s.length > (typeof best === "string" ? best : best[0]).length)) { best = e; }
      });
      return best;
    }
    function region(w, from) { /* after the first non-vowel that follows a vowel */
      for (var i = from; i < w.length; i++) {
        if (vowel(w[i])) {
          for (var j = i + 1; j < w.length; j++) { if (!vowel(w[j])) { return j + 1; } }
          return w.length;
        }
      }
      return w.length;
    }
    function shortv(w) { /* at the end: non-v, v, non-v-WXY; or v, non-v at the start; or "past" */
      var n = w.length;
      if (n >= 3 && WXY.indexOf(w[n - 1]) < 0 && vowel(w[n - 2]) && !vowel(w[n - 3])) { return true; }
      if (n === 2 && !vowel(w[1]) && vowel(w[0])) { return true; }
      return w.slice(-4) === "past";
    }
    function hasVowel(s) { for (var i = 0; i < s.length; i++) { if (vowel(s[i])) { return true; } } return false; }
    function step1b(w, p1) {
      var suffix = longest(w, ["eedly", "ingly", "edly", "eed", "ing", "ed"]);
      if (!suffix) { return w; }
      var stem = w.slice(0, w.length - suffix.length);
      if (suffix === "eed" || suffix === "eedly") {
        if (stem.length < p1) { return w; }
        if (stem === "succ" || stem === "proc" || stem === "exc") { return w; }
        return stem + "ee";
      }
      if (suffix === "ing") {
        var before = longest(stem, ["even", "cann", "inn", "earr", "herr", "out", "y"]);
        if (before === "y" && stem.length === 2 && !vowel(stem[0])) { return stem.slice(0, -1) + "ie"; }
        if (before && before !== "y" && stem.length === before.length) { return w; }
      }
      if (!hasVowel(stem)) { return w; }
      w = stem;
      var end = longest(w, ["at", "bl", "iz", "bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]);
      if (end === "at" || end === "bl" || end === "iz") { return w + "e"; }
      if (end) {
        if (w.length === 3 && "aeo".indexOf(w[0]) >= 0) { return w; }
        return w.slice(0, -1);
      }
      if (p1 === w.length && shortv(w)) { return w + "e"; }
      return w;
    }
    function stem(word) {
      if (Object.prototype.hasOwnProperty.call(EXCEPTIONS, word)) { return EXCEPTIONS[word]; }
      if (word.length < 3) { return word; }
      var w = word.charAt(0) === "'" ? word.slice(1) : word;
      var found = false, chars = w.split("");
      for (var i = 0; i < chars.length; i++) {
        if (chars[i] === "y" && (i === 0 || vowel(chars[i - 1]))) { chars[i] = "Y"; found = true; }
      }
      w = chars.join("");
      var p1 = -1;
      for (var k = 0; k < PREFIXES.length; k++) { if (w.indexOf(PREFIXES[k]) === 0) { p1 = PREFIXES[k].length; break; } }
      if (p1 < 0) { p1 = region(w, 0); }
      var p2 = region(w, p1);
      /* 1a */
      var a = longest(w, ["'s'", "'s", "'"]);
      if (a) { w = w.slice(0, w.length - a.length); }
      a = longest(w, ["sses", "ied", "ies", "ss", "us", "s"]);
      if (a === "sses") { w = w.slice(0, -2); }
      else if (a === "ied" || a === "ies") { w = w.length - 3 >= 2 ? w.slice(0, -3) + "i" : w.slice(0, -3) + "ie"; }
      else if (a === "s") {
        var before = w.slice(0, -2);
        if (w.length >= 2 && hasVowel(before)) { w = w.slice(0, -1); }
      }
      /* 1b */
      w = step1b(w, p1);
      /* 1c */
      var n = w.length;
      if (n > 2 && (w[n - 1] === "y" || w[n - 1] === "Y") && !vowel(w[n - 2])) { w = w.slice(0, -1) + "i"; }
      /* 2 */
      var s2 = longest(w, STEP2);
      if (s2 && w.length - s2[0].length >= p1) {
        var st = w.slice(0, w.length - s2[0].length);
        if (s2[0] === "li") { if (st.length && "cdeghkmnrt".indexOf(st[st.length - 1]) >= 0) { w = st; } }
        else if (s2[0] === "ogi") { if (st.slice(-1) === "l") { w = st + "og"; } }
        else { w = st + s2[1]; }
      }
      /* 3 */
      var s3 = longest(w, STEP3);
      if (s3 && w.length - s3[0].length >= p1) {
        if (s3[0] === "ative") { if (w.length - 5 >= p2) { w = w.slice(0, -5); } }
        else { w = w.slice(0, w.length - s3[0].length) + s3[1]; }
      }
      /* 4 */
      var s4 = longest(w, STEP4);
      if (s4 && w.length - s4.length >= p2) {
        var rest = w.slice(0, w.length - s4.length);
        if (s4 !== "ion" || /[st]$/.test(rest)) { w = rest; }
      }
      /* 5 */
      n = w.length;
      if (w[n - 1] === "e") {
        if (n - 1 >= p2 || (n - 1 >= p1 && !shortv(w.slice(0, -1)))) { w = w.slice(0, -1); }
      } else if (w[n - 1] === "l" && n - 1 >= p2 && w[n - 2] === "l") {
        w = w.slice(0, -1);
      }
      return found ? w.replace(/Y/g, "y") : w;
    }
    return stem;
  })();
  function stemOf(m, key) {
    if (!m || m.stem !== "english" || !/^[a-z]+$/.test(key)) { return key; }
    return EN(key);
  }

  /* ---- stop words (lang.py) ---- */
  function stopWords(m) { /* folded once per manifest: parse runs on every keystroke */
    if (m && m.stopWords) { return m.stopWords; }
    var stops = Object.create(null), folded = Object.create(null);
    ((m && m.stop) || []).forEach(function (w) { stops[w] = 1; folded[fold(w)] = 1; });
    if (m) { m.stopWords = [stops, folded]; }
    return [stops, folded];
  }
  function optional(m, words) {
    var lists = stopWords(m), stops = lists[0], folded = lists[1], out;
    out = words.map(function (w) { return !!(stops[w[1]] || (w[1] === w[0] && folded[w[0]])); });
    var keys = words.map(function (w) { return w[0]; });
    ((m && m.stopPhrases) || []).forEach(function (p) {
      for (var i = 0; i + p.length <= keys.length; i++) {
        var same = true;
        for (var j = 0; j < p.length; j++) { if (keys[i + j] !== p[j]) { same = false; break; } }
        if (same) { for (j = 0; j < p.length; j++) { out[i + j] = true; } }
      }
    });
    return out;
  }

  /* A query (query.py parse): terms, quoted pairs (required) and phrases (adjacent words). */
  function words(s, m) {
    var out = [], group = 0;
    s.normalize("NFC").toLowerCase().split(QUOTES).forEach(function (part, i) {
      var quoted = i % 2 === 1;
      group++;
      runs(part).forEach(function (r) {
        if (r[1]) {
          group++;
          khmerWords(r[0]).forEach(function (w) { out.push([w, w, clusterBigrams(w), quoted, group]); });
          group++;
          return;
        }
        if (length(r[0]) > MAX_WORD) { group++; return; }
        out.push([stemOf(m, fold(r[0])), r[0], [], quoted, group]);
      });
    });
    return out;
  }
  function parse(s, m) {
    var q = { terms: [], pairs: [], phrases: [] }, found = words(s, m), index = {}, positions = [], seen = {};
    var stops = optional(m, found.map(function (w) { return w[2].length ? [w[0], w[1]] : [fold(w[1]), w[1]]; }));
    if (stops.every(function (x) { return x; })) { stops = stops.map(function () { return false; }); }
    found.forEach(function (w, i) {
      var id = w[0] + "\u0000" + w[1];
      if (index[id] === undefined) {
        index[id] = q.terms.length;
        q.terms.push({ key: w[0], exact: w[1], pairs: w[2], optional: stops[i], marked: !w[2].length && fold(w[1]) !== w[1] });
      } else if (!stops[i]) { q.terms[index[id]].optional = false; }
      positions.push(index[id]);
    });
    for (var i = 1; i < found.length; i++) {
      var a = found[i - 1], b = found[i];
      if (a[4] !== b[4] || a[2].length || b[2].length) { continue; }
      if (a[3] && b[3]) { q.pairs.push(a[0] + " " + b[0]); }
      var ab = positions[i - 1] + "," + positions[i];
      if (!(stops[i - 1] || stops[i]) && positions[i - 1] !== positions[i] && !seen[ab]) {
        seen[ab] = 1;
        q.phrases.push([positions[i - 1], positions[i]]);
      }
    }
    found.forEach(function (w) { if (w[3] && w[2].length) { q.pairs = q.pairs.concat(w[2]); } });
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
  function load(name, query, low) {
    var f = files[name];
    if (f) { return f.promise; }
    f = files[name] = {};
    f.promise = new Promise(function (resolve, reject) {
      var el = document.createElement("script");
      if (low) { el.fetchPriority = "low"; } /* after the shards a query waits for */
      el.src = base + name + ".js?" + query;
      el.onload = function () { el.remove(); if (f.data !== undefined) { resolve(f.data); } else { el.onerror(); } };
      el.onerror = function () { el.remove(); delete files[name]; reject(new Error(name)); };
      document.head.appendChild(el);
    });
    return f.promise;
  }
  function manifest() {
    if (!manifestPromise) {
      manifestPromise = load("manifest", Date.now()).then(function (m) {
        var codes = (m.kinds || []).map(function (r) { return new Array(r[1] + 1).join(r[0]); }).join("");
        m.kindIndex = new Uint8Array(m.pages); /* 1 + the kind's number in KIND_CODES; 0: unknown */
        for (var d = 0; d < m.pages; d++) { m.kindIndex[d] = m.rank.KIND_CODES.indexOf(codes.charAt(d) || "z") + 1; }
        m.levelOf = new Uint8Array(128);
        for (var i = 0; i < m.rank.LEVEL_CHARS.length; i++) { m.levelOf[m.rank.LEVEL_CHARS.charCodeAt(i)] = i; }
        /* The titles of every page, when the index has them (phobien/search/files.py): results
           are then shown once the last word's shards are in, without waiting for their metadata. */
        for (var h = 0; m.titles && h * m.titles < m.pages; h++) { load("h" + h.toString(16), m.id, true).catch(function () {}); }
        return m;
      }).catch(function (e) { manifestPromise = null; delete files.manifest; throw e; });
    }
    return manifestPromise;
  }
  function shard(m, space, key) { return space + (fnv1a(key) & (m[space] - 1)).toString(16); }
  function phraseKey(q, ab) { return q.terms[ab[0]].key + " " + q.terms[ab[1]].key; }
  function shardsOf(m, q) {
    var names = [];
    q.terms.forEach(function (t) { names.push(shard(m, "w", t.key)); });
    q.terms.forEach(function (t) { if (t.marked) { names.push(shard(m, "e", t.exact)); } });
    q.terms.forEach(function (t) { t.pairs.forEach(function (p) { names.push(shard(m, "p", p)); }); });
    q.pairs.forEach(function (p) { names.push(shard(m, "p", p)); });
    q.phrases.forEach(function (ab) { names.push(shard(m, "p", phraseKey(q, ab))); });
    return distinct(names);
  }
  function distinct(names) { return names.filter(function (n, i) { return names.indexOf(n) === i; }); }
  function fetchAll(m, names) { return Promise.all(names.map(function (n) { return load(n, m.id); })); }
  /* ---- postings (files.py): decoded once per visit into typed arrays ---- */
  var EMPTY = new Int32Array(0), EMPTY_CODES = new Uint8Array(0), decoded = {}, decodedCount = 0, DECODED_MAX = 512;
  function docList(raw, size) {
    var out = new Int32Array(size), n = 0, i, last = 0;
    if (typeof raw === "string") { /* a bitmap, 8 pages a byte */
      var bits = atob(raw), bytes = Math.min(bits.length, (size + 7) >> 3);
      for (var at = 0; at < bytes; at++) {
        var byte = bits.charCodeAt(at);
        for (i = 0; byte; i++, byte >>= 1) { if (byte & 1 && at * 8 + i < size) { out[n++] = at * 8 + i; } }
      }
      return out.slice(0, n);
    }
    if (!(raw.length > 0 && raw[0] === -1)) {
      for (i = 0; i < raw.length; i++) { last += raw[i]; out[n++] = last; }
      return out.slice(0, n);
    }
    var skip = new Uint8Array(size);
    for (i = 1; i < raw.length; i++) { last += raw[i]; skip[last] = 1; }
    for (i = 0; i < size; i++) { if (!skip[i]) { out[n++] = i; } }
    return out.slice(0, n);
  }
  /* The pages of a key (and, for words, its level in each): null when no page has it. */
  function entry(m, space, key) {
    var id = space + "\u0000" + key, e = decoded[id];
    if (e !== undefined) { return e; }
    var f = files[shard(m, space, key)];
    if (!f || !f.data) { return null; }
    var raw = Object.prototype.hasOwnProperty.call(f.data, key) ? f.data[key] : undefined;
    if (raw === undefined) { e = null; }
    else if (space !== "w") { e = { docs: docList(raw, m.pages) }; }
    else {
      var docs = docList(raw[0], m.pages), codes = new Uint8Array(docs.length);
      if (typeof raw[1] === "number") { codes.fill(raw[1]); }
      else { for (var i = 0; i < docs.length; i++) { codes[i] = m.levelOf[raw[1].charCodeAt(i)]; } }
      e = { docs: docs, codes: codes };
    }
    if (++decodedCount > DECODED_MAX) { decoded = {}; decodedCount = 0; }
    decoded[id] = e;
    return e;
  }
  function marks(docs, size) {
    var out = new Uint8Array(size);
    for (var i = 0; i < docs.length; i++) { out[docs[i]] = 1; }
    return out;
  }
  function docsOf(m, space, key) { var e = entry(m, space, key); return e ? e.docs : EMPTY; }
  function has(docs, d) { /* binary search: docs are sorted */
    var lo = 0, hi = docs.length - 1;
    while (lo <= hi) { var mid = (lo + hi) >> 1; if (docs[mid] === d) { return true; } if (docs[mid] < d) { lo = mid + 1; } else { hi = mid - 1; } }
    return false;
  }
  function idf(m, df) { return Math.log(1 + (m.pages - df + 0.5) / (df + 0.5)); }

  /* ---- matching and ranking (query.py, rank.py) ----
     Term at a time: each word's pages add to per-page sums in typed arrays, in the order of the
     query's words and then of its phrases, so that every page's sums are made of the same
     additions in the same order as in query.py (the same floats); then one pass over the
     candidates and a top-k selection of the results shown (the rest are sorted when asked). */
  function scoreTerms(m, q) {
    return q.terms.map(function (t) {
      var word = entry(m, "w", t.key), docs = word ? word.docs : EMPTY, codes = word ? word.codes : EMPTY_CODES;
      if (t.pairs.length) { /* Khmer: every cluster bigram of the word decides */
        docs = docsOf(m, "p", t.pairs[0]);
        for (var i = 1; i < t.pairs.length && docs.length; i++) {
          var other = marks(docsOf(m, "p", t.pairs[i]), m.pages);
          docs = docs.filter(function (d) { return other[d]; });
        }
        var level = word ? codesByDoc(word.docs, word.codes, m.pages) : null;
        codes = new Uint8Array(docs.length);
        for (i = 0; i < docs.length; i++) { codes[i] = (level && level[docs[i]]) || 1; }
      }
      return { term: t, docs: docs, codes: codes, exact: t.marked ? marks(docsOf(m, "e", t.exact), m.pages) : null,
        idf: idf(m, docs.length) };
    });
  }
  function codesByDoc(docs, codes, size) {
    var out = new Uint8Array(size);
    for (var i = 0; i < docs.length; i++) { out[docs[i]] = codes[i]; }
    return out;
  }
  /* What a word adds for each level (query.py _rank), folded: typed with marks the page lacks. */
  function weights(R, s, folded) {
    var out = new Float64Array(64);
    for (var code = 0; code < 64; code++) {
      var strength = (code % R.TITLE_FLAG) / R.STEPS;
      var w = s.idf * (strength + R.TITLE_BONUS * Math.floor(code / R.TITLE_FLAG) / 2);
      if (folded) { w *= R.FOLDED; }
      if (s.term.optional) { w *= R.OPTIONAL; }
      out[code] = w;
    }
    return out;
  }
  var sums = null;
  function buffers(size) {
    if (!sums || sums.size !== size) {
      sums = { size: size, score: new Float64Array(size), covered: new Float64Array(size), titled: new Float64Array(size),
        short: new Float64Array(size), present: new Uint16Array(size), exact: new Uint16Array(size), candidate: new Uint8Array(size),
        listed: new Int32Array(size) };
    } else {
      sums.score.fill(0); sums.covered.fill(0); sums.titled.fill(0); sums.short.fill(0);
      sums.present.fill(0); sums.exact.fill(0); sums.candidate.fill(0);
    }
    return sums;
  }
  function match(m, q) {
    var R = m.rank, size = m.pages, scored = scoreTerms(m, q), b = buffers(size);
    var score = b.score, covered = b.covered, titled = b.titled, short = b.short, present = b.present, exactly = b.exact;
    var candidate = b.candidate, listed = b.listed, found = 0, markedRequired = 0, i, j, d;
    var required = scored.filter(function (s) { return !s.term.optional; });
    scored.forEach(function (s) {
      var t = s.term, docs = s.docs, codes = s.codes, exact = s.exact, cap = Math.min(s.idf, R.IDF_CAP), half = cap * 0.5;
      var w = weights(R, s, false), wf = t.marked ? weights(R, s, true) : null, counted = !t.optional;
      if (t.marked && counted) { markedRequired++; }
      for (var k = 0; k < docs.length; k++) {
        var doc = docs[k], code = codes[k];
        if (wf && !exact[doc]) {
          score[doc] += wf[code];
          if (counted) { covered[doc] += half; }
        } else {
          score[doc] += w[code];
          if (counted) { covered[doc] += cap; if (t.marked) { exactly[doc]++; } }
        }
        if (counted) {
          present[doc]++;
          if (!candidate[doc]) { candidate[doc] = 1; listed[found++] = doc; }
          if (code >= R.TITLE_FLAG || code === R.COMMON) { titled[doc] += cap; }
          if (code >= 2 * R.TITLE_FLAG || code === R.COMMON) { short[doc] += cap; }
        }
      }
    });
    q.pairs.forEach(function (p) {
      var set = marks(docsOf(m, "p", p), size);
      for (d = 0; d < size; d++) { if (!set[d]) { candidate[d] = 0; } }
    });
    q.phrases.forEach(function (ab) {
      var docs = docsOf(m, "p", phraseKey(q, ab)), pairIdf = idf(m, docs.length), sa = scored[ab[0]], sb = scored[ab[1]];
      var la = sa.byDoc || (sa.byDoc = codesByDoc(sa.docs, sa.codes, size));
      var lb = sb.byDoc || (sb.byDoc = codesByDoc(sb.docs, sb.codes, size));
      for (var k = 0; k < docs.length; k++) {
        var doc = docs[k], ca = la[doc], cb = lb[doc];
        var strengths = (ca ? (ca % R.TITLE_FLAG) / R.STEPS : 0) + (cb ? (cb % R.TITLE_FLAG) / R.STEPS : 0);
        score[doc] += R.PHRASE * pairIdf * strengths / 2;
      }
    });
    var totalIdf = required.reduce(function (a, s) { return a + Math.min(s.idf, R.IDF_CAP); }, 0) || 1;
    var numbered = required.some(function (s) { return /[0-9]/.test(s.term.key); });
    var asked = Object.create(null), wanted = "";
    required.forEach(function (s) { asked[s.term.key] = 1; });
    Object.keys(m.kindNames || {}).sort().forEach(function (c) {
      var keys = m.kindNames[c];
      if (keys.length && keys.every(function (k) { return asked[k]; })) { wanted += c; }
    });
    var factor = [1].concat(R.KINDS.map(function (w, k) { return wanted.indexOf(R.KIND_CODES.charAt(k)) >= 0 ? 1 : w; }));
    var n = 0, best = 0, complete = false, named = R.NAMED_SHARE * totalIdf, all = required.length;
    for (j = 0; j < found; j++) { if (candidate[listed[j]]) { n++; } }
    var ids = new Int32Array(n), unnamed = new Uint8Array(n), lacking = new Uint16Array(n);
    var values = new Float64Array(n), coverage = new Float64Array(n);
    for (j = 0, i = 0; j < found; j++) {
      d = listed[j];
      if (!candidate[d]) { continue; }
      var cov = covered[d] / totalIdf, power = 1;
      for (var c = 0; c < R.COVERAGE; c++) { power *= cov; }
      var isNamed = titled[d] >= named && (numbered || present[d] >= R.NAMED_LONG ||
        (present[d] >= R.NAMED_MIN_WORDS && short[d] >= named));
      ids[i] = d;
      unnamed[i] = isNamed ? 0 : 1;
      lacking[i] = markedRequired - exactly[d];
      values[i] = Math.floor(score[d] * power * (isNamed ? 1 : factor[m.kindIndex[d]]) * 1e6);
      coverage[i] = cov;
      if (cov > best) { best = cov; }
      if (present[d] === all) { complete = true; }
      i++;
    }
    var kept = [];
    for (i = 0; i < n; i++) { if (coverage[i] >= R.KEEP * best) { kept.push(i); } }
    var order = ranking(kept, ids, unnamed, lacking, values), first = order.top(1)[0];
    return {
      count: order.count, top: order.top,
      missing: complete || first === undefined ? [] : required.filter(function (s) { return !has(s.docs, first); }).map(function (s) { return s.term.exact; })
    };
  }
  /* The results in order (named first, then fewest words typed with marks lacking them, then
     score, then page number): only the first k are selected and sorted, as they are shown. */
  function ranking(kept, ids, unnamed, lacking, values) {
    var done = [], sorted = false;
    function before(a, b) { return unnamed[a] - unnamed[b] || lacking[a] - lacking[b] || values[b] - values[a] || ids[a] - ids[b]; }
    function top(k) {
      k = Math.min(k, kept.length);
      if (k > done.length && !sorted) {
        if (k * 4 >= kept.length) { done = kept.slice().sort(before); sorted = true; }
        else { done = select(kept, k, before); }
      }
      return done.slice(0, k).map(function (i) { return ids[i]; });
    }
    return { count: kept.length, top: top };
  }
  function select(items, k, before) { /* the k first items in order: a heap of the k best so far, worst on top */
    var heap = [];
    function down(i) {
      for (;;) {
        var l = 2 * i + 1, r = l + 1, worst = i;
        if (l < heap.length && before(heap[worst], heap[l]) < 0) { worst = l; }
        if (r < heap.length && before(heap[worst], heap[r]) < 0) { worst = r; }
        if (worst === i) { return; }
        var t = heap[i]; heap[i] = heap[worst]; heap[worst] = t; i = worst;
      }
    }
    for (var n = 0; n < items.length; n++) {
      var x = items[n];
      if (heap.length < k) {
        heap.push(x);
        for (var i = heap.length - 1; i > 0;) {
          var p = (i - 1) >> 1;
          if (before(heap[p], heap[i]) >= 0) { break; }
          var t = heap[p]; heap[p] = heap[i]; heap[i] = t; i = p;
        }
      } else if (before(x, heap[0]) < 0) { heap[0] = x; down(0); }
    }
    return heap.sort(before);
  }

  /* ---- excerpts: a passage of the page around the words found, the words in <mark> ---- */
  function tokens(s, m) {
    var out = [], nfc = s.normalize("NFC"), re = new RegExp(RUN.source, RUN.flags), w;
    while ((w = re.exec(nfc))) {
      out.push({ at: w.index, end: w.index + w[0].length, key: w[1] ? w[0] : stemOf(m, fold(w[0].toLowerCase())) });
    }
    return { text: nfc, words: out };
  }
  function excerpt(m, q, blocks) {
    var keys = Object.create(null), khmer = [];
    q.terms.forEach(function (t) { if (t.pairs.length) { khmer.push(t.key); } else if (!t.optional) { keys[t.key] = 1; } });
    var best = null;
    blocks.forEach(function (block) {
      var tk = tokens(block, m), hits = Object.create(null), firstHit = -1;
      tk.words.forEach(function (w, i) {
        var hit = keys[w.key] || khmer.some(function (k) { return w.key.indexOf(k) >= 0; });
        if (hit) { hits[w.key] = 1; if (firstHit < 0) { firstHit = i; } }
        w.hit = hit;
      });
      var n = Object.keys(hits).length;
      if (n && (!best || n > best.n)) { best = { n: n, tk: tk, first: firstHit }; }
    });
    if (!best) { return null; }
    var ws = best.tk.words, from = Math.max(0, best.first - 6), to = Math.min(ws.length, from + EXCERPT_WORDS);
    var p = document.createElement("p"), t = best.tk.text, pos = ws[from].at;
    p.className = "pb-result__excerpt";
    if (from > 0) { p.appendChild(document.createTextNode("… ")); }
    for (var i = from; i < to; i++) {
      if (ws[i].at > pos) { p.appendChild(document.createTextNode(t.slice(pos, ws[i].at))); }
      var piece = t.slice(ws[i].at, ws[i].end);
      if (ws[i].hit) { var mark = document.createElement("mark"); mark.textContent = piece; p.appendChild(mark); }
      else { p.appendChild(document.createTextNode(piece)); }
      pos = ws[i].end;
    }
    if (to < ws.length) { p.appendChild(document.createTextNode(" …")); }
    else { p.appendChild(document.createTextNode(t.slice(pos))); }
    return p;
  }
  var watcher = null, scrolled = false, waiting = [];
  window.addEventListener("scroll", function () {
    if (scrolled) { return; }
    scrolled = true;
    waiting.forEach(function (w) { w(); });
    waiting = [];
  }, { passive: true });
  /* The first EXCERPTS results get their excerpt once the reader has stopped typing for
     EXCERPT_PAUSE (results shown while typing are replaced at the next key: fetching their texts
     would only slow the next results); the others when the reader scrolls them into view (a
     query downloads little: see scripts/bench-search). */
  function settled(id, then) {
    var at = typed;
    setTimeout(function () { if (id === current && at === typed) { then(); } }, EXCERPT_PAUSE);
  }
  function watch(m, q, li, doc, id, rank) {
    function fill() {
      load("t" + doc.toString(16), m.id).then(function (blocks) {
        if (id !== current) { return; }
        var p = excerpt(m, q, blocks), old = li.querySelector("p");
        if (p) { if (old) { li.replaceChild(p, old); } else { li.appendChild(p); } }
      }).catch(function () {});
    }
    if (rank < EXCERPTS) { settled(id, fill); return; }
    if (!window.IntersectionObserver) { return; }
    if (!watcher) {
      watcher = new IntersectionObserver(function (entries) {
        entries.forEach(function (e) { if (e.isIntersecting) { watcher.unobserve(e.target); e.target.__fill(); } });
      });
    }
    li.__fill = fill;
    if (scrolled) { watcher.observe(li); } else { waiting.push(function () { watcher.observe(li); }); }
  }

  /* ---- the page ---- */
  var current = 0, state = null, timer = 0, typed = 0, lastKey = -1;

  /* While a person types, most keys are followed by another, and the files that only a prefix
     needs are waste once it comes. A word of one letter is nearly always the start of a longer
     one, and so are two consonants (ng, nh, tr: a Vietnamese syllable has a vowel): a search
     ending in one fetches its files once no key has come for LONE_HOLD (the
     manifest at once: every query needs it). Longer words are fetched at once: the last key's
     results wait for them, and a key is known to be the last only once the reader's interval
     between keys has passed (waiting that long before fetching anything, 1.1 times a 150 ms
     interval, cut the bytes of a query typed key by key by about a third but added 140-180 ms
     to its results on loopback, CPU slowed 4x: scripts/search-latency, 4 December). */
  function paused() {
    var left = lastKey + LONE_HOLD - performance.now();
    return left > 0 ? new Promise(function (resolve) { setTimeout(resolve, left); }) : Promise.resolve();
  }
  function lone(value) { /* the query ends, without a space, in a word of one letter or of two consonants */
    var all = runs(value), last = all[all.length - 1];
    if (!last || value.normalize("NFC").toLowerCase().slice(-last[0].length) !== last[0]) { return false; }
    return length(last[0]) === 1 || /^[b-df-hj-np-tv-xz]{2}$/.test(fold(last[0]));
  }
  function loaded(name) { return files[name] && files[name].data !== undefined ? files[name].data : null; }
  function missing(names) { return names.some(function (n) { return loaded(n) === null; }); }
  var NOTHING = { count: 0, top: function () { return []; }, missing: [] };
  /* A titles file's [[url, title], …], from its front-coded [shared, rest, title, …]
     (phobien/search/shards.py front_coded), once it is in; null before. */
  function titleRows(name) {
    var f = files[name];
    if (loaded(name) === null) { return null; }
    if (!f.rows) {
      var url = "";
      f.rows = [];
      for (var i = 0; i + 2 < f.data.length; i += 3) { url = url.slice(0, f.data[i]) + f.data[i + 1]; f.rows.push([url, f.data[i + 2]]); }
    }
    return f.rows;
  }
  function say(s) { if (status && status.textContent !== s) { status.textContent = s; } }

  /* The first FIRST results are shown as soon as their titles are in (a phone shows two and
     the start of a third at 412 x 823 px, fewer with its keyboard up): from the titles files,
     fetched with the manifest, or else from their metadata chunks. Their snippets and the rest
     of the page of results come once typing stops for EXCERPT_PAUSE: results shown while typing
     are replaced at the next key, and each file fetched costs a phone's main thread more than
     matching does. After "more", the whole page at once. */
  function show(m, q, found, count, id, stale, shown) {
    var docs = found.top(count), first = count > PAGE ? docs.length : Math.min(FIRST, docs.length), list;
    function chunk(d) { return "m" + Math.floor(d / m.chunk).toString(16); }
    function chunks(ds) { return distinct(ds.map(chunk)); }
    function titlesFile(d) { return "h" + Math.floor(d / m.titles).toString(16); }
    function row(d) { /* [url, title, snippet], the snippet only once its metadata chunk is in; null: neither is */
      var meta = loaded(chunk(d)), titles = m.titles ? titleRows(titlesFile(d)) : null;
      return meta ? meta[d % m.chunk] : titles ? titles[d % m.titles] : null;
    }
    function gone() { return id !== current || (stale && stale()); }
    function snippet(li, r) { /* unless its excerpt came first */
      if (!r[2] || li.querySelector("p")) { return; }
      var p = document.createElement("p");
      p.textContent = r[2];
      li.appendChild(p);
    }
    function add(from, to) {
      docs.slice(from, to).forEach(function (d, i) {
        var r = row(d), li = document.createElement("li"), a = document.createElement("a");
        li.className = "pb-result";
        a.href = new URL(r[0] || "./", root).href;
        a.textContent = r[1];
        li.appendChild(a);
        snippet(li, r);
        list.appendChild(li);
        watch(m, q, li, d, id, from + i);
      });
    }
    function more() {
      if (found.count <= count) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pb-results__more";
      button.textContent = "↓ " + (count + 1) + "–" + Math.min(found.count, count + PAGE) + " / " + found.count;
      button.addEventListener("click", function () {
        show(m, q, found, count + PAGE, id).then(function () {
          var next = box.querySelectorAll(".pb-result a")[count];
          if (next) { next.focus(); }
        });
      });
      box.appendChild(button);
    }
    /* Results whose titles file is still on its way (it was asked for with the manifest) are
       shown from whichever comes first, it or their metadata chunks: on a slow line the
       chunks share it with the titles, and either may win. */
    var untitled = docs.slice(0, first).filter(function (d) { return !row(d); });
    var chunked = fetchAll(m, chunks(count > PAGE ? docs : untitled));
    var titles = m.titles && count <= PAGE ? distinct(untitled.map(titlesFile)) : [];
    var titled = Promise.all(titles.map(function (n) { return files[n] ? files[n].promise : Promise.reject(new Error(n)); }));
    return (titles.length ? Promise.race([chunked, titled.catch(function () { return chunked; })]) : chunked).then(function () {
      if (gone()) { return; }
      if (watcher) { watcher.disconnect(); }
      list = document.createElement("ol");
      list.className = "pb-results";
      box.textContent = "";
      if (found.missing.length) {
        var note = document.createElement("p");
        note.className = "pb-results__missing";
        note.textContent = text.missing.replace("{words}", found.missing.join(", "));
        box.appendChild(note);
      }
      box.appendChild(list);
      waiting = [];
      add(0, first);
      say(text.results.replace("{n}", found.count));
      if (shown) { shown(); }
      if (count > PAGE) { more(); return; }
      return new Promise(function (resolve) { settled(id, resolve); }).then(function () {
        return fetchAll(m, chunks(docs));
      }).then(function () {
        if (gone()) { return; }
        Array.prototype.forEach.call(list.children, function (li, i) { snippet(li, row(docs[i])); });
        add(first, docs.length);
        more();
      });
    });
  }

  /* A search whose query was typed further while its files loaded stops: the search of the
     longer query is due after the pause, and the main thread of a phone is better spent on it. */
  function run(value) {
    var id = ++current, at = typed;
    function stale() { return id !== current || at !== typed; }
    /* data-search-shown: the first results are in the page; data-search-done: all of them */
    function flag(name) { box.setAttribute(name, value); }
    clearTimeout(timer);
    if (!runs(value).length) { box.textContent = ""; say(""); flag("data-search-shown"); flag("data-search-done"); return Promise.resolve(); }
    var slow = setTimeout(function () { if (id === current) { say(text.loading); } }, 200);
    return manifest().then(function (m) {
      var q = parse(value, m), names = shardsOf(m, q);
      return (lone(value) && missing(names) ? paused() : Promise.resolve()).then(function () {
        return stale() ? null : fetchAll(m, names);
      }).then(function () {
        if (stale()) { return; }
        var found = q.terms.length ? match(m, q) : NOTHING;
        state = { value: value, found: found };
        if (!found.count) { box.textContent = ""; say(text.none); return; }
        return show(m, q, found, PAGE, id, stale, function () { clearTimeout(slow); flag("data-search-shown"); });
      });
    }).catch(function () { if (id === current) { say(text.none); } })
      .then(function () {
        clearTimeout(slow);
        if (!stale()) { flag("data-search-shown"); flag("data-search-done"); }
      });
  }

  /* The shards of the words followed by a space are fetched at once, at every key: the query
     needs them whatever is typed next, and they are in memory when its search runs. */
  function prefetch(value) {
    if (!runs(value).length) { return; }
    manifest().then(function (m) { fetchAll(m, shardsOf(m, parse(value, m))).catch(function () {}); }).catch(function () {});
  }

  /* for tests/search (the Python and JavaScript rules must agree) and scripts/search-latency:
     search(value, shown) gives the first `shown` pages found (all without it) and their count */
  window.__phobienSearch.tools = {
    runs: runs, fold: fold, clusterBigrams: clusterBigrams, parse: parse, fnv1a: fnv1a, stem: EN,
    manifest: manifest, search: function (value, shown) {
      return manifest().then(function (m) {
        var q = parse(value, m);
        return fetchAll(m, shardsOf(m, q)).then(function () {
          var found = q.terms.length ? match(m, q) : NOTHING;
          return { docs: found.top(shown === undefined ? found.count : shown), count: found.count, missing: found.missing };
        });
      });
    }
  };

  /* The pause before searching is DEBOUNCE while keys come faster than that: a fast typist would
     otherwise search (and download the files of) every prefix. Once keys come slower, as on a
     phone, every key is searched whatever the pause, and a longer one only delays the results:
     it is then QUICK. */
  input.addEventListener("input", function (event) {
    var value = input.value, now = event.timeStamp || performance.now(), slow = lastKey >= 0 && now - lastKey > DEBOUNCE;
    lastKey = now;
    typed++;
    prefetch(value.replace(/\S*$/, ""));
    clearTimeout(timer);
    timer = setTimeout(function () { run(value); }, slow ? QUICK : DEBOUNCE);
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
    if (!state || state.value !== input.value) { run(input.value); }
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
    // A shared link shows its results; the history keeps the search page without the query.
    try { history.replaceState(null, "", location.pathname + location.hash); } catch (e) { /* file:// in some browsers */ }
  }
})();
