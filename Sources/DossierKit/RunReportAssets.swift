/// The run report page's own stylesheet and script (constants of ours: no user text goes in them).
enum RunReportAssets {
    /// Screen first; below 700 px each case becomes a card with its column names, so a phone needs no sideways scroll.
    static let stylesheet = """
    body.run-report { font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", sans-serif; color: #1b1b1b;
      margin: 0 auto; max-width: 90rem; padding: 1rem; line-height: 1.4; }
    [hidden] { display: none !important; }
    h1 { font-size: 1.5rem; margin: 0 0 .3rem; }
    .meta { color: #555; margin: 0 0 .8rem; }
    .controls { margin: 0 0 .8rem; }
    input[type=search] { font: inherit; width: 100%; max-width: 32rem; padding: .4rem .5rem; box-sizing: border-box; }
    #shown { color: #555; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; vertical-align: top; padding: .45rem .5rem; border-bottom: 1px solid #d8d8d8;
      overflow-wrap: break-word; }
    .input { overflow-wrap: anywhere; }
    td:nth-child(1) { min-width: 11rem; } td:nth-child(4) { min-width: 14rem; } td:nth-child(5) { min-width: 13rem; max-width: 24rem; }
    thead th { border-bottom: 2px solid #888; white-space: nowrap; }
    th button { font: inherit; font-weight: bold; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
    th[aria-sort=ascending] button::after { content: " \\25B2"; }
    th[aria-sort=descending] button::after { content: " \\25BC"; }
    tr.error { background: #fff4f4; }
    ul { margin: 0; padding-left: 1.1rem; }
    ul.files { padding: 0; list-style: none; }
    ul.files li { display: inline-block; margin-right: .8rem; max-width: 100%; overflow-wrap: anywhere; }
    .input, .note, .hint, .count { color: #555; font-size: .92em; }
    .status.ok { color: #106b2a; font-weight: bold; }
    .status.error { color: #a4161a; font-weight: bold; }
    .verdict { font-weight: bold; }
    .verdict.not-eligible, .verdict.ineligible { color: #a4161a; }
    .problems.errors li { color: #7d1015; }
    .problems.warnings li { color: #6b4e00; }
    code, .where { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
    time { font-variant-numeric: tabular-nums; white-space: nowrap; }
    a { color: #0b57a4; }
    @media (max-width: 700px) {
      body.run-report { padding: .6rem; }
      table, tbody, tr, td { display: block; }
      thead tr { display: flex; flex-wrap: wrap; gap: .2rem .9rem; margin-bottom: .6rem; }
      thead th { border: 0; padding: 0; }
      tr { border: 1px solid #d8d8d8; border-radius: 6px; margin-bottom: .7rem; padding: .2rem .3rem; }
      td, td:nth-child(n) { border: 0; padding: .25rem .3rem; min-width: 0; max-width: none; }
      td::before { content: attr(data-label); display: block; font-size: .8em; font-weight: bold; color: #555; }
    }
    @media print { .controls { display: none; } tr { break-inside: avoid; } }
    """

    /// Sorts by a column (its cells' `data-sort`) on a header click and filters rows by every word typed. No `<`,
    /// `&` or `</` in it, so it stays the same whatever an HTML writer does to it.
    static let script = """
    document.addEventListener("DOMContentLoaded", function () {
      var table = document.getElementById("cases");
      var search = document.getElementById("search");
      var shown = document.getElementById("shown");
      if (!table || !search || !shown) return;
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
      var compare = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" }).compare;
      var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
      headers.forEach(function (th, column) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = th.textContent;
        th.textContent = "";
        th.appendChild(button);
        button.addEventListener("click", function () {
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var keyed = rows.map(function (row, index) {
            var cell = row.cells[column];
            return { row: row, index: index, key: cell.getAttribute("data-sort") || cell.textContent.trim() };
          });
          keyed.sort(function (a, b) { return (ascending ? 1 : -1) * compare(a.key, b.key) || a.index - b.index; });
          keyed.forEach(function (item) { body.appendChild(item.row); });
        });
      });
      function filter() {
        var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
        var count = 0;
        rows.forEach(function (row, index) {
          var match = words.every(function (word) { return texts[index].indexOf(word) !== -1; });
          row.hidden = !match;
          if (match) count += 1;
        });
        shown.textContent = count + " of " + rows.length + " cases shown";
      }
      search.hidden = false;
      search.addEventListener("input", filter);
      filter();
    });
    """
}
