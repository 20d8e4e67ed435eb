/* How a contest paper is drawn: the same steps as scripts/hoagiai/quiz/draw.py, which
   `hoagiai contest` uses, so one paper code gives one paper on the site and in the terminal.
   The steps are documented there; change both files together (tests/test_contest_page.py
   compares them). Only 32-bit unsigned integer arithmetic, so both languages agree exactly.
   Exposes window.hoagiaiDraw = {drawIds, levelQuotas, seedHash, LEVELS}. */
(function () {
  "use strict";

  var LEVELS = ["de", "vua", "kho"];
  var TOP_UP_ORDER = ["vua", "de", "kho"];
  var SEED_PREFIX = "hoagiai-contest:";

  // 1. FNV-1a (32 bits) of the UTF-8 bytes of the prefixed, NFC-normalised paper code.
  function seedHash(seed) {
    var bytes = new TextEncoder().encode(SEED_PREFIX + String(seed).normalize("NFC"));
    var value = 0x811C9DC5;
    for (var i = 0; i < bytes.length; i += 1) {
      value = Math.imul(value ^ bytes[i], 0x01000193) >>> 0;
    }
    return value;
  }

  // 2. Mulberry32: a function returning the next 32-bit unsigned number.
  function mulberry32(state) {
    return function () {
      state = (state + 0x6D2B79F5) >>> 0;
      var mixed = Math.imul(state ^ (state >>> 15), state | 1) >>> 0;
      mixed = (mixed ^ ((mixed + (Math.imul(mixed ^ (mixed >>> 7), mixed | 61) >>> 0)) >>> 0)) >>> 0;
      return (mixed ^ (mixed >>> 14)) >>> 0;
    };
  }

  // 3. Fisher–Yates from the last position down; j = (number × (i + 1)) >> 32, exact in doubles.
  function shuffle(items, next) {
    var shuffled = items.slice();
    for (var i = shuffled.length - 1; i > 0; i -= 1) {
      var j = Math.floor(next() * (i + 1) / 4294967296);
      var kept = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = kept;
    }
    return shuffled;
  }

  function sum(values) {
    return values.reduce(function (total, value) { return total + value; }, 0);
  }

  // 4. How many questions of each level; throws if the paper cannot be drawn.
  function levelQuotas(count, available, mix) {
    var usable = {};
    LEVELS.forEach(function (level) { usable[level] = mix[level] > 0 ? available[level] : 0; });
    var totalWeight = sum(LEVELS.map(function (level) { return mix[level]; }));
    if (totalWeight <= 0 || count > sum(LEVELS.map(function (level) { return usable[level]; }))) {
      throw new RangeError("too many questions");
    }
    var wanted = {};
    var remainders = {};
    LEVELS.forEach(function (level) {
      wanted[level] = Math.floor(count * mix[level] / totalWeight);
      remainders[level] = (count * mix[level]) % totalWeight;
    });
    // A stable sort by remainder, largest first; ties keep TOP_UP_ORDER.
    var byRemainder = TOP_UP_ORDER.map(function (level, index) { return [level, index]; })
      .sort(function (a, b) { return remainders[b[0]] - remainders[a[0]] || a[1] - b[1]; })
      .map(function (pair) { return pair[0]; });
    var left = count - sum(LEVELS.map(function (level) { return wanted[level]; }));
    byRemainder.slice(0, left).forEach(function (level) { wanted[level] += 1; });
    var quotas = {};
    LEVELS.forEach(function (level) { quotas[level] = Math.min(wanted[level], usable[level]); });
    var shortfall = count - sum(LEVELS.map(function (level) { return quotas[level]; }));
    while (shortfall) {
      TOP_UP_ORDER.forEach(function (level) {
        if (shortfall && quotas[level] < usable[level]) {
          quotas[level] += 1;
          shortfall -= 1;
        }
      });
    }
    return quotas;
  }

  // 5. Items taken from the pools in turn, skipping pools that run out.
  function inTurn(pools, quota) {
    var queues = pools.map(function (pool) { return pool.slice(); });
    var taken = [];
    while (taken.length < quota) {
      queues.forEach(function (queue) {
        if (queue.length && taken.length < quota) { taken.push(queue.shift()); }
      });
    }
    return taken;
  }

  // The paper as [bank index, question index] pairs. `banks`: for each chosen bank in
  // learning order, its questions' levels in bank order. 6. Easy first, then medium, hard.
  function drawIds(banks, count, seed, mix) {
    var next = mulberry32(seedHash(seed));
    var pools = {};
    var available = {};
    LEVELS.forEach(function (level) {
      pools[level] = banks.map(function (levels, b) {
        var pool = [];
        levels.forEach(function (questionLevel, q) {
          if (questionLevel === level) { pool.push([b, q]); }
        });
        return shuffle(pool, next);
      });
      available[level] = sum(pools[level].map(function (pool) { return pool.length; }));
    });
    var quotas = levelQuotas(count, available, mix);
    var paper = [];
    LEVELS.forEach(function (level) {
      paper = paper.concat(inTurn(pools[level], quotas[level]));
    });
    return paper;
  }

  window.hoagiaiDraw = { drawIds: drawIds, levelQuotas: levelQuotas, seedHash: seedHash,
    LEVELS: LEVELS };
})();
