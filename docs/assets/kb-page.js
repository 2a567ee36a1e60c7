/* Page-level reading aids, on every page: the language switch keeps the page's state, a search box
   outside the header opens the site search, fiches get a collapsible contents list on small screens,
   and the print footer gets the date. Text from the page is only ever inserted with textContent. */
(() => {
  "use strict";

  /* The language switch leads to the same page in the other language: keep the query string
     (filters, compared ids, chosen modules) and the #anchor, read at the moment it is followed,
     since the catalogue and the compare view rewrite the URL as the reader works. */
  const initLanguageSwitch = () => {
    const links = document.querySelectorAll(".md-select__link[hreflang]");
    const sync = (link) => {
      const target = new URL(link.dataset.kbBase || link.href, window.location.href);
      link.dataset.kbBase = target.origin + target.pathname;
      target.search = window.location.search;
      target.hash = window.location.hash;
      link.href = target.href;
    };
    links.forEach((link) => {
      sync(link);
      ["pointerdown", "focus", "mouseenter"].forEach((type) => link.addEventListener(type, () => sync(link)));
      // The link already leads to this page in that language (the build knows it exists). Material's own switch
      // (a click handler on the body, using sitemap.xml) would drop the query string, or send the reader to
      // the home page when the sitemaps arrive in another order: the click stops here and the browser follows.
      link.addEventListener("click", (event) => {
        sync(link);
        event.stopPropagation();
      });
    });
    window.addEventListener("hashchange", () => links.forEach(sync));
  };

  /* Search boxes in a page (home, an empty catalogue) open the header's site search with their words;
     without JavaScript their form still submits to its action. */
  const openSiteSearch = (query) => {
    const input = document.querySelector(".md-search__input");
    const toggle = document.getElementById("__search");
    if (!input) return false;
    if (toggle && !toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.value = query;
    input.focus();
    input.dispatchEvent(new Event("input", { bubbles: true }));
    return true;
  };
  window.kbOpenSiteSearch = openSiteSearch;

  const initSearchForms = () => {
    document.querySelectorAll("[data-kb-home-search]").forEach((form) => {
      form.addEventListener("submit", (event) => {
        const query = form.elements.text.value.trim();
        if (query && openSiteSearch(query)) event.preventDefault();
      });
    });
  };

  /* Fiches are outside the navigation, and Material shows a page's contents only beside wide screens:
     below that width the fiche gets the same contents as a collapsible list under its key facts. */
  const initFicheContents = () => {
    const anchor = document.querySelector("[data-kb-contents]");
    const toc = document.querySelector(".md-sidebar--secondary nav.md-nav--secondary");
    if (!anchor || !toc) return;
    const list = toc.querySelector(":scope > ul");
    const title = toc.querySelector(".md-nav__title");
    if (!list) return;
    const details = document.createElement("details");
    details.className = "kb-toc-toggle";
    const summary = document.createElement("summary");
    summary.textContent = (title ? title.textContent : "").trim();
    details.append(summary);
    const nav = document.createElement("nav");
    nav.setAttribute("aria-label", summary.textContent);
    const copy = list.cloneNode(true);
    copy.removeAttribute("data-md-component");
    copy.querySelectorAll("[data-md-component]").forEach((node) => node.removeAttribute("data-md-component"));
    copy.querySelectorAll("nav").forEach((node) => {
      const inner = node.querySelector("ul");
      if (inner) node.replaceWith(inner);
    });
    copy.className = "kb-toc-toggle__list";
    copy.querySelectorAll("ul, li, a, span, label").forEach((node) => node.removeAttribute("class"));
    copy.querySelectorAll("a").forEach((link) => link.addEventListener("click", () => { details.open = false; }));
    nav.append(copy);
    details.append(nav);
    anchor.append(details);
  };

  /* Paper: the page's margin boxes carry its address (from the build) and the day it is printed. */
  const initPrintFooter = () => {
    const style = document.querySelector("style[data-kb-print-page]");
    if (!style) return;
    const quote = (text) => '"' + text.replace(/["\\\n]/g, "") + '"';
    const stamp = () => {
      const day = new Intl.DateTimeFormat(style.dataset.locale,
        { day: "numeric", month: "long", year: "numeric" }).format(new Date());
      const left = style.dataset.url + " \u00b7 " + window.kbDom.fill(style.dataset.template, { date: day });
      style.textContent = "@media print { @page { @bottom-left { content: " + quote(left) +
        "; } @bottom-right { content: counter(page) \" / \" counter(pages); } } }";
    };
    stamp();
    window.addEventListener("beforeprint", stamp);
  };

  /* A table wider than the screen scrolls in its box: the box then takes keyboard focus (arrow keys
     scroll it) and is named after the table's caption or the heading above it; a line above it says that it
     scrolls, and a shadow on the side that has more to show (kb-layout.css) follows the scrolling. */
  const initScrollingTables = () => {
    const hintText = document.querySelector("meta[name='kb-table-scroll']")?.content || "";
    const edges = (box) => {
      box.classList.toggle("kb-table--more-left", box.scrollLeft > 1);
      box.classList.toggle("kb-table--more-right", box.scrollLeft + box.clientWidth < box.scrollWidth - 1);
    };
    const hint = (box, shown) => {
      let line = box.previousElementSibling;
      if (!line || !line.classList.contains("kb-table__hint")) {
        if (!shown || !hintText) return;
        line = document.createElement("p");
        line.className = "kb-table__hint";
        line.setAttribute("aria-hidden", "true");  // the box itself is a named, focusable region
        line.textContent = hintText;
        box.before(line);
        box.addEventListener("scroll", () => edges(box), { passive: true });
      }
      line.hidden = !shown;
    };
    const mark = () => document.querySelectorAll(".kb-table").forEach((box) => {
      const wide = box.scrollWidth > box.clientWidth + 1;
      box.classList.toggle("kb-table--scrolls", wide);
      hint(box, wide);
      edges(box);
      const scrolls = wide || box.scrollHeight > box.clientHeight + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        const caption = box.querySelector("caption");
        let heading = box.previousElementSibling;
        while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
        const name = (caption || heading || document.querySelector("h1") || {}).textContent || "";
        box.setAttribute("aria-label", name.replace("¶", "").trim());
      } else if (!scrolls && box.getAttribute("role") === "region") {
        ["tabindex", "role", "aria-label"].forEach((attr) => box.removeAttribute(attr));
      }
    });
    mark();
    window.addEventListener("resize", mark);
    new MutationObserver(mark).observe(document.body, { childList: true, subtree: true });
  };

  /* A print button (the whole guide) only where printing can start from the page. */
  const initPrintButtons = () => {
    document.querySelectorAll("[data-kb-print]").forEach((button) => {
      button.hidden = false;
      button.addEventListener("click", () => window.print());
    });
  };

  /* Glossary abbreviations (Material's tooltips, shown on focus as on hover) take keyboard focus, so their
     expansion is reachable without a mouse; not inside a link or button, which already takes focus. */
  const initAbbreviations = () => {
    document.querySelectorAll(".md-content abbr[title]").forEach((abbr) => {
      if (!abbr.hasAttribute("tabindex") && !abbr.closest("a, button, summary, label")) abbr.tabIndex = 0;
    });
  };

  /* Material's navigation drawer: below its breakpoint it lies off-canvas, and while closed its links must not
     be walked through with Tab (they are inert then). The menu button opens it from the keyboard too (Enter,
     Space), focus goes into it, and Escape closes it and returns to the button. */
  const DRAWER_MEDIA = "(max-width: 76.234375em)";  // Material's: the drawer is off-canvas below 76.25em
  const initDrawer = () => {
    const toggle = document.getElementById("__drawer");
    const drawer = document.querySelector(".md-sidebar--primary");
    const button = document.querySelector(".md-header label[for='__drawer']");
    if (!toggle || !drawer) return;
    const narrow = window.matchMedia(DRAWER_MEDIA);
    const sync = () => {
      drawer.toggleAttribute("inert", narrow.matches && !toggle.checked);
      button?.setAttribute("aria-expanded", String(toggle.checked));
    };
    const set = (open) => {
      if (toggle.checked === open) return;
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));
    };
    toggle.addEventListener("change", sync);
    narrow.addEventListener("change", sync);
    document.querySelectorAll("label[for='__drawer']").forEach((label) => label.addEventListener("click", () => {
      window.requestAnimationFrame(sync);  // the label's own click toggles the box after this handler
    }));
    if (button) {
      button.tabIndex = 0;
      button.setAttribute("role", "button");
      button.setAttribute("aria-label", button.dataset.kbLabel || "");
      button.addEventListener("keydown", (event) => {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        set(!toggle.checked);
        sync();
        if (toggle.checked) drawer.querySelector("a[href], label[tabindex]")?.focus();
      });
    }
    drawer.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !toggle.checked || !narrow.matches) return;
      set(false);
      sync();
      button?.focus();
    });
    sync();
  };

  /* A page opened from a site-search result (?pagefind-highlight=…, written by kb-search.js) marks the words that
     answered the query, with Pagefind's own highlighter from the site's bundle (loaded only then): in the page's
     text, never in what the index leaves out (key facts, lists of other fiches), its navigation or headings'
     permalinks. A word is marked whole ("rusthuis" in "rusthuis,", not inside "rusthuizen"): the search box
     already chose the page's own forms. */
  const HIGHLIGHT_PARAM = "pagefind-highlight";
  const LIMITERS = [..."\u00a0,.;:!?()[]{}«»\"'’‘“”„…–—-/*"];
  const initHighlight = () => {
    const words = new URLSearchParams(window.location.search).getAll(HIGHLIGHT_PARAM).filter((w) => w.trim());
    const box = document.querySelector("[data-kb-search]");
    const context = document.querySelector(".md-content article") || document.querySelector(".md-content");
    if (!words.length || !box || !context) return;
    const bundle = new URL(box.dataset.bundle, window.location.href);
    import(new URL("pagefind-highlight.js", bundle).href).then(({ default: Highlight }) => {
      new Highlight({
        highlightParam: HIGHLIGHT_PARAM,
        markContext: context,
        addStyles: false,
        markOptions: {
          className: "kb-highlight",
          exclude: ["[data-pagefind-ignore]", "[data-pagefind-ignore] *", ".headerlink", ".kb-toc-toggle *"],
          accuracy: { value: "exactly", limiters: LIMITERS },
          done: (count) => { document.documentElement.dataset.kbHighlighted = String(count); },
        },
      });
    }).catch(() => { document.documentElement.dataset.kbHighlighted = "0"; });
  };

  const init = () => {
    initPrintButtons();
    initScrollingTables();
    initLanguageSwitch();
    initSearchForms();
    initFicheContents();
    initPrintFooter();
    initHighlight();
    initAbbreviations();
    initDrawer();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
