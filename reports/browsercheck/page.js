// The checks browsercheck runs inside the page. Evaluated after axe-core;
// each function returns plain JSON for the Go side.
window.__browsercheck = (() => {
  // path is a CSS selector for el, from the nearest ancestor with an id.
  const path = (el) => {
    const parts = [];
    for (; el && el.nodeType === 1; el = el.parentElement) {
      if (el.id) {
        parts.unshift(el.localName + "#" + CSS.escape(el.id));
        break;
      }
      let s = el.localName;
      for (const c of el.classList) s += "." + CSS.escape(c);
      const p = el.parentElement;
      if (p) {
        const same = [...p.children].filter((c) => c.localName === el.localName);
        if (same.length > 1) s += ":nth-of-type(" + (same.indexOf(el) + 1) + ")";
      }
      parts.unshift(s);
      if (el.localName === "body") break;
    }
    return parts.join(" > ");
  };

  // element describes el for a report: its start tag, not its whole subtree.
  const element = (el, extra) => {
    let html = el.outerHTML;
    const end = html.indexOf(">");
    if (end >= 0 && end < 200) html = html.slice(0, end + 1);
    else if (html.length > 200) html = html.slice(0, 200) + "…";
    return Object.assign({ Tag: el.localName, Selector: path(el), HTML: html }, extra);
  };

  // sticksOut reports whether el's right edge is beyond the viewport.
  const sticksOut = (el, width) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return false;
    return r.right + window.scrollX > width + 0.5;
  };

  // layout lists the outermost elements beyond the right edge of the
  // viewport that are not inside a div.table-wrap (a wrapper that overflows
  // is itself listed: only what is inside it may be wide).
  const layout = async () => {
    await document.fonts.ready; // a font still loading would change widths
    const de = document.documentElement;
    const width = de.clientWidth;
    const out = [];
    for (const el of [document.body, ...document.body.querySelectorAll("*")]) {
      if (!sticksOut(el, width)) continue;
      const p = el.parentElement;
      if (p && p.closest(".table-wrap")) continue;
      if (p && p !== de && sticksOut(p, width)) continue;
      out.push(element(el, { Right: el.getBoundingClientRect().right + window.scrollX }));
    }
    return { ScrollWidth: de.scrollWidth, ClientWidth: width, Overflowing: out };
  };

  const text = (s) => (s || "").trim() !== "";

  // labelled reports whether aria-labelledby names elements with text.
  const labelled = (el) => {
    const ids = (el.getAttribute("aria-labelledby") || "").split(/\s+/);
    return ids.some((id) => id && text((document.getElementById(id) || {}).textContent));
  };

  const ariaNamed = (el) => text(el.getAttribute("aria-label")) || labelled(el);

  // named says whether a figure, an image or a top-level SVG has an
  // accessible name the way a report gives one.
  const named = (el) => {
    switch (el.localName) {
      case "img":
        return text(el.getAttribute("alt")) || ariaNamed(el);
      case "svg": {
        if (el.getAttribute("role") !== "img") return false;
        const title = [...el.children].find((c) => c.localName === "title");
        return ariaNamed(el) || (title !== undefined && text(title.textContent));
      }
      default: {
        const cap = [...el.children].find((c) => c.localName === "figcaption");
        return ariaNamed(el) || (cap !== undefined && text(cap.textContent));
      }
    }
  };

  const unnamed = () =>
    [...document.querySelectorAll("figure, img, svg")]
      .filter((el) => !(el.localName === "svg" && el.parentElement.closest("svg")))
      .filter((el) => !named(el))
      .map((el) => element(el));

  const viewportMeta = () =>
    [...document.querySelectorAll('meta[name="viewport"]')].some((m) =>
      /(^|[\s,])width\s*=\s*device-width/.test(m.getAttribute("content") || ""));

  // axe runs axe-core with the given tags and keeps what the report needs.
  const axeRun = async (tags) => {
    const res = await window.axe.run(document, {
      runOnly: { type: "tag", values: tags },
      resultTypes: ["violations"],
      // axe-core would fetch the page's stylesheets again by XHR: requests
      // the page never made, which the checker would then blame on it.
      preload: false,
    });
    return res.violations.map((v) => ({
      Rule: v.id,
      Impact: v.impact || "",
      Help: v.help,
      Nodes: v.nodes.map((n) => ({ Selector: n.target.flat().join(" "), HTML: n.html })),
    }));
  };

  return { layout, unnamed, viewportMeta, axe: axeRun };
})();
