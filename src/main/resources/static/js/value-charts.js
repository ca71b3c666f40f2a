// Click-through of the value dashboard's charts: a bar, a stacked bar or a point of the 80/20 curve opens the
// scored-account list filtered to it. URLs and filter values come from the charts' data-* attributes.
(function () {
  'use strict';

  function open(element, params) {
    var query = new URLSearchParams(element.dataset.filters || '');
    query.delete('page');
    Object.keys(params).forEach(function (name) { query.set(name, params[name]); });
    window.location = element.dataset.listUrl + '?' + query.toString();
  }

  function list(value) {
    return value ? value.split(',') : [];
  }

  // The chart's grid under the pointer, as (x, y) in the axes' values; null outside the grid.
  function pointed(chart, event) {
    var at = [event.offsetX, event.offsetY];
    return chart.containPixel('grid', at) ? chart.convertFromPixel({ seriesIndex: 0 }, at) : null;
  }

  function clickableGrid(chart) {
    chart.getZr().on('mousemove', function (event) {
      chart.getZr().setCursorStyle(pointed(chart, event) ? 'pointer' : 'default');
    });
  }

  function pareto(element, chart) {
    clickableGrid(chart);
    chart.getZr().on('click', function (event) {
      var v = pointed(chart, event);
      if (!v) { return; }
      // the curve has a point every 2 % of the accounts
      var share = Math.min(100, Math.max(2, Math.round(v[0] / 2) * 2));
      open(element, { topShare: share, sort: 'current', dir: 'desc' });
    });
  }

  function tiers(element, chart) {
    var codes = list(element.dataset.tiers);
    clickableGrid(chart);
    chart.getZr().on('click', function (event) {
      var v = pointed(chart, event);
      var tier = v && codes[Math.round(v[0])];
      if (tier) { open(element, { tier: tier }); }
    });
  }

  function trend(element, chart) {
    var classes = list(element.dataset.classes);
    var dates = list(element.dataset.asOf);
    var segmentClicked = false;
    clickableGrid(chart);
    chart.on('click', function (p) {
      if (p.componentType !== 'series' || !dates[p.dataIndex] || !classes[p.seriesIndex]) { return; }
      segmentClicked = true;
      window.location = element.dataset.listUrl + '?' + new URLSearchParams({
        resourceClass: classes[p.seriesIndex], asOf: dates[p.dataIndex] }).toString();
    });
    // a click beside the bars lists the whole month
    chart.getZr().on('click', function (event) {
      if (segmentClicked) { segmentClicked = false; return; }
      var v = pointed(chart, event);
      var date = v && dates[Math.round(v[0])];
      if (date) { window.location = element.dataset.listUrl + '?' + new URLSearchParams({ asOf: date }).toString(); }
    });
  }

  var handlers = { 'pareto-chart': pareto, 'tier-chart': tiers, 'trend-chart': trend };

  function attach() {
    var pending = false;
    Object.keys(handlers).forEach(function (id) {
      var element = document.getElementById(id);
      if (!element || element.dataset.clickThrough) { return; }
      var chart = window.echarts && window.echarts.getInstanceByDom(element);
      if (!chart) { pending = true; return; }
      element.dataset.clickThrough = 'on';
      handlers[id](element, chart);
    });
    return pending;
  }

  if (attach()) {
    window.addEventListener('load', attach);
  }
})();
