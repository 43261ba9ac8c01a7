'use strict';
// Links a colleague can share. report.html#feature-<id> opens feature <id>: its section when it has one, otherwise
// its row of the table of every feature (the search and filters cleared if they hide it) with its details; opening a
// row puts that link in the address bar. Every other anchor (#heatmap, #features, ...) is an element of the page.
// The table and the heatmap are drawn after the page loads and move what is below them: the target is scrolled to
// again once they are.

class FeatureLinks {
  constructor(catalog, table) {
    this.catalog = catalog;
    this.table = table;
    window.addEventListener('hashchange', () => this.follow());
  }

  /** Goes to what the address's fragment names; an unknown fragment is left alone. */
  follow() {
    const name = decodeURIComponent(location.hash.slice(1));
    if (name === '') {
      return;
    }

    const target = document.getElementById(name);
    if (target) {
      target.scrollIntoView({ block: 'start' });
      return;
    }

    const match = /^feature-(\d+)$/.exec(name);
    const index = match ? this.catalog.indexOf(Number(match[1])) : -1;
    if (index >= 0) {
      this.table.reveal(index);
    }
  }

  /** The open feature's link, in the address bar for copying: replaced, so neither history nor the scroll changes. */
  opened(index) {
    history.replaceState(null, '', `#feature-${this.catalog.id[index]}`);
  }
}
