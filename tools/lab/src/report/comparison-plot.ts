import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import * as vegaLite from 'vega-lite';

import type { DetectorQuality } from './evaluate.js';

type ConcatPanel = Extract<
  vegaLite.TopLevelSpec,
  { concat: unknown }
>['concat'][number];

const PANELS = [
  ['f1', 'F1'],
  ['roc_auc', 'ROC-AUC'],
  ['precision', 'Precision'],
  ['recall', 'Recall'],
  ['latency_ms', 'Latency per sample (ms)'],
] as const;

/**
 * `comparison_plots.png`: one bar chart per figure of the results table,
 * every detector in each, drawn with vega-lite to SVG and rasterised with
 * resvg. No browser and no network: it runs offline in CI.
 */
export async function renderComparisonPlot(
  rows: readonly DetectorQuality[],
): Promise<Uint8Array> {
  const svg = await renderComparisonSvg(rows);
  const png = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  }).render();
  return png.asPng();
}

export async function renderComparisonSvg(
  rows: readonly DetectorQuality[],
): Promise<string> {
  const spec = vegaLite.compile(comparisonSpec(rows)).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function comparisonSpec(
  rows: readonly DetectorQuality[],
): vegaLite.TopLevelSpec {
  const order = [...rows].sort((a, b) => b.f1 - a.f1).map((r) => r.detector);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: 'Detector comparison on the labelled test set',
      fontSize: 16,
    },
    data: { values: longFormat(rows) },
    columns: 3,
    concat: PANELS.map(([field, title]) => panel(field, title, order)),
    resolve: { scale: { y: 'independent' } },
    config: { font: 'DejaVu Sans', view: { stroke: null } },
  };
}

function panel(
  field: string,
  title: string,
  order: readonly string[],
): ConcatPanel {
  const isRate = field !== 'latency_ms';
  return {
    title,
    width: 260,
    height: 180,
    transform: [{ filter: { field: 'metric', equal: field } }],
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'detector', type: 'nominal', sort: [...order], title: null },
      y: {
        field: 'value',
        type: 'quantitative',
        title: null,
        scale: isRate ? { domain: [0, 1] } : { type: 'symlog' },
      },
      color: {
        field: 'detector',
        type: 'nominal',
        sort: [...order],
        legend: null,
      },
    },
  };
}

function longFormat(rows: readonly DetectorQuality[]) {
  return rows.flatMap((row) =>
    PANELS.map(([field]) => ({
      detector: row.detector,
      metric: field,
      value: row[field],
    })),
  );
}
