// Progressive enhancement only: every page is complete without this file.
// - the indicators table: sort by column, filter by text, ambito and status;
// - the search page: filter the full list as you type;
// - printing: open every <details> so the workings and tables are printed.
(function () {
  "use strict";

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return key in values ? values[key] : "";
    });
  }

  function sortable(table) {
    var body = table.tBodies[0];
    var label = table.getAttribute("data-sort-label") || "{column}";
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = th.textContent;
      button.setAttribute("aria-label", fill(label, { column: th.textContent }));
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.getAttribute("data-sort-type") === "number";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[column]), y = key(b.cells[column]);
          var order;
          if (numeric) {
            // Rows without a value go last, whatever the direction.
            if (x === "" || y === "") { return x === "" ? (y === "" ? 0 : 1) : -1; }
            order = parseFloat(x) - parseFloat(y);
          } else {
            order = x.localeCompare(y, document.documentElement.lang);
          }
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
    function key(cell) {
      var value = cell.getAttribute("data-sort");
      return value !== null ? value : cell.textContent.trim();
    }
  }

  function filterable(table, form) {
    var text = form.querySelector("#filter-text");
    var ambito = form.querySelector("#filter-ambito");
    var status = form.querySelector("#filter-status");
    var count = form.querySelector("#filter-count");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (row) { return fold(row.textContent); });
    function apply() {
      var words = fold(text.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var visible = words.every(function (w) { return texts[i].indexOf(w) !== -1; }) &&
          (!ambito.value || row.getAttribute("data-ambito") === ambito.value) &&
          (!status.value ||
            (" " + row.getAttribute("data-status") + " ").indexOf(" " + status.value + " ") >= 0);
        row.hidden = !visible;
        if (visible) { shown += 1; }
      });
      count.textContent = fill(count.getAttribute("data-template"), { shown: shown, total: rows.length });
    }
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    [text, ambito, status].forEach(function (field) {
      field.addEventListener("input", apply);
      field.addEventListener("change", apply);
    });
    apply();
  }

  function search(form, list, count) {
    var input = form.querySelector("input");
    var items = Array.prototype.slice.call(list.children);
    function apply() {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item) {
        var text = item.getAttribute("data-text") || "";
        var visible = words.every(function (w) { return text.indexOf(w) !== -1; });
        item.hidden = !visible;
        if (visible) { shown += 1; }
      });
      if (words.length) {
        count.textContent = fill(count.getAttribute("data-template"), { count: shown });
      }
    }
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { input.value = query; }
    input.addEventListener("input", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    apply();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var table = document.getElementById("indicator-table");
    if (table) {
      sortable(table);
      var form = document.getElementById("indicator-filters");
      if (form) { filterable(table, form); }
    }
    var searchForm = document.getElementById("search-form");
    if (searchForm) {
      search(searchForm, document.getElementById("search-results"), document.getElementById("search-count"));
    }
  });

  var opened = [];
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
