'use strict';
// Data the page embeds once (EmbeddedData.cs): JSON, gzip-compressed and base64'd inside a script element of type
// application/octet-stream, which the browser neither runs nor fetches. DecompressionStream decodes it from file://
// with no network (Chromium 80, Firefox 113, Safari 16.4).

/** The JSON held by the element with this id. */
async function readEmbeddedJson(id) {
  const element = document.getElementById(id);
  if (!element) {
    throw new Error(`the page has no element #${id}`);
  }

  const base64 = element.textContent.trim();
  let bytes;
  if (typeof Uint8Array.fromBase64 === 'function') {
    bytes = Uint8Array.fromBase64(base64);
  } else {
    const binary = atob(base64);
    bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
  }

  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(stream).text());
}

/** A JSON number column as doubles: null is NaN, and "inf"/"-inf" (which JSON lacks) are the infinities. */
function toDoubles(values) {
  const doubles = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    doubles[i] = value === null ? NaN : value === 'inf' ? Infinity : value === '-inf' ? -Infinity : value;
  }

  return doubles;
}
