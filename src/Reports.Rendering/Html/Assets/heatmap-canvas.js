'use strict';
// The heatmap on a canvas, drawn from HeatmapJson.cs's data with the page's own fonts: the same cells, colours and
// labels as heatmap.png, plus what the notebook's plotly figure gives: zoom (the wheel: features, with Shift:
// categories; or drag a box), pan (the Pan button, or Shift and drag), double-click to reset, the notebook's hover text
// on every cell, and a PNG of the view. Only what is in view is drawn, so thousands of columns cost one image.

const HEATMAP_TOP = 44;
const HEATMAP_RIGHT = 118;
const HEATMAP_BOTTOM = 88;
const HEATMAP_LABEL_PX = 12;
/** Past this many cells in view (or cells under 2 px), the cells are one image of a pixel per cell, scaled. */
const HEATMAP_MAX_RECTANGLES = 40000;
/** Columns per image: a canvas side must stay well under the browsers' limits (32,767 px in Chromium). */
const HEATMAP_TILE_COLUMNS = 8192;
/** A drag shorter than this (in px) along an axis does not zoom that axis. */
const HEATMAP_MIN_BOX = 8;

class HeatmapCanvas {
  /**
   * @param figure the element holding the canvas, the toolbar's buttons and the tooltip
   * @param data HeatmapJson's object
   * @param fontFamily the page's font-family list (its embedded faces, in fallback order)
   */
  constructor(figure, data, fontFamily) {
    this.figure = figure;
    this.canvas = figure.querySelector('canvas');
    this.tooltip = figure.querySelector('.heatmap-tooltip');
    this.data = data;
    this.fontFamily = fontFamily;
    this.columnCount = data.columns.length;
    this.rowCount = data.rows.length;
    this.values = toDoubles(data.values);
    this.colors = [];
    this.rgb = new Uint8Array(data.colors.length / 2);
    for (let i = 0; i < data.colors.length / 6; i++) {
      const hex = data.colors.substr(i * 6, 6);
      this.colors.push('#' + hex);
      for (let k = 0; k < 3; k++) {
        this.rgb[(i * 3) + k] = parseInt(hex.substr(k * 2, 2), 16);
      }
    }

    this.view = this.fullView();
    this.mode = 'zoom';
    this.hovered = null;
    this.drag = null;
    this.tiles = null;
    this.rowLabels = null;
    this.listen();
    this.resize();
    new ResizeObserver(() => {
      if (Math.round(this.figure.clientWidth) !== this.layout.width) {
        this.resize();
      }
    }).observe(figure);
  }

  fullView() {
    return { x0: 0, x1: this.columnCount, y0: 0, y1: this.rowCount };
  }

  font(px, weight) {
    return `${weight || 'normal'} ${px}px ${this.fontFamily}`;
  }

