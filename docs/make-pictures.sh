#!/usr/bin/env bash
# Makes the pictures README.md shows, from the demo report: the heatmap PNG, one page of the feature table and the
# first page of a feature section.
# Needs poppler-utils (pdftoppm, pdftotext), as the tests do.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build reports/personal-general/personal-general.csproj
out=reports/personal-general/out
cp "$out/heatmap.png" docs/heatmap.png

# The first page of the feature-description table (its header has the Cohen's d column).
pages=$(pdfinfo "$out/report.pdf" | awk '/^Pages:/ {print $2}')
for page in $(seq 1 "$pages"); do
  if pdftotext -f "$page" -l "$page" "$out/report.pdf" - | grep -q "Cohen"; then
    pdftoppm -f "$page" -l "$page" -r 80 -png -singlefile "$out/report.pdf" docs/table-page
    break
  fi
done
# The first page of the first feature section (plot, contrast table, strongest prompts).
for page in $(seq 1 "$pages"); do
  if pdftotext -f "$page" -l "$page" "$out/report.pdf" - | grep -q "Activation by category"; then
    pdftoppm -f "$page" -l "$page" -r 80 -png -singlefile "$out/report.pdf" docs/feature-page
    break
  fi
done
ls -l docs/heatmap.png docs/table-page.png docs/feature-page.png
