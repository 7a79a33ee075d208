(function () {
  'use strict';
  // Sorting needs this script; the headings look clickable only when it runs.
  document.documentElement.classList.add('js');
  // Sorts a findings table by the clicked column; ties keep the text order.
  function value(row, key) {
    var v = row.getAttribute('data-' + key) || '';
    return key === 'rule' ? v : Number(v);
  }
  var tables = document.querySelectorAll('table.findings');
  Array.prototype.forEach.call(tables, function (table) {
    var headers = table.querySelectorAll('th[data-key]');
    Array.prototype.forEach.call(headers, function (th) {
      th.querySelector('button').addEventListener('click', function () {
        var key = th.getAttribute('data-key');
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a, key), y = value(b, key);
          var c = x < y ? -1 : (x > y ? 1 : 0);
          if (!ascending) { c = -c; }
          return c || value(a, 'order') - value(b, 'order');
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
}());
