// ECharts (web jar org.webjars.npm:echarts 5.3.1, served from the application's jar) on canvas.
const charts = new Set();
window.addEventListener('resize', () => charts.forEach(c => c.resize()));

export function chart(el) {
  const existing = window.echarts.getInstanceByDom(el);
  if (existing) return existing;
  const c = window.echarts.init(el, null, { renderer: 'canvas' });
  charts.add(c);
  return c;
}
export function disposeAll() { charts.forEach(c => c.dispose()); charts.clear(); }

const grid = { left: 64, right: 24, top: 28, bottom: 40 };

/** Equity over time with its drawdown under it (points: {time, equity, drawdown}). */
export function equityDrawdown(el, points, title = 'Equity') {
  const c = chart(el);
  c.setOption({
    animation: false,
    title: [{ text: title, left: 8, textStyle: { fontSize: 13 } }, { text: 'Drawdown', top: '62%', left: 8, textStyle: { fontSize: 13 } }],
    tooltip: { trigger: 'axis' },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [{ ...grid, height: '48%' }, { ...grid, top: '68%', height: '22%' }],
    xAxis: [{ type: 'time', gridIndex: 0 }, { type: 'time', gridIndex: 1 }],
    yAxis: [{ type: 'value', scale: true, gridIndex: 0 }, { type: 'value', gridIndex: 1, inverse: true,
      axisLabel: { formatter: v => (v * 100).toFixed(1) + '%' } }],
    series: [
      { name: 'equity', type: 'line', showSymbol: false, data: points.map(p => [p.time, Number(p.equity)]) },
      { name: 'drawdown', type: 'line', showSymbol: false, xAxisIndex: 1, yAxisIndex: 1, areaStyle: { opacity: 0.3 },
        color: '#c0392b', data: points.map(p => [p.time, Number(p.drawdown)]) }
    ]
  }, true);
  return c;
}

/** A line over time (points: [time, value]). */
export function line(el, title, points) {
  const c = chart(el);
  c.setOption({
    animation: false, title: { text: title, left: 8, textStyle: { fontSize: 13 } }, tooltip: { trigger: 'axis' },
    grid, xAxis: { type: 'time' }, yAxis: { type: 'value', scale: true },
    series: [{ type: 'line', showSymbol: true, data: points }]
  }, true);
  return c;
}

/** Bars by category (entries: [[label, value]]). */
export function bars(el, title, entries) {
  const c = chart(el);
  c.setOption({
    animation: false, title: { text: title, left: 8, textStyle: { fontSize: 13 } }, tooltip: {},
    grid: { ...grid, bottom: 60 }, xAxis: { type: 'category', data: entries.map(e => e[0]), axisLabel: { rotate: 30 } },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: entries.map(e => ({ value: Number(e[1]), itemStyle: { color: Number(e[1]) < 0 ? '#c0392b' : '#1e8449' } })) }]
  }, true);
  return c;
}

/**
 * Candlesticks with the bot's fills marked: buys (entries of a long) as ▲ in blue, sells (exits) as ▼ in purple,
 * at their price and candle; equity under them on the same time axis.
 */
export function candles(el, candleList, fills, curve) {
  const c = chart(el);
  const marks = fills.map(f => f.side === 'buy'
    ? { name: 'buy', coord: [f.executedAt, Number(f.price)], value: 'buy', symbol: 'triangle', symbolSize: 16,
        symbolOffset: [0, '60%'], itemStyle: { color: '#1f5fbf', borderColor: '#fff', borderWidth: 1 }, label: { show: false } }
    : { name: 'sell', coord: [f.executedAt, Number(f.price)], value: 'sell', symbol: 'triangle', symbolRotate: 180,
        symbolSize: 16, symbolOffset: [0, '-60%'], itemStyle: { color: '#8e44ad', borderColor: '#fff', borderWidth: 1 }, label: { show: false } });
  c.setOption({
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'cross' } },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [{ ...grid, height: '52%' }, { ...grid, top: '70%', height: '20%' }],
    xAxis: [{ type: 'time', gridIndex: 0 }, { type: 'time', gridIndex: 1 }],
    yAxis: [{ type: 'value', scale: true, gridIndex: 0 }, { type: 'value', scale: true, gridIndex: 1 }],
    dataZoom: [{ type: 'inside', xAxisIndex: 0 }],
    series: [
      { name: 'price', type: 'candlestick', data: candleList.map(k => [k.openTime, Number(k.open), Number(k.close), Number(k.low), Number(k.high)]),
        itemStyle: { color: '#1e8449', color0: '#c0392b', borderColor: '#1e8449', borderColor0: '#c0392b' },
        markPoint: { data: marks } },
      { name: 'equity', type: 'line', xAxisIndex: 1, yAxisIndex: 1, showSymbol: false,
        data: (curve || []).map(p => [p.time, Number(p.equity)]) }
    ]
  }, true);
  return c;
}

/** A heat map of the objective over two parameters. */
export function heatmap(el, xName, yName, cells, objective) {
  const c = chart(el);
  const xs = [...new Set(cells.map(p => p.x))].sort((a, b) => Number(a) - Number(b));
  const ys = [...new Set(cells.map(p => p.y))].sort((a, b) => Number(a) - Number(b));
  const values = cells.filter(p => p.v !== null).map(p => p.v);
  c.setOption({
    animation: false, title: { text: `${objective} by ${xName} × ${yName}`, left: 8, textStyle: { fontSize: 13 } },
    tooltip: {}, grid: { ...grid, bottom: 80 },
    xAxis: { type: 'category', data: xs, name: xName, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'category', data: ys, name: yName, nameLocation: 'middle', nameGap: 44 },
    visualMap: { min: Math.min(...values), max: Math.max(...values), precision: 4, calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
    series: [{ type: 'heatmap', data: cells.filter(p => p.v !== null).map(p => [xs.indexOf(p.x), ys.indexOf(p.y), p.v]),
      label: { show: xs.length * ys.length <= 64, formatter: p => Number(p.value[2]).toPrecision(3) } }]
  }, true);
  return c;
}

/** The latest candles of a live feed, small (list: candles as the API gives them). */
export function liveCandles(el, list, title) {
  const c = chart(el);
  c.setOption({
    animation: false, title: { text: title, left: 8, textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' }, grid,
    xAxis: { type: 'time' }, yAxis: { type: 'value', scale: true },
    series: [{ name: 'price', type: 'candlestick', data: list.map(k => [k.openTime, Number(k.open), Number(k.close), Number(k.low), Number(k.high)]),
      itemStyle: { color: '#1e8449', color0: '#c0392b', borderColor: '#1e8449', borderColor0: '#c0392b' } }]
  }, true);
  return c;
}
