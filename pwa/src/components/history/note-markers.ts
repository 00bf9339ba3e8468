/**
 * Pulse's own chart.js plugin for notes on the charts: at each noted point, a dashed vertical line
 * and a numbered flag above the plot, the number of the note in the list under the chart (the
 * list is the accessible form: a canvas is a picture). Registered once in chart-setup.ts; a chart
 * without markers draws nothing more.
 *
 * After drawing, the canvas carries `data-note-markers` ("1@12 2·3@20": the flag's label at the
 * point's index), so what was drawn can be checked without reading pixels.
 */
import type { Chart, Plugin } from 'chart.js';

/** One flag: the point it stands on, and its label (the notes' numbers, "2·3" when two share a week). */
export interface NoteMarker {
  index: number;
  label: string;
}

interface Markers {
  markers: readonly NoteMarker[];
  /** The line's and the flag's colour, and the label's on it. */
  ink: string;
  paper: string;
}

/** How tall a flag is; the chart keeps this much room above its plot when it has markers. */
export const NOTE_FLAG_HEIGHT = 16;
const FLAG_PADDING = 4;

const markersOf = new WeakMap<Chart, Markers>();

/** The markers a chart draws from its next update on (none: an empty list). */
export function setNoteMarkers(chart: Chart, markers: readonly NoteMarker[], colours: { ink: string; paper: string }): void {
  markersOf.set(chart, { markers, ...colours });
}

export const noteMarkersPlugin: Plugin = {
  id: 'pulseNoteMarkers',
  afterDatasetsDraw(chart) {
    const drawn = markersOf.get(chart);
    const scale = chart.scales['x'];
    const drawnLabels: string[] = [];
    if (drawn !== undefined && scale !== undefined && drawn.markers.length > 0) {
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.font = `600 11px ${getComputedStyle(chart.canvas).fontFamily}`;
      ctx.textBaseline = 'middle';
      for (const marker of drawn.markers) {
        const x = scale.getPixelForValue(marker.index);
        if (!Number.isFinite(x) || x < chartArea.left - 1 || x > chartArea.right + 1) continue;
        ctx.strokeStyle = drawn.ink;
        ctx.lineWidth = 1;
        ctx.setLineDash([4, 3]);
        ctx.beginPath();
        ctx.moveTo(x, chartArea.top - NOTE_FLAG_HEIGHT);
        ctx.lineTo(x, chartArea.bottom);
        ctx.stroke();
        // The flag flies to the right of its pole, to the left near the right edge.
        const width = ctx.measureText(marker.label).width + 2 * FLAG_PADDING;
        const left = x + width > chartArea.right ? x - width : x;
        ctx.setLineDash([]);
        ctx.fillStyle = drawn.ink;
        ctx.fillRect(left, chartArea.top - NOTE_FLAG_HEIGHT, width, NOTE_FLAG_HEIGHT);
        ctx.fillStyle = drawn.paper;
        ctx.fillText(marker.label, left + FLAG_PADDING, chartArea.top - NOTE_FLAG_HEIGHT / 2);
        drawnLabels.push(`${marker.label}@${marker.index}`);
      }
      ctx.restore();
    }
    chart.canvas.dataset['noteMarkers'] = drawnLabels.join(' ');
  },
};
