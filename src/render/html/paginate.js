// Lays the page out in A4 sheets, as Word would at paragraph boundaries: the first block
// (paragraph, heading, list item) that would cross a sheet's bottom margin moves to the
// top of the next sheet, a heading moving with the block after it (Word's keep with
// next). Then it draws the sheets and, on every sheet but the first, the running header
// `- N -` and the document number. Word may also split a paragraph across sheets
// (widow and orphan control); this never does, so a sheet can end a few lines early.
// Blocks are measured once and moved with one style change each, so a report of a
// thousand pages lays out in a few layout passes.
(function () {
  "use strict";
  var PX_PER_PT = 96 / 72;
  var GAP = 12; // px of desk between sheets

  function pt(value) {
    var v = parseFloat(value);
    return isNaN(v) ? 0 : v * PX_PER_PT;
  }

  function unpaginate(paper) {
    var old = paper.querySelectorAll(".sheet, .running");
    for (var i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
    var pushed = paper.querySelectorAll(".pushed");
    for (i = 0; i < pushed.length; i++) {
      pushed[i].style.marginTop = "";
      pushed[i].classList.remove("pushed");
    }
    paper.classList.remove("paged");
    paper.style.minHeight = "";
  }

  function paginate(paper) {
    paper = paper || document.querySelector(".paper");
    if (!paper) return 0;
    unpaginate(paper);
    var root = getComputedStyle(document.documentElement);
    var pageH = pt(root.getPropertyValue("--page-height"));
    var mt = pt(root.getPropertyValue("--mt"));
    var mb = pt(root.getPropertyValue("--mb"));
    var hd = pt(root.getPropertyValue("--header"));
    if (!(pageH > mt + mb)) return 0;
    var stride = pageH + GAP;
    var base = paper.getBoundingClientRect().top;
    var blocks = paper.querySelectorAll(".blk");
    var boxes = [];
    var i, r, inner, b;
    for (i = 0; i < blocks.length; i++) {
      b = blocks[i];
      r = b.getBoundingClientRect();
      // A list item holding a nested list ends where the nested list starts.
      inner = b.querySelector(".blk");
      boxes.push({
        el: b,
        top: r.top - base,
        bottom: (inner ? inner.getBoundingClientRect().top : r.bottom) - base,
        keep: b.classList.contains("keep")
      });
    }
    function contentTop(p) { return p * stride + mt; }
    function contentBottom(p) { return p * stride + pageH - mb; }
    var shift = 0, page = 0, moves = [];
    for (i = 0; i < boxes.length; i++) {
      var x = boxes[i];
      var top = x.top + shift, bottom = x.bottom + shift;
      while (top >= contentBottom(page)) page++;
      var to = -1;
      if (top < contentTop(page) - 0.5) to = page; // in a margin or between sheets
      else if (bottom > contentBottom(page) + 0.5 && top > contentTop(page) + 0.5) to = page + 1;
      if (to >= 0) {
        // Headings just before it on the same sheet go along (at most three).
        var k = i;
        while (to === page + 1 && k > 0 && i - k < 3 && boxes[k - 1].keep && boxes[k - 1].page === page &&
               !boxes[k - 1].moved && boxes[k - 1].top + shift > contentTop(page) + 0.5) k--;
        var delta = contentTop(to) - (boxes[k].top + shift);
        boxes[k].moved = true;
        moves.push([boxes[k].el, delta]);
        shift += delta;
        page = to;
        for (var j = k; j <= i; j++) boxes[j].page = page;
      }
      x.page = page;
    }
    var before = moves.map(function (m) { return getComputedStyle(m[0]).marginTop; });
    moves.forEach(function (m, n) {
      m[0].style.setProperty("--before", before[n]);
      m[0].style.marginTop = "calc(" + before[n] + " + " + m[1] + "px)";
      m[0].classList.add("pushed");
    });
    var pages = page + 1;
    var running = paper.getAttribute("data-running") || "";
    var layer = document.createDocumentFragment();
    for (var p = 0; p < pages; p++) {
      var sheet = document.createElement("div");
      sheet.className = "sheet";
      sheet.setAttribute("aria-hidden", "true");
      sheet.style.top = p * stride + "px";
      layer.appendChild(sheet);
      if (p > 0) {
        var head = document.createElement("div");
        head.className = "running";
        head.setAttribute("aria-hidden", "true");
        head.style.top = p * stride + hd + "px";
        var n = document.createElement("p");
        n.textContent = "- " + (p + 1) + " -";
        var d = document.createElement("p");
        d.textContent = running;
        head.appendChild(n);
        head.appendChild(d);
        layer.appendChild(head);
      }
    }
    paper.insertBefore(layer, paper.firstChild);
    paper.style.minHeight = pages * stride - GAP + "px";
    paper.classList.add("paged");
    paper.setAttribute("data-pages", String(pages));
    return pages;
  }

  window.councilPaginate = paginate;
  function run() { paginate(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(run);
  window.addEventListener("beforeprint", function () {
    var paper = document.querySelector(".paper");
    if (paper) unpaginate(paper);
  });
  window.addEventListener("afterprint", run);
})();
