(function () {
  'use strict';
  // Sorting needs this script; the headings look clickable only when it runs.
  document.documentElement.classList.add('js');
  // Sorts a findings table by the clicked column; ties keep the text order.
  function value(row, key) {
    var v = row.getAttribute('data-' + key) || '';
    return key === 'rule' ? v : Number(v);
  }
  // A tooltip that would cross the window's right edge opens leftwards instead.
  function place(mark) {
    var tip = mark.querySelector('.tip');
    if (!tip) { return; }
    tip.classList.remove('flip');
    var box = tip.getBoundingClientRect();
    // Before the tooltip is laid out (hover styles not yet applied), its widest possible box.
    var right = box.width ? box.right : mark.getBoundingClientRect().left + Math.min(480, window.innerWidth * 0.8);
    if (right > document.documentElement.clientWidth - 8) { tip.classList.add('flip'); }
  }
  Array.prototype.forEach.call(document.querySelectorAll('mark.finding'), function (mark) {
    mark.addEventListener('mouseenter', function () { place(mark); });
    mark.addEventListener('focus', function () { place(mark); });
  });
  // Shows only the findings of one category or rule, in the text and in the table.
  function matches(value, rules, categories) {
    if (!value) { return true; }
    var kind = value.slice(0, value.indexOf(':')), name = value.slice(value.indexOf(':') + 1);
    var list = (kind === 'rule' ? rules : categories) || '';
    return (' ' + list + ' ').indexOf(' ' + name + ' ') >= 0;
  }
  Array.prototype.forEach.call(document.querySelectorAll('.filter select'), function (select) {
    select.addEventListener('change', function () {
      var doc = document.getElementById(select.getAttribute('data-doc'));
      var value = select.value;
      Array.prototype.forEach.call(doc.querySelectorAll('mark.finding'), function (m) {
        m.classList.toggle('dim', !matches(value, m.getAttribute('data-rules'), m.getAttribute('data-categories')));
      });
      Array.prototype.forEach.call(doc.querySelectorAll('table.findings tbody tr'), function (r) {
        r.classList.toggle('filtered', !matches(value, r.getAttribute('data-rule'), r.getAttribute('data-category')));
      });
    });
  });
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
