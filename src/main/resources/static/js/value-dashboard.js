// The value dashboard's charts (templates/value/dashboard.html): data and labels come from the data-* attributes of
// #value-dashboard-data, as the Content-Security-Policy allows no inline script. Text from records goes through
// ka.escapeHtml (js/html.js) before it reaches any HTML.
(function () {
  var data = document.getElementById('value-dashboard-data');
  if (!window.echarts || !data || !document.getElementById('pareto-chart')) { return; }
  var charts = JSON.parse(data.dataset.charts);
  var marginShare = data.dataset.marginShare;
  var accountShare = data.dataset.accountShare;
  var accountsLabel = data.dataset.accounts;
  var marginLabel = data.dataset.margin;
  var valueAxis = data.dataset.valueAxis;
  var potentialAxis = data.dataset.potentialAxis;
  var esc = window.ka.escapeHtml;
  var all = [];
  function make(id) { var c = echarts.init(document.getElementById(id)); all.push(c); return c; }

  make('pareto-chart').setOption({
    grid: { left: 48, right: 16, top: 16, bottom: 40 },
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + '%'; } },
    xAxis: { type: 'value', min: 0, max: 100, name: accountShare, nameLocation: 'middle', nameGap: 26, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'value', min: 0, max: 100, name: marginShare, axisLabel: { formatter: '{value}%' } },
    series: [{ type: 'line', data: charts.pareto, smooth: true, showSymbol: false, areaStyle: { opacity: 0.15 },
               markLine: { silent: true, symbol: 'none', data: [{ xAxis: 20 }] } }]
  });

  make('tier-chart').setOption({
    grid: { left: 48, right: 56, top: 32, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { data: [accountsLabel, marginLabel] },
    xAxis: { type: 'category', data: charts.tierNames },
    yAxis: [{ type: 'value', name: accountsLabel }, { type: 'value', name: marginLabel }],
    series: [{ name: accountsLabel, type: 'bar', data: charts.tierCounts },
             { name: marginLabel, type: 'line', yAxisIndex: 1, data: charts.tierMargins }]
  });

  var tierColours = { A: '#d97706', B: '#2563eb', C: '#64748b', D: '#cbd5e1' };
  var matrixSeries = Object.keys(charts.matrix).map(function (tier) {
    return { name: tier, type: 'scatter', symbolSize: 8, data: charts.matrix[tier], itemStyle: { color: tierColours[tier] },
             encode: { x: 0, y: 1, tooltip: [2] } };
  });
  matrixSeries[0].markLine = { silent: true, symbol: 'none', lineStyle: { type: 'dashed' }, data: [{ xAxis: 50 }, { yAxis: 50 }] };
  var q = charts.quadrants;
  matrixSeries[0].markArea = { silent: true, itemStyle: { color: 'rgba(0,0,0,0)' }, label: { color: '#64748b', position: 'insideTop' }, data: [
    [{ name: q.DEVELOP, coord: [50, 50] }, { coord: [100, 100] }],
    [{ name: q.CULTIVATE, coord: [0, 50] }, { coord: [50, 100] }],
    [{ name: q.KEEP, coord: [50, 0] }, { coord: [100, 50] }],
    [{ name: q.OBSERVE, coord: [0, 0] }, { coord: [50, 50] }]] };
  var matrix = make('matrix-chart');
  matrix.setOption({
    grid: { left: 48, right: 16, top: 28, bottom: 40 },
    legend: { data: Object.keys(charts.matrix) },
    // The account name is a user's text: escaped, as everything put into the tooltip's HTML.
    tooltip: { trigger: 'item', formatter: function (p) {
      return esc(p.data[2]) + '<br>' + esc(valueAxis) + ' ' + esc(p.data[0]) + ' / ' + esc(potentialAxis) + ' ' + esc(p.data[1]);
    } },
    xAxis: { type: 'value', min: 0, max: 100, name: valueAxis, nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'value', min: 0, max: 100, name: potentialAxis },
    series: matrixSeries
  });
  // A click on a point opens its account; a click elsewhere in a quadrant lists the quadrant's accounts.
  var pointClicked = false;
  matrix.on('click', function (p) {
    if (p.componentType === 'series' && p.data) { pointClicked = true; window.location = '/customers/accounts/' + p.data[3] + '?tab=value'; }
  });
  matrix.getZr().on('click', function (e) {
    if (pointClicked) { pointClicked = false; return; }
    var at = [e.offsetX, e.offsetY];
    if (!matrix.containPixel('grid', at)) { return; }
    var v = matrix.convertFromPixel({ seriesIndex: 0 }, at);
    var quadrant = v[0] >= 50 ? (v[1] >= 50 ? 'DEVELOP' : 'KEEP') : (v[1] >= 50 ? 'CULTIVATE' : 'OBSERVE');
    window.location = '/value/accounts?quadrant=' + quadrant;
  });

  make('trend-chart').setOption({
    grid: { left: 48, right: 16, top: 56, bottom: 28 },
    tooltip: { trigger: 'axis' },
    legend: { data: Object.keys(charts.trendSeries) },
    xAxis: { type: 'category', data: charts.trendDates },
    yAxis: { type: 'value', name: accountsLabel },
    series: Object.keys(charts.trendSeries).map(function (name) {
      return { name: name, type: 'bar', stack: 'classes', data: charts.trendSeries[name] };
    })
  });
  window.addEventListener('resize', function () { all.forEach(function (c) { c.resize(); }); });
})();
