'use strict';
// One feature's details, in a panel over the right of the page: the description row's statistics, the mean and
// count per category with each category's Cohen's d against the feature's other prompts (CategoryContrast.cs), and,
// for a feature with a section of its own, its strongest prompts with their tokens shaded, taken from the section.

class FeatureDetails {
  constructor(panel, catalog) {
    this.panel = panel;
    this.catalog = catalog;
    this.index = -1;
    document.addEventListener('keydown', event => {
      if (event.key === 'Escape' && !this.panel.hidden) {
        this.close();
      }
    });
  }

  show(index) {
    const c = this.catalog;
    const id = c.id[index];
    this.index = index;
    const close = element('button', 'Close', 'close');
    close.type = 'button';
    close.addEventListener('click', () => this.close());
    const heading = element('h2', `Feature ${id}`);
    const summary = element('p');
    summary.append(element('b', c.type(index)), ': ');
    const description = element('span', c.description[index]);
    description.dir = 'auto';
    summary.append(description);
    this.panel.replaceChildren(close, heading, summary);
    const link = c.link[index];
    if (link) {
      const paragraph = element('p');
      // Only web links become links: a "javascript:" text in the data stays text.
      paragraph.append(/^https?:\/\//i.test(link) ? Object.assign(element('a', link), { href: link }) : link);
      this.panel.append(paragraph);
    }

    const facts = element('dl');
    const fact = (term, value) => facts.append(element('dt', term), Object.assign(element('dd', value), { dir: 'auto' }));
    fact('type (file)', c.sourceType(index) ?? NO_VALUE);
    fact('token (file)', c.token(index) ?? NO_VALUE);
    this.panel.append(facts);

    const described = c.described[index];
    this.panel.append(table(
      ['General mean', 'General max', 'General min', 'Personal mean', "Cohen's d (file)", 'num_prompts (file)', 'Prompts here'],
      [[
        formatFileNumber(described, c.generalMean[index]), formatFileNumber(described, c.generalMax[index]),
        formatFileNumber(described, c.generalMin[index]), formatFileNumber(described, c.personalMean[index]),
        formatFileNumber(described, c.personalCohensD[index], 2),
        !described ? NO_VALUE : c.statedPrompts[index] === null ? '' : String(c.statedPrompts[index]),
        String(c.prompts[index]),
      ]],
      [true, true, true, true, true, true, true]));

    this.panel.append(element('h3', 'Category contrast'));
    this.panel.append(this.contrastTable(index));
    this.panel.append(element('p', this.mostSpecificSentence(index)));

    this.panel.append(element('h3', 'Strongest prompts'));
    const section = c.section[index] ? document.getElementById(`feature-${id}`) : null;
    const strongest = section && section.querySelector('.strongest');
    if (strongest) {
      this.panel.append(strongest.cloneNode(true));
      const more = element('p');
      const anchor = Object.assign(element('a', `Feature ${id}'s section: activation by category, tokens it fires on most`), { href: `#feature-${id}` });
      anchor.addEventListener('click', () => this.close());
      more.append(anchor);
      this.panel.append(more);
    } else {
      this.panel.append(element('p',
        `Strongest prompts are shown for the ${formatInteger(c.sectionCount)} features with a section of their own (FeaturePages); `
        + 'this feature has none. tokens.csv lists the tokens it fires on most.', 'note'));
    }

    this.panel.hidden = false;
    this.panel.scrollTop = 0;
  }

  /** Each category the feature has prompts of against its other prompts, as the sections' contrast table. */
  contrastTable(index) {
    const c = this.catalog;
    const labels = c.labels.length;
    let totalCount = 0;
    let totalSum = 0;
    for (let l = 0; l < labels; l++) {
      const count = c.labelCount[(index * labels) + l];
      if (count > 0) {
        totalCount += count;
        totalSum += c.labelMean[(index * labels) + l] * count;
      }
    }

    const rows = [];
    for (let l = 0; l < labels; l++) {
      const cell = (index * labels) + l;
      const count = c.labelCount[cell];
      if (count === 0) {
        continue;
      }

      const restCount = totalCount - count;
      const restMean = restCount > 0 ? (totalSum - (c.labelMean[cell] * count)) / restCount : NaN;
      const d = c.labelCohensD[cell];
      rows.push([c.labels[l], String(count), formatNumber(c.labelMean[cell]), String(restCount), formatNumber(restMean),
        Number.isFinite(d) ? d.toFixed(2) : 'undefined (a side has < 2 prompts)']);
    }

    return rows.length === 0
      ? element('p', 'This feature has no prompts.', 'note')
      : table(['Category', 'Prompts', 'Mean', 'Other prompts', 'Their mean', "Cohen's d"], rows, [false, true, true, true, true, true]);
  }

  mostSpecificSentence(index) {
    const c = this.catalog;
    const label = c.mostSpecificLabel(index);
    const d = c.mostSpecificD[index];
    if (label === null) {
      return 'No prompts: no category to compare.';
    }

    return Number.isFinite(d)
      ? `Most specific to ${label}: Cohen's d = ${d.toFixed(2)} against the feature's other prompts (pooled standard deviation).`
      : `No category has a defined Cohen's d (each side needs at least two prompts); the furthest above the feature's other prompts by its mean is ${label}.`;
  }

  close() {
    this.panel.hidden = true;
    this.index = -1;
  }
}

/** A small table of texts; numeric columns right-aligned. */
function table(headers, rows, numeric) {
  const node = element('table');
  const head = element('tr');
  headers.forEach(header => head.append(element('th', header)));
  node.append(element('thead'), element('tbody'));
  node.tHead.append(head);
  for (const row of rows) {
    const line = element('tr');
    row.forEach((text, i) => {
      const cell = element('td', text, numeric[i] ? 'num' : '');
      if (!numeric[i]) {
        cell.dir = 'auto';
      }

      line.append(cell);
    });
    node.tBodies[0].append(line);
  }

  return node;
}
