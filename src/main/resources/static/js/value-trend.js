// The score trend on an account's value tab (templates/value/account-tab.html, loaded by htmx): the data come from
// the chart's data-* attributes, as the Content-Security-Policy allows no inline script; ECharts is loaded on
// first use.
(function () {
  function draw() {
    var el = document.getElementById('value-trend-chart');
    if (!el || el.dataset.drawn) { return; }
    el.dataset.drawn = 'yes';
    echarts.init(el).setOption({
      grid: { left: 32, right: 8, top: 8, bottom: 24 }, tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: JSON.parse(el.dataset.dates) }, yAxis: { type: 'value', min: 0, max: 100 },
      series: [{ type: 'line', data: JSON.parse(el.dataset.scores), smooth: true }]
    });
  }
  var chart = document.getElementById('value-trend-chart');
  if (!chart) { return; }
  if (window.echarts) { draw(); return; }
  var script = document.createElement('script');
  script.src = chart.dataset.echarts;
  script.onload = draw;
  document.head.appendChild(script);
})();
