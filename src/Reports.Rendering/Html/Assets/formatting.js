'use strict';
// Numbers and texts as the report's other tables write them (CellText.cs): fixed decimals, "—" where a value is
// missing, the descriptions file's own blanks and infinities as pandas writes them.

const NO_VALUE = '\u2014';

/** A statistic to fixed decimals; "—" when missing or not finite. */
function formatNumber(value, decimals = 3) {
  return Number.isFinite(value) ? value.toFixed(decimals) : NO_VALUE;
}

/** A number of the descriptions file: "—" without a row, empty where the row leaves it missing, "inf" and "-inf". */
function formatFileNumber(described, value, decimals = 3) {
  if (!described) {
    return NO_VALUE;
  }

  if (Number.isNaN(value)) {
    return '';
  }

  return value === Infinity ? 'inf' : value === -Infinity ? '-inf' : value.toFixed(decimals);
}

/** A whole number with thousands separators. */
function formatInteger(value) {
  return value.toLocaleString('en-US');
}

/** An element with text (never parsed as markup: the data's texts are shown, not run). */
function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }

  if (className) {
    node.className = className;
  }

  return node;
}
