// The live preview: listens to /events; when a rebuild publishes a new page, fetches it
// and swaps it in (no reload, so the window stays on the entry it showed); puts each
// diagnostic beside the entry of its file; shows a banner while the build has errors
// (the page stays the last good one) and a small status chip otherwise.
(function () {
  "use strict";
  var version = (window.COUNCIL_PREVIEW || {}).version || 0;
  var last = null;
  var loading = false;
  document.documentElement.setAttribute("data-version", String(version));

  function node(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined) n.textContent = text;
    return n;
  }

  function describe(d) {
    var where = d.file ? d.file + (d.line ? ":" + d.line + ":" + d.column : "") : "";
    var text = d.severity + "[" + d.code + "]: " + d.message;
    if (where) text += "\n --> " + where;
    if (d.label) text += "\n     " + d.label;
    if (d.help) text += "\n  = help: " + d.help;
    return text;
  }

  function findFile(file) {
    var all = document.querySelectorAll("[data-file]");
    for (var i = 0; i < all.length; i++) {
      if (all[i].getAttribute("data-file") === file) return all[i];
    }
    return null;
  }

  function clear() {
    var old = document.querySelectorAll(".live-diag, .live-banner, .live-chip");
    for (var i = 0; i < old.length; i++) old[i].parentNode.removeChild(old[i]);
  }

  function show(status) {
    last = status;
    clear();
    var unplaced = [];
    (status.diagnostics || []).forEach(function (d) {
      var target = d.file ? findFile(d.file) : null;
      var note = node("div", "live-diag " + d.severity, describe(d));
      note.setAttribute("role", "note");
      note.setAttribute("data-code", d.code);
      // Under the entry's first paragraph (its number), where the eye looks for it, in
      // the order of the diagnostics.
      var after = target && target.firstElementChild;
      while (after && after.nextElementSibling && after.nextElementSibling.classList.contains("live-diag")) {
        after = after.nextElementSibling;
      }
      if (after) target.insertBefore(note, after.nextSibling);
      else if (target) target.appendChild(note);
      else unplaced.push(d);
    });
    if (status.state === "ok") {
      var chip = node("div", "live-chip" + (status.warnings ? " warn" : ""),
        "\u2713 up to date \u2014 " + status.summary);
      chip.setAttribute("role", "status");
      document.body.appendChild(chip);
    } else {
      var banner = node("div", "live-banner" + (status.state === "failed" ? " failed" : ""));
      banner.setAttribute("role", "alert");
      var words = status.state === "failed"
        ? "The build failed: " + (status.message || "see the terminal")
        : status.summary + ". Nothing was written: the preview shows the last good build.";
      banner.appendChild(node("strong", "", words));
      if (unplaced.length) {
        var list = node("ul");
        unplaced.forEach(function (d) { list.appendChild(node("li", "", describe(d))); });
        banner.appendChild(list);
      }
      document.body.insertBefore(banner, document.body.firstChild);
    }
    if (window.councilPaginate) window.councilPaginate();
  }

  // The entry at the top of the window and how far down it starts.
  function anchor() {
    var at = document.elementFromPoint(window.innerWidth / 2, 60);
    var entry = at && at.closest ? at.closest(".entry") : null;
    return entry ? { id: entry.id, top: entry.getBoundingClientRect().top } : null;
  }

  function swap(next) {
    if (loading) return;
    if (!window.councilPaginate) { window.location.reload(); return; }
    loading = true;
    fetch("/", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (text) {
      var doc = new DOMParser().parseFromString(text, "text/html");
      var fresh = doc.querySelector(".paper");
      var old = document.querySelector(".paper");
      if (!fresh || !old) { window.location.reload(); return; }
      var mark = anchor(), y = window.scrollY;
      var style = doc.querySelector("head style"), ours = document.querySelector("head style");
      if (style && ours && style.textContent !== ours.textContent) ours.textContent = style.textContent;
      document.title = doc.title;
      old.parentNode.replaceChild(document.importNode(fresh, true), old);
      version = next;
      document.documentElement.setAttribute("data-version", String(version));
      if (last) show(last); else window.councilPaginate();
      var back = mark && document.getElementById(mark.id);
      if (back) window.scrollBy(0, back.getBoundingClientRect().top - mark.top);
      else window.scrollTo(0, y);
    }).catch(function () { window.location.reload(); }).then(function () {
      loading = false;
      // A newer page was published while this one loaded.
      if (last && last.version > version) swap(last.version);
    });
  }

  var source = new EventSource("/events");
  source.addEventListener("status", function (e) {
    var status = JSON.parse(e.data);
    if (status.version !== version && status.version > 0) {
      last = status;
      swap(status.version);
    } else {
      show(status);
    }
  });
  source.onerror = function () {
    var chip = document.querySelector(".live-chip") || node("div", "live-chip");
    chip.className = "live-chip lost";
    chip.textContent = "reconnecting\u2026 (is council-report watch still running?)";
    if (!chip.parentNode) document.body.appendChild(chip);
  };
})();
