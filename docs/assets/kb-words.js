/* Matching the reader's words, shared by the search box and the catalogue filters (loaded before them, no
   bundler). One folding rule, the same as the build's (scripts/fiche/thesaurus.fold): the build ships the texts to
   match already folded in Python, and only the reader's query is folded here. The thesaurus groups come from
   assets/search/<lang>.json (scripts/site/search_data.py). */
window.kbWords = (() => {
  "use strict";

  /* What Python's str.split() splits on (str.isspace), which is not quite \s: no U+FEFF, but U+001C–U+001F
     and U+0085. */
  const SPACE = /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;

  /* Lower case, accents dropped, spaces collapsed: "Liège" → "liege", "Maison  de REPOS" → "maison de repos".
     The steps of scripts/fiche/thesaurus.fold in its order (tests/test_browser_fold.py compares the two):
     decomposed, upper then lower case ("ﬁ" → "fi", "ı" → "i"), one sigma, ß as ss, marks dropped. */
  const fold = (text) => String(text ?? "").normalize("NFD").toUpperCase().toLowerCase()
    .replace(/\u03c2/g, "\u03c3").replace(/\u00df/g, "ss").replace(/\p{M}/gu, "")
    .split(SPACE).filter(Boolean).join(" ");

  /* The letters-and-digits parts of a text: "d'asile" → ["d", "asile"], "(GOAL)," → ["goal"]. */
  const parts = (text) => fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

  /* A thesaurus word is searched for another word of its group only when it is long enough to be a word of its
     own: a short abbreviation ("RIS", "WZC") would find every longer word that starts with it. Typed, it is
     searched as it is. */
  const EXPANDS = 4;

  /* The query as groups of alternatives, in the order typed. A word or phrase of the thesaurus (the longest that
     fits) stands for every word of its group: "vrijwilligerswerk in een woonzorgcentrum" →
     [vrijwilligerswerk|vrijwilliger|…] [in] [een] [woonzorgcentrum|rusthuis|…]. `stop` marks a function word
     ("de", "in") that is searched but does not count as a word the page must hold. */
  const groups = (query, synonyms = [], stopwords = new Set()) => {
    const tokens = parts(query);
    const entries = [];
    synonyms.forEach((group, index) => group.forEach((word) => entries.push({ index, group, word, key: parts(word.key) })));
    const out = [];
    for (let i = 0; i < tokens.length;) {
      let best = null;
      for (const entry of entries) {
        const n = entry.key.length;
        if (n && (!best || n > best.key.length) && tokens.slice(i, i + n).join(" ") === entry.key.join(" ")) best = entry;
      }
      if (best) {
        const typed = best.key.join(" ");
        // a term of the other language (`from`, the search data's bridge) is searched only when typed
        const group = best.group.filter((w) => !w.from || w === best.word);
        const others = group.map((w) => parts(w.key).join(" "))
          .filter((w) => w !== typed && w.replace(/ /g, "").length >= EXPANDS);
        out.push({ typed, matched: best.word, alternatives: [typed, ...new Set(others)], synonyms: group
          .filter((w) => others.includes(parts(w.key).join(" "))).map((w) => w.term), stop: false });
        i += best.key.length;
      } else {
        out.push({ typed: tokens[i], matched: null, alternatives: [tokens[i]], synonyms: [], stop: stopwords.has(tokens[i]) });
        i += 1;
      }
    }
    return out;
  };

  /* Every combination of alternatives (at most `max`, the typed words first), each as one query text with the
     position of the alternative it took in each group (0: the word typed). */
  const variants = (list, max) => {
    let out = [{ words: [], picks: [] }];
    for (const group of list) {
      const next = [];
      for (const prefix of out) {
        group.alternatives.forEach((alt, pick) => {
          if (next.length < max) next.push({ words: [...prefix.words, alt], picks: [...prefix.picks, pick] });
        });
      }
      out = next;
    }
    return out.filter((v) => v.words.length).map((v) => ({ text: v.words.join(" "), picks: v.picks }));
  };

  return Object.freeze({ fold, parts, groups, variants });
})();
