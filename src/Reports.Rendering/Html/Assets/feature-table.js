'use strict';
// The table of every feature: only the rows in view (and a few either side) are in the document, placed over a
// spacer as tall as the whole list, so 65,536 features cost what 40 do. Search, the two filters and the sort make
// a list of row indices; scrolling only moves and refills the rows in view.

const TABLE_ROW_HEIGHT = 28;
const TABLE_OVERSCAN = 6;
/** Browsers cap an element's height (about 33 million px in Chromium): past this the scroll position is scaled. */
const TABLE_MAX_SPACER = 8000000;

/** The table's columns: header, width, how a cell reads and how the column sorts. */
const FEATURE_COLUMNS = [
  { header: 'Feature', width: '5.5rem', numeric: true, value: (c, i) => c.id[i], text: (c, i) => String(c.id[i]) },
  { header: 'Type', width: '6.5rem', text: (c, i) => c.type(i) },
  { header: 'Description', width: 'minmax(16rem, 1fr)', text: (c, i) => c.description[i], auto: true },
  { header: 'Token', width: '6.5rem', text: (c, i) => c.token(i) || '', auto: true },
  { header: 'Most specific to', width: '8rem', text: (c, i) => c.mostSpecificLabel(i) || NO_VALUE, auto: true },
  { header: 'Its d', title: "Cohen's d of that category against the feature's other prompts", width: '4.5rem', numeric: true,
    value: (c, i) => c.mostSpecificD[i], text: (c, i) => formatNumber(c.mostSpecificD[i], 2) },
  { header: 'Prompts', width: '4.8rem', numeric: true, value: (c, i) => c.prompts[i], text: (c, i) => String(c.prompts[i]) },
  { header: 'General mean', width: '6rem', numeric: true, value: (c, i) => c.generalMean[i],
    text: (c, i) => formatFileNumber(c.described[i], c.generalMean[i]) },
  { header: 'General max', width: '6rem', numeric: true, value: (c, i) => c.generalMax[i],
    text: (c, i) => formatFileNumber(c.described[i], c.generalMax[i]) },
  { header: 'Personal mean', width: '6.3rem', numeric: true, value: (c, i) => c.personalMean[i],
    text: (c, i) => formatFileNumber(c.described[i], c.personalMean[i]) },
  { header: "Cohen's d", title: "personal_cohens_d of the descriptions file", width: '5.5rem', numeric: true,
    value: (c, i) => c.personalCohensD[i], text: (c, i) => formatFileNumber(c.described[i], c.personalCohensD[i], 2) },
];

class FeatureTable {
  /**
   * @param root the element holding the search box, the filters, the count and the grid
   * @param onOpen called with a feature's index when its row is clicked (or chosen with the keyboard)
   */
  constructor(root, catalog, onOpen) {
    this.root = root;
    this.catalog = catalog;
    this.onOpen = onOpen;
    this.search = root.querySelector('input[type="search"]');
    this.typeFilter = root.querySelector('select[name="type"]');
    this.categoryFilter = root.querySelector('select[name="category"]');
    this.countText = root.querySelector('.count');
    this.grid = root.querySelector('.feature-grid');
    this.grid.style.setProperty('--grid-columns', FEATURE_COLUMNS.map(column => column.width).join(' '));
    this.grid.setAttribute('aria-rowcount', String(catalog.count + 1));
    this.header = element('div', null, 'grid-header');
    this.header.setAttribute('role', 'row');
    FEATURE_COLUMNS.forEach((column, index) => {
      const cell = element('div', column.header, column.numeric ? 'num' : '');
      cell.setAttribute('role', 'columnheader');
      cell.title = column.title || `Sort by ${column.header.toLowerCase()}`;
      cell.addEventListener('click', () => this.sortBy(index));
      this.header.append(cell);
    });
    this.spacer = element('div', null, 'grid-spacer');
    this.empty = element('div', 'No feature matches.', 'empty');
    this.empty.hidden = true;
    this.grid.replaceChildren(this.header, this.spacer, this.empty);
    this.rows = [];
    this.selected = -1;
    this.sortColumn = 0;
    this.descending = false;
    this.sortKeys = new Map();
    this.order = null;
    this.shown = new Int32Array(0);
    this.fillFilters();
    this.listen();
    this.markSort();
    this.filter();
  }

