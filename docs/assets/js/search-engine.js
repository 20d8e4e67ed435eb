/* The site's search engine: matching, ranking and highlighting. search.js loads it,
 * with the head of the index of the page's language, the first time someone searches;
 * the engine then asks for the parts of the index each query needs.
 *
 * Words are read exactly as scripts/hoagiai/search/words.py reads them (the tests run
 * one table of cases through both): the *fold* of a word (lower case, no marks, "đ" as
 * "d") finds it however it was typed; its *tone key* (lower case, tone mark kept apart)
 * tells an exact match ("hoà" is "hòa") from a folded one ("đầu" for "dầu"). The index
 * format is described in scripts/hoagiai/search/index.py and shards.py.
 */
(function () {
  "use strict";

  var TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
  var MARKS = /[\u0300-\u036f]/g;
  var WORD = /[\p{L}\p{N}\u0300-\u036f]+/gu;
  var ENDS_IN_WORD = /[\p{L}\p{N}\u0300-\u036f]$/u;
  var MAX_TERMS = 12;       // more words than this in a query add nothing but work
  // English words take endings ("mediator", "mediators"): there every query word also finds
  // longer words. Vietnamese words do not, and "hoa" must not find "hoạch" unless typed last.
  var ENDINGS = { en: true };
  var PREFIX_WEIGHT = 0.5;  // "gia" found as the start of "giai" counts half
  var K1 = 1.2;             // BM25: how fast repeating a word stops adding to the score
  var B = 0.75;             // BM25: how much long sections are held back
  // Words that ask or link rather than name ("là gì", "của tôi", "what are my"), by fold, so
  // that every way of typing one is read alike (the results found must not depend on the
  // accents typed). A question finds the sections that hold enough of what it names; these
  // words only nudge the order. A fold is left out when the word the site is about is what
  // people mean by it ("thi": "hội thi"; "tu": "tư pháp", "tự nguyện"; "can": "cán bộ";
  // "bao": "báo cáo", "bảo vệ"; "em": "anh em"; "will": "left no will"); kept when the asking
  // word is ("co": "có" far more than "cơ sở", which "sở" still finds).
  var FUNCTION_WORDS = {
    vi: new Set(("a ai cac cho co con cua de do duoc dau gi hay khi khong la lam minh mot " +
      "muon nao nay nen neu ngoai nhieu nhung o phai ra sao the toi va ve voi xong").split(" ")),
    en: new Set(("a about an and any are at be been by can could did do does else for from " +
      "get how i if in is it its may me might my of on or our should some that the their " +
      "them there these they this those to was we what when where which who whom why with " +
      "would you your").split(" "))
  };
  var FUNCTION_WEIGHT = 0.2; // a function word, found as typed, adds this share of its score
  var ENOUGH = 0.5;         // a section is listed when it holds at least this share of the
                            // best section's named words (each weighed by how rare it is)
  var TITLE_WEIGHT = 0.5;   // a named word in the page's title adds this much of its rarity
  var MORE_SECTIONS = 3;    // other matching sections listed under a page
  var SNIPPET = 160;        // characters of text shown around the first match

  function fold(word) {
    return word.toLowerCase().normalize("NFD").replace(MARKS, "").replace(/đ/g, "d")
      .normalize("NFC");
  }

  function toneKey(word) {
    var tone = "";
    var rest = word.toLowerCase().normalize("NFD").replace(TONE_MARKS, function (mark) {
      tone = mark;
      return "";
    });
    return [rest.normalize("NFC"), tone];
  }

  function words(text) {
    return text.normalize("NFC").match(WORD) || [];
  }

  function hasMarks(word) {
    return fold(word) !== word.toLowerCase().normalize("NFC");
  }

  /* An English word without the ending of a plural or of "he chooses", so that a query
   * finds the other forms too ("chooses": "choose", "choosing"; "duties": "duty"). */
  function root(word) {
    if (word.length < 4 || /(ss|us|is)$/.test(word)) return word;
    if (/ies$/.test(word)) return word.slice(0, -3) + "y";
    if (/(ch|sh|x|ss|z)es$/.test(word)) return word.slice(0, -2);
    return word.replace(/s$/, "");
  }

  /* The query as terms; the last word, while still being typed, also matches longer words
   * (and so does every word when `endings` is true, from its `root`). */
  function parse(query, endings) {
    var text = query.normalize("NFC");
    var found = words(text).slice(0, MAX_TERMS);
    var typing = ENDS_IN_WORD.test(text);
    var seen = new Set();
    return found.map(function (word, i) {
      var key = toneKey(word);
      var open = endings || (typing && i === found.length - 1);
      var folded = fold(word);
      return {
        word: word, fold: folded, root: endings ? root(folded) : folded, base: key[0],
        tone: key[1], marked: hasMarks(word), prefix: open && folded.length > 1
      };
    }).filter(function (term) {
      var id = [term.fold, term.base, term.tone, term.prefix].join("\u0000");
      return !seen.has(id) && seen.add(id);
    });
  }

  /* Whether `term` finds the word whose fold is `folded`: as typed, by its root, or (while
   * typed, or in English) as the start of a longer word. */
  function finds(term, folded) {
    return whole(term, folded) || (term.prefix && folded.startsWith(term.root));
  }

  function whole(term, folded) {
    return folded === term.fold || folded === term.root;
  }

  /* 2 when a term asks for `word` exactly, 1 when only a term's fold matches, else 0. */
  function match(terms, word) {
    var folded = fold(word);
    var key = null;
    return terms.reduce(function (best, term) {
      if (best === 2 || !finds(term, folded)) return best;
      return exact(term, key = key || toneKey(word)) ? 2 : 1;
    }, 0);
  }

  function exact(term, key) {
    if (!term.marked) return true;
    if (term.prefix) return key[0].startsWith(term.base) && (!term.tone || term.tone === key[1]);
    return key[0] === term.base && key[1] === term.tone;
  }

  /* The parts of the index that have loaded, by name ("vi/w/ho", "vi/p/3", "vi/s/12"): each part is
   * a script that calls hoagiaiSearchPart (scripts/hoagiai/search/shards.py). */
  var parts = new Map();
  window.hoagiaiSearchPart = function (name, data) { parts.set(name, data); };

  /* A key (the start of folds) as shards.py writes it in file names and in the head. */
  function keyName(key) {
    return Array.from(key).map(function (char) {
      return /^[a-z0-9]$/.test(char) ? char : "_" + char.codePointAt(0).toString(16);
    }).join("");
  }

  /* `index` is the head of a language's index; `load(name)` loads one of its parts (a
   * promise). Searching takes two steps: `prepare(query)` loads the term shards the query
   * needs, then `search(query, limit)` ranks; `describe(found)` loads the fragments of
   * some results and describes them. */
  function Engine(index, load) {
    var self = this;
    this.endings = ENDINGS[index.lang] === true;
    this.lang = index.lang;
    this.load = load;
    this.shards = new Set(index.shards);
    this.pages = index.pages;
    // Section number -> [page, length, its number in the page, the number of the first
    // section of the run whose texts are one part]: a page's sections are cut into runs as
    // long as their lengths add up to at most index.chunk (section_chunks in shards.py).
    this.docs = [];
    index.pages.forEach(function (page, number) {
      var total = 0, start = 0;
      page[2].forEach(function (length, i) {
        if (i === 0 || total + length > index.chunk) { start = self.docs.length; total = 0; }
        total += length;
        self.docs.push([number, length, i, start]);
      });
    });
    this.keys = new Map();
    this.titles = [];
    this.loading = new Map();
    var total = this.docs.reduce(function (sum, doc) { return sum + doc[1]; }, 0);
    this.averageLength = total / Math.max(1, this.docs.length) || 1;
  }

  /* The parts named (without the language), once each, loaded. */
  Engine.prototype.fetch = function (names) {
    var self = this;
    return Promise.all(names.map(function (name) {
      var full = self.lang + "/" + name;
      if (parts.has(full)) return null;
      if (!self.loading.has(full)) {
        self.loading.set(full, self.load(name).catch(function (error) {
          self.loading.delete(full);  // offline for now: ask again next time
          throw error;
        }));
      }
      return self.loading.get(full);
    }));
  };

  Engine.prototype.part = function (name) {
    return parts.get(this.lang + "/" + name);
  };

  /* The term shards a term needs: the one that holds its fold, the longest listed key
   * that starts the fold (a heavy shard is split by longer keys, light ones are joined
   * under shorter keys, see shards.py), and the one that holds its root; and
   * for a word still being typed (every English word), every shard whose key is longer and
   * starts with its root ("gi": "gia", "gio", ...). */
  Engine.prototype.shardsOf = function (term) {
    var self = this;
    var found = new Set();
    new Set([term.fold, term.root]).forEach(function (word) {
      var chars = Array.from(word);
      for (var n = chars.length; n >= 1; n--) {
        var key = keyName(chars.slice(0, n).join(""));
        if (self.shards.has(key)) { found.add(key); break; }
      }
    });
    if (term.prefix) {
      var typed = keyName(term.root);
      this.shards.forEach(function (shard) {
        if (shard.length > typed.length && shard.startsWith(typed)) found.add(shard);
      });
    }
    return Array.from(found);
  };

  /* Loads the term shards that `query` needs. */
  Engine.prototype.prepare = function (query) {
    var self = this;
    var names = new Set();
    parse(query, this.endings).forEach(function (term) {
      self.shardsOf(term).forEach(function (key) { names.add("w/" + key); });
    });
    return this.fetch(Array.from(names));
  };

  /* For one term: section number -> {weight, exact}. */
  Engine.prototype.hits = function (term) {
    var self = this;
    var found = new Map();
    var entries = this.shardsOf(term).flatMap(function (key) {
      return self.part("w/" + key) || [];
    });
    entries.forEach(function (words) {
      var key = words[0];
      if (!finds(term, key)) return;
      var factor = whole(term, key) ? 1 : PREFIX_WEIGHT;
      words[1].forEach(function (entry) {
        var isExact = exact(term, self.toneKey(entry[0]));
        var postings = entry[1];
        // Gaps between section numbers; a negative gap is followed by the weight (else 1).
        for (var i = 0, doc = -1; i < postings.length; i++) {
          var gap = postings[i];
          doc += Math.abs(gap);
          var weight = gap < 0 ? postings[++i] : 1;
          var hit = found.get(doc) || { weight: 0, exact: false };
          hit.weight += weight * factor;
          hit.exact = hit.exact || isExact;
          found.set(doc, hit);
        }
      });
    });
    return found;
  };

  /* How much of what the query names is in the title of the page holding section `doc`
   * (each word by its rarity): "thu lao" ranks "Kinh phí, thù lao và hỗ trợ" above pages
   * that only mention it. */
  Engine.prototype.titleWeight = function (doc, terms) {
    var page = this.docs[doc][0];
    var title = this.titles[page] || (this.titles[page] = words(this.pages[page][1]).map(fold));
    return terms.reduce(function (sum, term) {
      var inTitle = !term.function && title.some(function (word) { return finds(term, word); });
      return inTitle ? sum + term.idf : sum;
    }, 0);
  };

  /* The query's terms, each marked `function` when it is a function word of the language,
   * unless every word is (then each counts: "ai", "what"). */
  Engine.prototype.terms = function (query) {
    var known = FUNCTION_WORDS[this.lang] || new Set();
    var terms = parse(query, this.endings);
    var named = terms.some(function (term) { return !known.has(term.fold); });
    terms.forEach(function (term) { term.function = named && known.has(term.fold); });
    return terms;
  };

  Engine.prototype.toneKey = function (word) {
    var key = this.keys.get(word);
    if (!key) this.keys.set(word, key = toneKey(word));
    return key;
  };

  /* Pages for `query` (its shards loaded by `prepare`), best first. A section is listed when
   * it holds enough of the words the query names (each weighed by its rarity, so that missing
   * "tôi" costs less than missing "quyền"); sections whose words are all as typed come
   * first (an exact-accent match before a folded one), then by score: BM25 of every word,
   * function words at a fifth, plus the named words in the page's title.
   * `total` counts the pages; `results` holds the first `limit`, each a page's matching
   * sections, best first, to give to `describe` or `outline`. */
  Engine.prototype.search = function (query, limit) {
    var self = this;
    var terms = this.terms(query);
    var scored = new Map();
    terms.forEach(function (term, t) {
      var hits = self.hits(term);
      term.idf = Math.log(1 + (self.docs.length - hits.size + 0.5) / (hits.size + 0.5));
      hits.forEach(function (hit, doc) {
        var entry = scored.get(doc) || { doc: doc, named: 0, folded: 0, score: 0, terms: [] };
        var norm = 1 - B + B * self.docs[doc][1] / self.averageLength;
        var score = term.idf * hit.weight * (K1 + 1) / (hit.weight + K1 * norm);
        if (term.function) {
          entry.score += hit.exact ? FUNCTION_WEIGHT * score : 0;
        } else {
          entry.named += term.idf;
          entry.folded += hit.exact ? 0 : 1;
          entry.score += score;
        }
        entry.terms.push(t);
        scored.set(doc, entry);
      });
    });
    var best = 0;
    scored.forEach(function (entry) { best = Math.max(best, entry.named); });
    var ranked = Array.from(scored.values()).filter(function (entry) {
      return entry.named > 0 && entry.named >= ENOUGH * best;
    });
    ranked.forEach(function (entry) {
      entry.score += TITLE_WEIGHT * self.titleWeight(entry.doc, terms);
    });
    ranked.sort(function (a, b) {
      return a.folded - b.folded || b.score - a.score || a.doc - b.doc;
    });
    var byPage = new Map();
    ranked.forEach(function (entry) {
      var page = self.docs[entry.doc][0];
      if (!byPage.has(page)) byPage.set(page, []);
      byPage.get(page).push(entry);
    });
    return {
      total: byPage.size,
      results: Array.from(byPage.values()).slice(0, limit).map(function (sections) {
        return { sections: sections.slice(0, 1 + MORE_SECTIONS), terms: terms };
      })
    };
  };

  /* Loads the fragments of `results` (from `search`): each page's outline and the texts
   * that hold its best section; then describes each: its best section, a snippet, other
   * matching sections. */
  Engine.prototype.describe = function (results) {
    var self = this;
    var names = results.flatMap(function (result) {
      var best = self.docs[result.sections[0].doc];
      return ["p/" + best[0], "s/" + best[3]];
    });
    return this.fetch(names).then(function () {
      return results.map(function (result) { return self.result(result); });
    });
  };

  /* What is known of a result before its fragments load: its page, title and a link. */
  Engine.prototype.outline = function (result) {
    var page = this.pages[this.docs[result.sections[0].doc][0]];
    var shown = this.shownTerms(result);
    return {
      url: page[0], title: highlight(page[1], shown), section: null, snippet: [],
      missing: this.missing(result, shown), more: []
    };
  };

  /* The named words found in a result's best section: marked in it, and shown around. */
  Engine.prototype.shownTerms = function (result) {
    return result.sections[0].terms.map(function (t) { return result.terms[t]; })
      .filter(function (term) { return !term.function; });
  };

  /* The named words a result lacks (function words are never said to be missing). */
  Engine.prototype.missing = function (result, shown) {
    return result.terms.filter(function (term) {
      return !term.function && shown.indexOf(term) < 0;
    }).map(function (term) { return term.word; });
  };

  Engine.prototype.result = function (result) {
    var self = this;
    var sections = result.sections;
    var number = this.docs[sections[0].doc][0];
    var page = this.pages[number];
    var outline = this.part("p/" + number);
    var best = outline[1][this.docs[sections[0].doc][2]];
    var doc = this.docs[sections[0].doc];
    var text = this.part("s/" + doc[3])[sections[0].doc - doc[3]];
    var shown = this.shownTerms(result);
    return {
      url: this.url(page, best),
      title: highlight(page[1], shown),
      section: best[1] ? highlight(best[1], shown) : null,
      snippet: highlight(snippet(text, shown) || outline[0], shown),
      missing: this.missing(result, shown),
      more: sections.slice(1).map(function (entry) {
        var other = outline[1][self.docs[entry.doc][2]];
        return { url: self.url(page, other), heading: highlight(other[1] || page[1], shown) };
      })
    };
  };

  /* A page's url, and the anchor of one of its sections ([anchor, heading]). */
  Engine.prototype.url = function (page, section) {
    return section[0] ? page[0] + "#" + section[0] : page[0];
  };

  /* Up to SNIPPET characters of `text` around its first exact match, else its first match,
   * else from its start (the words were in a heading or the page's title). */
  function snippet(text, terms) {
    var first = -1;
    for (var found of text.matchAll(WORD)) {
      var level = match(terms, found[0]);
      if (level === 2) { first = found.index; break; }
      if (level === 1 && first < 0) first = found.index;
    }
    first = Math.max(first, 0);
    var start = Math.max(0, first - SNIPPET / 4);
    if (start > 0) start = Math.min(first, text.indexOf(" ", start) + 1 || first);
    var end = Math.min(text.length, start + SNIPPET);
    if (end < text.length && text.lastIndexOf(" ", end) > first) end = text.lastIndexOf(" ", end);
    // The build keeps blocks apart with " · ": a window never starts or ends on one.
    var shown = text.slice(start, end).replace(/^· | ·$/g, "");
    return (start > 0 ? "…" : "") + shown + (end < text.length ? "…" : "");
  }

  /* `text` as [piece, marked] pairs: every word that a term matches is marked, as written. */
  function highlight(text, terms) {
    var pieces = [];
    var last = 0;
    for (var found of text.matchAll(WORD)) {
      if (!match(terms, found[0])) continue;
      if (found.index > last) pieces.push([text.slice(last, found.index), false]);
      pieces.push([found[0], true]);
      last = found.index + found[0].length;
    }
    if (last < text.length) pieces.push([text.slice(last), false]);
    return pieces;
  }

  window.hoagiaiSearchEngine = {
    fold: fold, toneKey: toneKey, words: words, hasMarks: hasMarks, parse: parse,
    keyName: keyName, functionWords: FUNCTION_WORDS, Engine: Engine
  };
})();
