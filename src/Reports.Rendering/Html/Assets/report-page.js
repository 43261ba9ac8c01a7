'use strict';
// Wires the page up once its data is decoded: the table of every feature first (the page's main content), then the
// heatmap once the fonts its labels need are loaded. window.ReportPage exposes the parts and `ready`, a promise
// that settles when both are drawn (what a test or a measurement waits for).

const ReportPage = { ready: null, readyAt: NaN, catalog: null, table: null, details: null, heatmap: null, links: null };
window.ReportPage = ReportPage;

ReportPage.ready = (async () => {
  try {
    if (typeof DecompressionStream === 'undefined') {
      throw new Error("this browser lacks DecompressionStream (Chrome 80, Firefox 113 and Safari 16.4 have it), which decodes the page's data");
    }

    const catalog = new FeatureCatalog(await readEmbeddedJson('feature-data'));
    ReportPage.catalog = catalog;
    ReportPage.details = new FeatureDetails(document.getElementById('feature-details'), catalog);
    ReportPage.table = new FeatureTable(document.getElementById('feature-browser'), catalog, index => {
      ReportPage.details.show(index);
      ReportPage.links.opened(index);
    });
    ReportPage.links = new FeatureLinks(catalog, ReportPage.table);

    const data = await readEmbeddedJson('heatmap-data');
    const figure = document.getElementById('heatmap-figure');
    if (data.columns.length === 0 || data.rows.length === 0) {
      figure.replaceChildren(element('p', 'No feature has prompts: the heatmap has no cells.', 'note'));
    } else {
      // A canvas draws text only with fonts already loaded: load the page's faces for the labels first.
      const fontFamily = getComputedStyle(document.body).fontFamily;
      const texts = [data.title, data.xTitle, data.yTitle, data.colorTitle, ...data.rows, ...data.tickLabels, '0123456789.-\u2026'].join('');
      await Promise.all([document.fonts.load(`12px ${fontFamily}`, texts), document.fonts.load(`bold 12px ${fontFamily}`, texts)]);
      ReportPage.heatmap = new HeatmapCanvas(figure, data, fontFamily);
    }

    // The page has its final layout: go to the address's fragment (again, for one the browser went to on loading).
    ReportPage.links.follow();
    ReportPage.readyAt = performance.now();
    document.documentElement.dataset.ready = 'true';
  } catch (error) {
    for (const id of ['heatmap-figure', 'feature-browser']) {
      document.getElementById(id).prepend(element('p', `This part of the page could not be drawn: ${error.message}. features.csv and heatmap.png beside this page hold the same data.`, 'failure'));
    }

    throw error;
  }
})();
