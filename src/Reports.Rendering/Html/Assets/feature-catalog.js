'use strict';
// The catalogue of every feature (FeatureCatalogJson.cs) opened for the page: its number columns as Float64Arrays
// (null read as NaN), its coded texts looked up, and per feature x category values at feature * labels.length + label.

class FeatureCatalog {
  constructor(data) {
    this.count = data.count;
    this.labels = data.labels;
    this.id = data.id;
    this.described = data.described;
    this.types = data.type;
    this.sourceTypes = data.sourceType;
    this.tokens = data.token;
    this.description = data.description;
    this.link = data.link;
    this.generalMean = toDoubles(data.generalMean);
    this.generalMax = toDoubles(data.generalMax);
    this.generalMin = toDoubles(data.generalMin);
    this.personalMean = toDoubles(data.personalMean);
    this.personalCohensD = toDoubles(data.personalCohensD);
    this.statedPrompts = data.statedPrompts;
    this.prompts = data.prompts;
    this.mostSpecific = data.mostSpecific;
    this.mostSpecificD = toDoubles(data.mostSpecificD);
    this.labelMean = toDoubles(data.labelMean);
    this.labelCount = data.labelCount;
    this.labelCohensD = toDoubles(data.labelCohensD);
    this.section = data.section;
    this.sectionCount = data.section.reduce((sum, flag) => sum + flag, 0);
    this.searchTexts = null;
  }

  type(i) {
    return this.types.values[this.types.codes[i]];
  }

  sourceType(i) {
    const code = this.sourceTypes.codes[i];
    return code < 0 ? null : this.sourceTypes.values[code];
  }

  token(i) {
    const code = this.tokens.codes[i];
    return code < 0 ? null : this.tokens.values[code];
  }

  /** The name of the category the feature is most specific to; null without prompts. */
  mostSpecificLabel(i) {
    return this.mostSpecific[i] < 0 ? null : this.labels[this.mostSpecific[i]];
  }

  /** The index of the feature with this id, or -1 (ids are ascending). */
  indexOf(id) {
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.id[middle] === id) {
        return middle;
      }

      if (this.id[middle] < id) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }

    return -1;
  }

  /**
   * Whether the feature matches every search term: a number is its id, or a text in its type, the file's type, its
   * token or its description (case ignored; '▁' in a term is the space it stands for).
   */
  matches(i, terms) {
    if (!this.searchTexts) {
      this.searchTexts = new Array(this.count);
      for (let k = 0; k < this.count; k++) {
        this.searchTexts[k] = [this.type(k), this.sourceType(k) || '', this.token(k) || '', this.description[k]].join('\n').toLowerCase();
      }
    }

    const text = this.searchTexts[i];
    return terms.every(term => (term.id !== null && this.id[i] === term.id) || text.includes(term.text));
  }

  /** A search box's text as terms for matches(). */
  static terms(query) {
    return query.replaceAll('\u2581', ' ').toLowerCase().split(/\s+/).filter(text => text.length > 0)
      .map(text => ({ text, id: /^\d+$/.test(text) ? Number(text) : null }));
  }
}