  /** Lays the figure out for the figure's width: the category names set the left margin, the rows the height. */
  resize() {
    const width = Math.max(320, Math.round(this.figure.clientWidth));
    const context = this.canvas.getContext('2d');
    context.font = this.font(HEATMAP_LABEL_PX);
    const widest = this.data.rows.reduce((most, label) => Math.max(most, context.measureText(label).width), 0);
    const labelWidth = Math.min(240, Math.ceil(widest));
    const left = 40 + labelWidth + 10;
    const plotWidth = Math.max(60, width - left - HEATMAP_RIGHT);
    const plotHeight = Math.min(560, Math.max(140, this.rowCount * 44));
    this.layout = { width, height: HEATMAP_TOP + plotHeight + HEATMAP_BOTTOM, left, top: HEATMAP_TOP, plotWidth, plotHeight, labelWidth };
    this.ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * this.ratio);
    this.canvas.height = Math.round(this.layout.height * this.ratio);
    this.canvas.style.height = `${this.layout.height}px`;
    this.rowLabels = null;
    this.draw();
  }

  scaleX() {
    return this.layout.plotWidth / (this.view.x1 - this.view.x0);
  }

  scaleY() {
    return this.layout.plotHeight / (this.view.y1 - this.view.y0);
  }

  /** The canvas x (CSS px) of a column coordinate (column c spans [c, c + 1]). */
  xOf(column) {
    return this.layout.left + ((column - this.view.x0) * this.scaleX());
  }

  yOf(row) {
    return this.layout.top + ((row - this.view.y0) * this.scaleY());
  }

  isInPlot(point) {
    const { left, top, plotWidth, plotHeight } = this.layout;
    return point.x >= left && point.x < left + plotWidth && point.y >= top && point.y < top + plotHeight;
  }

  /** The cell under a canvas point, or null outside the cells. */
  cellAt(point) {
    if (!this.isInPlot(point)) {
      return null;
    }

    const column = Math.floor(this.view.x0 + ((point.x - this.layout.left) / this.scaleX()));
    const row = Math.floor(this.view.y0 + ((point.y - this.layout.top) / this.scaleY()));
    return column >= 0 && column < this.columnCount && row >= 0 && row < this.rowCount ? { row, column } : null;
  }

  /** A cell's centre in the viewport's coordinates (what a mouse event there carries), or null when out of view. */
  cellCentre(row, column) {
    const x = this.xOf(column + 0.5);
    const y = this.yOf(row + 0.5);
    if (!this.isInPlot({ x, y })) {
      return null;
    }

    const box = this.canvas.getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  }

  /** The notebook's hover text of a cell; null for a blank cell. */
  hoverText(row, column) {
    return this.data.hover[(row * this.columnCount) + column];
  }

  value(row, column) {
    return this.values[(row * this.columnCount) + column];
  }

  colorIndex(value) {
    const { min, max } = this.data;
    return Math.max(0, Math.min(255, Math.round(((value - min) / (max - min)) * 255)));
  }

  /** Draws the figure into a context at a pixel ratio: the page's canvas, or a larger one for the PNG. */
  draw(context, ratio, withOverlay) {
    const ctx = context || this.canvas.getContext('2d');
    const { width, height, left, top, plotWidth, plotHeight } = this.layout;
    ctx.setTransform(ratio || this.ratio, 0, 0, ratio || this.ratio, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    this.drawCells(ctx);
    ctx.strokeStyle = '#222';
    ctx.lineWidth = 1;
    ctx.strokeRect(left - 0.5, top - 0.5, plotWidth + 1, plotHeight + 1);
    this.drawColumnLabels(ctx);
    this.drawRowLabels(ctx);
    this.drawTitles(ctx);
    this.drawColorBar(ctx);
    if (withOverlay !== false) {
      this.drawOverlay(ctx);
    }
  }

  drawCells(ctx) {
    const { left, top, plotWidth, plotHeight } = this.layout;
    const { x0, x1, y0, y1 } = this.view;
    const c0 = Math.floor(x0);
    const c1 = Math.ceil(x1);
    const r0 = Math.floor(y0);
    const r1 = Math.ceil(y1);
    const sx = this.scaleX();
    const sy = this.scaleY();
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, plotWidth, plotHeight);
    ctx.clip();
    if ((c1 - c0) * (r1 - r0) > HEATMAP_MAX_RECTANGLES || sx < 2 || sy < 2) {
      this.drawCellsAsImage(ctx, sx);
      ctx.restore();
      return;
    }

    for (let r = r0; r < r1; r++) {
      // Edges on whole pixels, so neighbouring cells meet without seams.
      const ya = Math.round(this.yOf(r));
      const yb = Math.round(this.yOf(r + 1));
      for (let c = c0; c < c1; c++) {
        const value = this.value(r, c);
        if (Number.isNaN(value)) {
          continue;
        }

        const xa = Math.round(this.xOf(c));
        ctx.fillStyle = this.colors[this.colorIndex(value)];
        ctx.fillRect(xa, ya, Math.round(this.xOf(c + 1)) - xa, yb - ya);
      }
    }

    // Each cell's value, in white and as heatmap.png writes it, where a cell is large enough to hold it.
    if (sx >= 38 && sy >= 16) {
      ctx.font = this.font(10);
      ctx.fillStyle = '#fff';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      for (let r = r0; r < r1; r++) {
        for (let c = c0; c < c1; c++) {
          const text = this.data.cellTexts[(r * this.columnCount) + c];
          if (text !== null) {
            ctx.fillText(text, this.xOf(c + 0.5), this.yOf(r + 0.5));
          }
        }
      }
    }

    ctx.restore();
  }

  /** Every cell in view at once: images of a pixel per cell, scaled (averaged when cells are under a pixel). */
  drawCellsAsImage(ctx, sx) {
    if (!this.tiles) {
      this.tiles = this.cellImages();
    }

    const { top, plotHeight } = this.layout;
    const { x0, x1, y0, y1 } = this.view;
    ctx.imageSmoothingEnabled = sx < 1;
    ctx.imageSmoothingQuality = 'high';
    for (const tile of this.tiles) {
      const a = Math.max(x0, tile.start);
      const b = Math.min(x1, tile.start + tile.width);
      if (a < b) {
        ctx.drawImage(tile.canvas, a - tile.start, y0, b - a, y1 - y0, this.xOf(a), top, (b - a) * sx, plotHeight);
      }
    }
  }

  cellImages() {
    const tiles = [];
    for (let start = 0; start < this.columnCount; start += HEATMAP_TILE_COLUMNS) {
      const width = Math.min(HEATMAP_TILE_COLUMNS, this.columnCount - start);
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = this.rowCount;
      const context = canvas.getContext('2d');
      const image = context.createImageData(width, this.rowCount);
      for (let r = 0; r < this.rowCount; r++) {
        for (let c = 0; c < width; c++) {
          const value = this.value(r, start + c);
          if (!Number.isNaN(value)) {
            const color = this.colorIndex(value) * 3;
            const pixel = ((r * width) + c) * 4;
            image.data[pixel] = this.rgb[color];
            image.data[pixel + 1] = this.rgb[color + 1];
            image.data[pixel + 2] = this.rgb[color + 2];
            image.data[pixel + 3] = 255;
          }
        }
      }

      context.putImageData(image, 0, 0);
      tiles.push({ start, width, canvas });
    }

    return tiles;
  }

  /** Feature ids at 45 degrees under their columns; every k-th when they would overlap. */
  drawColumnLabels(ctx) {
    const { top, plotHeight } = this.layout;
    // 18 px apart: labels at 45 degrees then stand 13 px apart, clear of each other at 12 px.
    const step = Math.max(1, Math.ceil(18 / this.scaleX()));
    ctx.font = this.font(HEATMAP_LABEL_PX);
    ctx.fillStyle = '#222';
    ctx.strokeStyle = '#222';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    for (let c = Math.max(0, Math.ceil((this.view.x0 - 0.5) / step) * step); c + 0.5 <= this.view.x1; c += step) {
      const x = this.xOf(c + 0.5);
      const y = top + plotHeight;
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x, y + 4);
      ctx.stroke();
      ctx.save();
      ctx.translate(x, y + 8);
      ctx.rotate(Math.PI / 4);
      ctx.fillText(this.data.columns[c], 0, 0);
      ctx.restore();
    }
  }

  /** Category names beside their rows, cut with "…" past the margin's width; every k-th when they would overlap. */
  drawRowLabels(ctx) {
    const { left, labelWidth } = this.layout;
    ctx.font = this.font(HEATMAP_LABEL_PX);
    if (!this.rowLabels) {
      this.rowLabels = this.data.rows.map(label => this.fitted(ctx, label, labelWidth));
    }

    const step = Math.max(1, Math.ceil(14 / this.scaleY()));
    ctx.fillStyle = '#222';
    ctx.strokeStyle = '#222';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (let r = Math.max(0, Math.ceil((this.view.y0 - 0.5) / step) * step); r + 0.5 <= this.view.y1; r += step) {
      const y = this.yOf(r + 0.5);
      ctx.beginPath();
      ctx.moveTo(left - 4, y);
      ctx.lineTo(left, y);
      ctx.stroke();
      ctx.fillText(this.rowLabels[r], left - 7, y);
    }
  }

  fitted(ctx, text, width) {
    if (ctx.measureText(text).width <= width) {
      return text;
    }

    const characters = Array.from(text);
    let keep = characters.length;
    while (keep > 1 && ctx.measureText(characters.slice(0, keep).join('') + '\u2026').width > width) {
      keep--;
    }

    return characters.slice(0, keep).join('') + '\u2026';
  }

  drawTitles(ctx) {
    const { width, height, left, top, plotWidth, plotHeight } = this.layout;
    ctx.fillStyle = '#222';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.font = this.font(16);
    ctx.fillText(this.data.title, left + (plotWidth / 2), 22, width - 20);
    ctx.font = this.font(14);
    ctx.fillText(this.data.xTitle, left + (plotWidth / 2), height - 14);
    ctx.save();
    ctx.translate(16, top + (plotHeight / 2));
    ctx.rotate(-Math.PI / 2);
    ctx.fillText(this.data.yTitle, 0, 0);
    ctx.restore();
  }

  /** The colour scale beside the cells, with heatmap.png's and the PDF's ticks (chosen by ScottPlot, in the data). */
  drawColorBar(ctx) {
    const { left, top, plotWidth, plotHeight, width } = this.layout;
    const { min, max } = this.data;
    const x = left + plotWidth + 16;
    const barWidth = 16;
    const gradient = ctx.createLinearGradient(0, top + plotHeight, 0, top);
    this.colors.forEach((color, i) => gradient.addColorStop(i / (this.colors.length - 1), color));
    ctx.fillStyle = gradient;
    ctx.fillRect(x, top, barWidth, plotHeight);
    ctx.strokeStyle = '#222';
    ctx.strokeRect(x - 0.5, top - 0.5, barWidth + 1, plotHeight + 1);
    ctx.font = this.font(HEATMAP_LABEL_PX);
    ctx.fillStyle = '#222';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    this.data.ticks.forEach((tick, i) => {
      const y = max > min ? top + (plotHeight * (1 - ((tick - min) / (max - min)))) : top + (plotHeight / 2);
      ctx.beginPath();
      ctx.moveTo(x + barWidth, y);
      ctx.lineTo(x + barWidth + 4, y);
      ctx.stroke();
      ctx.fillText(this.data.tickLabels[i], x + barWidth + 7, y);
    });

    ctx.save();
    ctx.translate(width - 14, top + (plotHeight / 2));
    ctx.rotate(Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.font = this.font(14);
    ctx.fillText(this.data.colorTitle, 0, 0);
    ctx.restore();
  }

  /** The hovered cell's outline and the box being dragged. */
  drawOverlay(ctx) {
    if (this.hovered) {
      const { row, column } = this.hovered;
      ctx.save();
      ctx.beginPath();
      ctx.rect(this.layout.left, this.layout.top, this.layout.plotWidth, this.layout.plotHeight);
      ctx.clip();
      ctx.strokeStyle = '#000';
      ctx.lineWidth = 2;
      ctx.strokeRect(this.xOf(column), this.yOf(row), this.scaleX(), this.scaleY());
      ctx.restore();
    }

    if (this.drag && !this.drag.pan) {
      const box = this.dragBox(this.drag);
      ctx.fillStyle = 'rgba(60, 100, 200, .15)';
      ctx.strokeStyle = 'rgba(40, 70, 160, .9)';
      ctx.lineWidth = 1;
      ctx.fillRect(box.x, box.y, box.width, box.height);
      ctx.strokeRect(box.x + 0.5, box.y + 0.5, box.width, box.height);
    }
  }

  /** The dragged box within the cells; an axis dragged less than HEATMAP_MIN_BOX keeps its whole span. */
  dragBox(drag) {
    const { left, top, plotWidth, plotHeight } = this.layout;
    const { start, last } = drag;
    const clampX = x => Math.max(left, Math.min(left + plotWidth, x));
    const clampY = y => Math.max(top, Math.min(top + plotHeight, y));
    const zoomsX = Math.abs(last.x - start.x) >= HEATMAP_MIN_BOX;
    const zoomsY = Math.abs(last.y - start.y) >= HEATMAP_MIN_BOX;
    const x = zoomsX ? clampX(Math.min(start.x, last.x)) : left;
    const y = zoomsY ? clampY(Math.min(start.y, last.y)) : top;
    const right = zoomsX ? clampX(Math.max(start.x, last.x)) : left + plotWidth;
    const bottom = zoomsY ? clampY(Math.max(start.y, last.y)) : top + plotHeight;
    return { x, y, width: right - x, height: bottom - y, zoomsX, zoomsY };
  }

  listen() {
    const canvas = this.canvas;
    canvas.addEventListener('pointermove', event => this.onMove(event));
    canvas.addEventListener('pointerleave', () => this.setHovered(null));
    canvas.addEventListener('pointerdown', event => this.onDown(event));
    canvas.addEventListener('pointerup', event => this.onUp(event));
    canvas.addEventListener('pointercancel', () => {
      this.drag = null;
      this.draw();
    });
    canvas.addEventListener('dblclick', () => this.reset());
    canvas.addEventListener('wheel', event => this.onWheel(event), { passive: false });
    for (const button of this.figure.querySelectorAll('button[data-action]')) {
      button.addEventListener('click', () => {
        const action = button.dataset.action;
        if (action === 'zoom' || action === 'pan') {
          this.mode = action;
          for (const other of this.figure.querySelectorAll('button[data-action="zoom"], button[data-action="pan"]')) {
            other.setAttribute('aria-pressed', String(other === button));
          }
        } else if (action === 'reset') {
          this.reset();
        } else if (action === 'png') {
          this.downloadPng();
        }
      });
    }
  }

  local(event) {
    const box = this.canvas.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  onMove(event) {
    const point = this.local(event);
    if (this.drag) {
      if (this.drag.pan) {
        const { view, start } = this.drag;
        const dx = (point.x - start.x) / (this.layout.plotWidth / (view.x1 - view.x0));
        const dy = (point.y - start.y) / (this.layout.plotHeight / (view.y1 - view.y0));
        this.view = this.clamped({ x0: view.x0 - dx, x1: view.x1 - dx, y0: view.y0 - dy, y1: view.y1 - dy });
      } else {
        this.drag.last = point;
      }

      this.draw();
      return;
    }

    const cell = this.cellAt(point);
    this.setHovered(cell && this.hoverText(cell.row, cell.column) !== null ? cell : null, point);
  }

  /** Shows a cell's hover text beside the pointer (or hides it), and outlines the cell. */
  setHovered(cell, point) {
    const changed = (cell === null) !== (this.hovered === null)
      || (cell && (cell.row !== this.hovered.row || cell.column !== this.hovered.column));
    this.hovered = cell;
    if (!cell) {
      this.tooltip.hidden = true;
    } else {
      if (changed) {
        this.tooltip.textContent = this.hoverText(cell.row, cell.column);
      }

      this.tooltip.hidden = false;
      const x = this.canvas.offsetLeft + point.x;
      const y = this.canvas.offsetTop + point.y;
      const width = this.tooltip.offsetWidth;
      this.tooltip.style.left = `${x + 16 + width > this.figure.clientWidth ? Math.max(0, x - 16 - width) : x + 16}px`;
      this.tooltip.style.top = `${y + 16}px`;
    }

    if (changed) {
      this.draw();
    }
  }

  onDown(event) {
    const point = this.local(event);
    if (event.button !== 0 || !this.isInPlot(point)) {
      return;
    }

    this.drag = { start: point, last: point, pan: this.mode === 'pan' || event.shiftKey, view: { ...this.view } };
    this.canvas.setPointerCapture(event.pointerId);
    this.setHovered(null);
  }

  onUp(event) {
    if (!this.drag) {
      return;
    }

    const drag = this.drag;
    this.drag = null;
    if (!drag.pan) {
      const box = this.dragBox({ start: drag.start, last: this.local(event) });
      if (box.zoomsX || box.zoomsY) {
        const { left, top } = this.layout;
        const x0 = this.view.x0 + ((box.x - left) / this.scaleX());
        const y0 = this.view.y0 + ((box.y - top) / this.scaleY());
        this.view = this.clamped({ x0, x1: x0 + (box.width / this.scaleX()), y0, y1: y0 + (box.height / this.scaleY()) });
      }
    }

    this.draw();
  }

  onWheel(event) {
    const point = this.local(event);
    if (!this.isInPlot(point)) {
      return;
    }

    event.preventDefault();
    // Shift turns a wheel's steps sideways in some browsers: either delta is the step.
    const delta = (event.deltaY || event.deltaX) * (event.deltaMode === 1 ? 16 : 1);
    const factor = Math.exp(delta * 0.0015);
    const byRows = event.shiftKey;
    const [from, to, full] = byRows ? ['y0', 'y1', this.rowCount] : ['x0', 'x1', this.columnCount];
    const span = this.view[to] - this.view[from];
    const next = Math.max(Math.min(1, full), Math.min(full, span * factor));
    const anchor = byRows
      ? this.view.y0 + ((point.y - this.layout.top) / this.scaleY())
      : this.view.x0 + ((point.x - this.layout.left) / this.scaleX());
    const start = anchor - ((anchor - this.view[from]) * (next / span));
    this.view = this.clamped({ ...this.view, [from]: start, [to]: start + next });
    this.setHovered(null);
    this.draw();
  }

  /** A view inside the data, at least a cell across, keeping its span when it is moved back in. */
  clamped(view) {
    const axis = (from, to, full) => {
      const span = Math.max(Math.min(1, full), Math.min(full, to - from));
      const start = Math.max(0, Math.min(full - span, from));
      return [start, start + span];
    };
    const [x0, x1] = axis(view.x0, view.x1, this.columnCount);
    const [y0, y1] = axis(view.y0, view.y1, this.rowCount);
    return { x0, x1, y0, y1 };
  }

  reset() {
    this.view = this.fullView();
    this.draw();
  }

  /** The view as a PNG (twice the CSS pixels, or the screen's ratio if higher), without the hover outline. */
  pngBlob() {
    const ratio = Math.max(2, window.devicePixelRatio || 1);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(this.layout.width * ratio);
    canvas.height = Math.round(this.layout.height * ratio);
    this.draw(canvas.getContext('2d'), ratio, false);
    return new Promise((resolve, reject) => canvas.toBlob(blob => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))), 'image/png'));
  }

  async downloadPng() {
    const blob = await this.pngBlob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'heatmap-view.png';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  }
}