  fillFilters() {
    const catalog = this.catalog;
    const typeCounts = new Map();
    const categoryCounts = new Map();
    for (let i = 0; i < catalog.count; i++) {
      typeCounts.set(catalog.types.codes[i], (typeCounts.get(catalog.types.codes[i]) || 0) + 1);
      categoryCounts.set(catalog.mostSpecific[i], (categoryCounts.get(catalog.mostSpecific[i]) || 0) + 1);
    }

    const option = (value, text) => {
      const node = element('option', text);
      node.value = value;
      return node;
    };
    this.typeFilter.append(...[...typeCounts].sort((a, b) => (catalog.types.values[a[0]] < catalog.types.values[b[0]] ? -1 : 1))
      .map(([code, count]) => option(String(code), `${catalog.types.values[code]} (${formatInteger(count)})`)));
    this.categoryFilter.append(...[...categoryCounts].sort((a, b) => (a[0] < 0) - (b[0] < 0) || a[0] - b[0])
      .map(([label, count]) => option(String(label), `${label < 0 ? 'no prompts' : catalog.labels[label]} (${formatInteger(count)})`)));
  }

  listen() {
    let pending = 0;
    this.search.addEventListener('input', () => {
      clearTimeout(pending);
      pending = setTimeout(() => this.filter(), this.catalog.count > 20000 ? 150 : 0);
    });
    this.typeFilter.addEventListener('change', () => this.filter());
    this.categoryFilter.addEventListener('change', () => this.filter());
    let frame = 0;
    const later = () => {
      if (!frame) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          this.render();
        });
      }
    };
    this.grid.addEventListener('scroll', later);
    new ResizeObserver(later).observe(this.grid);
    this.spacer.addEventListener('click', event => {
      const row = event.target.closest('.grid-row');
      if (row) {
        this.open(Number(row.dataset.index));
      }
    });
    this.grid.addEventListener('keydown', event => this.onKey(event));
  }

  /** The rows in sort order, computed once per sort; filtering keeps this order. */
  sortedOrder() {
    if (this.order) {
      return this.order;
    }

    const catalog = this.catalog;
    const column = FEATURE_COLUMNS[this.sortColumn];
    const order = Array.from({ length: catalog.count }, (_, i) => i);
    const sign = this.descending ? -1 : 1;
    if (column.numeric) {
      const values = new Float64Array(catalog.count);
      for (let i = 0; i < catalog.count; i++) {
        values[i] = column.value(catalog, i);
      }

      // Missing values last in either direction; ties in id order.
      order.sort((a, b) => {
        const x = values[a];
        const y = values[b];
        if (Number.isNaN(x) || Number.isNaN(y)) {
          return Number.isNaN(x) - Number.isNaN(y) || a - b;
        }

        return x === y ? a - b : (x < y ? -sign : sign);
      });
    } else {
      if (!this.sortKeys.has(this.sortColumn)) {
        this.sortKeys.set(this.sortColumn, order.map(i => column.text(catalog, i).toLowerCase()));
      }

      const keys = this.sortKeys.get(this.sortColumn);
      order.sort((a, b) => (keys[a] === keys[b] ? a - b : (keys[a] < keys[b] ? -sign : sign)));
    }

    this.order = order;
    return order;
  }

  sortBy(index) {
    this.descending = this.sortColumn === index ? !this.descending : FEATURE_COLUMNS[index].numeric && index !== 0;
    this.sortColumn = index;
    this.order = null;
    this.markSort();
    this.filter();
  }

  markSort() {
    Array.from(this.header.children).forEach((cell, index) =>
      cell.setAttribute('aria-sort', index === this.sortColumn ? (this.descending ? 'descending' : 'ascending') : 'none'));
  }

  /** The rows the search box and the filters leave, in sort order; the list starts again at the top. */
  filter() {
    const catalog = this.catalog;
    const terms = FeatureCatalog.terms(this.search.value);
    const type = this.typeFilter.value === '' ? null : Number(this.typeFilter.value);
    const category = this.categoryFilter.value === '' ? null : Number(this.categoryFilter.value);
    const order = this.sortedOrder();
    const shown = new Int32Array(order.length);
    let count = 0;
    for (const i of order) {
      if ((type === null || catalog.types.codes[i] === type)
        && (category === null || catalog.mostSpecific[i] === category)
        && (terms.length === 0 || catalog.matches(i, terms))) {
        shown[count++] = i;
      }
    }

    this.shown = shown.subarray(0, count);
    this.countText.textContent = count === catalog.count
      ? `${formatInteger(catalog.count)} features`
      : `${formatInteger(count)} of ${formatInteger(catalog.count)} features`;
    this.empty.hidden = count > 0;
    this.grid.scrollTop = 0;
    this.render();
  }

  /** Puts the rows in view (and TABLE_OVERSCAN either side) in the document, and only those. */
  render() {
    const total = this.shown.length;
    const full = total * TABLE_ROW_HEIGHT;
    const spacerHeight = Math.min(full, TABLE_MAX_SPACER);
    this.spacer.style.height = `${spacerHeight}px`;
    const viewport = Math.max(TABLE_ROW_HEIGHT, this.grid.clientHeight - this.header.offsetHeight);
    const scrollTop = this.grid.scrollTop;
    // A list taller than the spacer scrolls at a larger step: the spacer's scroll range covers all of it.
    const ratio = spacerHeight > viewport ? (full - viewport) / (spacerHeight - viewport) : 1;
    const virtualTop = scrollTop * ratio;
    const first = Math.max(0, Math.floor(virtualTop / TABLE_ROW_HEIGHT) - TABLE_OVERSCAN);
    const last = Math.min(total, Math.ceil((virtualTop + viewport) / TABLE_ROW_HEIGHT) + TABLE_OVERSCAN);
    while (this.rows.length < last - first) {
      this.rows.push(this.newRow());
    }

    for (let k = first; k < last; k++) {
      const row = this.rows[k - first];
      const index = this.shown[k];
      if (row.featureIndex !== index) {
        this.fillRow(row, index);
      }

      row.style.transform = `translateY(${scrollTop + (k * TABLE_ROW_HEIGHT) - virtualTop}px)`;
      row.classList.toggle('odd', k % 2 === 1);
      row.classList.toggle('selected', index === this.selected);
      row.setAttribute('aria-rowindex', String(k + 2));
      if (!row.isConnected) {
        this.spacer.append(row);
      }
    }

    // Rows past the ones in view leave the document.
    for (let k = last - first; k < this.rows.length; k++) {
      this.rows[k].remove();
    }
  }

  newRow() {
    const row = element('div', null, 'grid-row');
    row.setAttribute('role', 'row');
    row.featureIndex = -1;
    for (const column of FEATURE_COLUMNS) {
      const cell = element('div', null, column.numeric ? 'num' : '');
      cell.setAttribute('role', 'gridcell');
      if (column.auto) {
        cell.dir = 'auto';
      }

      row.append(cell);
    }

    return row;
  }

  fillRow(row, index) {
    row.featureIndex = index;
    row.dataset.index = String(index);
    row.dataset.feature = String(this.catalog.id[index]);
    FEATURE_COLUMNS.forEach((column, c) => {
      row.children[c].textContent = column.text(this.catalog, index);
    });
  }

  open(index) {
    this.selected = index;
    this.render();
    this.onOpen(index);
  }

  /** Up and down move the open feature through the list; the list scrolls to keep it in view. */
  onKey(event) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
      return;
    }

    event.preventDefault();
    const at = this.shown.indexOf(this.selected);
    const next = Math.max(0, Math.min(this.shown.length - 1, at < 0 ? 0 : at + (event.key === 'ArrowDown' ? 1 : -1)));
    if (this.shown.length === 0) {
      return;
    }

    this.scrollToRow(next);
    this.open(this.shown[next]);
  }

  /** Shows a feature's row, scrolled into view with the table, and opens it; the search and filters are cleared if they hide it. */
  reveal(index) {
    if (this.shown.indexOf(index) < 0) {
      this.search.value = '';
      this.typeFilter.value = '';
      this.categoryFilter.value = '';
      this.filter();
    }

    this.root.scrollIntoView({ block: 'start' });
    this.scrollToRow(this.shown.indexOf(index));
    this.open(index);
  }

  scrollToRow(k) {
    const viewport = this.grid.clientHeight - this.header.offsetHeight;
    const full = this.shown.length * TABLE_ROW_HEIGHT;
    const spacerHeight = Math.min(full, TABLE_MAX_SPACER);
    const ratio = spacerHeight > viewport ? (full - viewport) / (spacerHeight - viewport) : 1;
    const top = k * TABLE_ROW_HEIGHT;
    const virtualTop = this.grid.scrollTop * ratio;
    if (top < virtualTop) {
      this.grid.scrollTop = top / ratio;
    } else if (top + TABLE_ROW_HEIGHT > virtualTop + viewport) {
      this.grid.scrollTop = (top + TABLE_ROW_HEIGHT - viewport) / ratio;
    }
  }
}
