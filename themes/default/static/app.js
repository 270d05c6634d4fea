// Progressive enhancement only: every page is complete without this file.
// - the indicators table: sort by column, filter by text, ambito, year and
//   status (the year chooses the targets and statuses shown);
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

  // The value a cell sorts by: its data-sort, or that of the year shown
  // (the target and status cells hold one span per year), or its text.
  function sortKey(cell) {
    var shown = cell.querySelector("[data-year]:not([hidden])");
    var source = shown || cell;
    var value = source.getAttribute("data-sort");
    return value !== null ? value : source.textContent.trim();
  }

  function sortable(table) {
    var body = table.tBodies[0];
    var label = table.getAttribute("data-sort-label") || "{column}";
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var original = Array.prototype.slice.call(body.rows);
    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      button.setAttribute("aria-label", fill(label, { column: button.textContent.trim() }));
      th.appendChild(button);
      button.addEventListener("click", function () {
        sortBy(column, th.getAttribute("aria-sort") !== "ascending");
      });
    });
    // column < 0: the plan's order.
    function sortBy(column, ascending) {
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      if (column < 0) {
        original.forEach(function (row) { body.appendChild(row); });
        return;
      }
      var th = headers[column];
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var numeric = th.getAttribute("data-sort-type") === "number";
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = sortKey(a.cells[column]), y = sortKey(b.cells[column]);
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
    }
    return sortBy;
  }

  function filterable(table, form, sortBy) {
    var text = form.querySelector("#filter-text");
    var ambito = form.querySelector("#filter-ambito");
    var year = form.querySelector("#filter-year");
    var status = form.querySelector("#filter-status");
    var order = form.querySelector("#sort-by");
    var count = form.querySelector("#filter-count");
    var empty = document.getElementById("filter-empty");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var texts = rows.map(function (row) { return fold(row.cells[0].textContent + " " + row.cells[1].textContent + " " + row.cells[2].textContent); });
    var fields = { q: text, ambito: ambito, anno: year, stato: status, ordine: order };

    // The year shown: the target and status of that year, in the cells,
    // the headers and the labels of the stacked rows on phones.
    function showYear(chosen) {
      Array.prototype.forEach.call(table.querySelectorAll("[data-year]"), function (el) {
        el.hidden = el.getAttribute("data-year") !== chosen;
      });
      Array.prototype.forEach.call(table.querySelectorAll(".index-year"), function (el) {
        el.textContent = chosen;
      });
      Array.prototype.forEach.call(table.querySelectorAll("[data-label-base]"), function (cell) {
        cell.setAttribute("data-label", cell.getAttribute("data-label-base") + " " + chosen);
      });
    }

    function apply() {
      showYear(year.value);
      var words = fold(text.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var codes = row.getAttribute("data-status-" + year.value) || "";
        var visible = words.every(function (w) { return texts[i].indexOf(w) !== -1; }) &&
          (!ambito.value || row.getAttribute("data-ambito") === ambito.value) &&
          (!status.value || (" " + codes + " ").indexOf(" " + status.value + " ") >= 0);
        row.hidden = !visible;
        if (visible) { shown += 1; }
      });
      var values = { shown: shown, total: rows.length };
      count.textContent = fill(count.getAttribute(shown ? "data-template" : "data-empty"), values);
      empty.hidden = shown > 0;
      table.hidden = shown === 0;
    }

    function applyOrder() {
      var parts = order.value.split(" ");
      sortBy(order.value ? parseInt(parts[0], 10) : -1, parts[1] !== "desc");
    }

    year.setAttribute("data-default", year.value);
    // The address holds the filters after a submit: a shared link shows the same.
    var params = new URLSearchParams(window.location.search);
    Object.keys(fields).forEach(function (name) {
      var value = params.get(name);
      var field = fields[name];
      if (value === null) { return; }
      if (field.tagName === "SELECT" && !field.querySelector('option[value="' + value.replace(/"/g, "") + '"]')) { return; }
      field.value = value;
    });

    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply();
      applyOrder();
      var query = new URLSearchParams();
      Object.keys(fields).forEach(function (name) {
        var field = fields[name];
        var fallback = field === year ? year.getAttribute("data-default") : "";
        if (field.value && field.value !== fallback) { query.set(name, field.value); }
      });
      var search = query.toString();
      window.history.replaceState(null, "", search ? "?" + search : window.location.pathname);
    });
    form.addEventListener("reset", function () {
      // After the browser has put the fields back.
      window.setTimeout(function () { apply(); applyOrder(); }, 0);
    });
    [text, ambito, year, status].forEach(function (field) {
      field.addEventListener("input", apply);
      field.addEventListener("change", apply);
    });
    order.addEventListener("change", applyOrder);
    apply();
    if (order.value) { applyOrder(); }
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
      var sortBy = sortable(table);
      var form = document.getElementById("indicator-filters");
      if (form) { filterable(table, form, sortBy); }
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
