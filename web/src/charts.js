// ECharts with only the parts the GEP views use (bar, line, grid, tooltip, legend, aria, canvas),
// so the chunk stays small; loaded on first use by gep.js.

import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, CanvasRenderer]);

export default echarts;
