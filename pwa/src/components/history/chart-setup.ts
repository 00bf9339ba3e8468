/**
 * The parts of chart.js that Pulse draws with, registered once. Only Chart.tsx imports this
 * module, and dynamically: chart.js stays out of the first bundle, and the controllers, scales and
 * plugins that are not named here are shaken out of the chart chunk.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

import { noteMarkersPlugin, setNoteMarkers } from './note-markers';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, noteMarkersPlugin);
// Charts speak in the app's own type (styles.css `--font`), not chart.js's Helvetica.
const appFont = getComputedStyle(document.documentElement).getPropertyValue('--font').trim();
if (appFont !== '') Chart.defaults.font.family = appFont;

export { Chart, setNoteMarkers };
