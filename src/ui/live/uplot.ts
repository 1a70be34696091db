// uPlot with its stylesheet: the chunk the live charts load on first use (Chart.tsx).
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export default uPlot;
