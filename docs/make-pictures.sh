#!/usr/bin/env bash
# Makes the pictures README.md and docs/outputs.md show, from the demo report: the heatmap PNG, one page of the feature table and the
# first page of a feature section; and the overview of every feature from a generated analysis of 5,000 features.
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

# The overview of every feature, where the demo's 19 features would each be a column: a generated analysis of 5,000
# (seeded, so the same picture every time), its page headed "Every feature" cut to the figure and its caption.
wide=$(mktemp -d)
trap 'rm -rf "$wide"' EXIT
dotnet run -c Release --project tools/Reports.DataGen -- --out "$wide/data" --features 5000 --prompts-per-feature 12 --tokens-per-prompt 4 --seed 42
dotnet run -c Release --project src/Reports.Cli -- build --descriptions "$wide/data/personal_general_desc.csv" \
  --prompts "$wide/data/personal_general_prompts.jsonl" --out "$wide/out" --feature-pages none --no-input-hashes \
  --title "A generated analysis of 5,000 features"
pages=$(pdfinfo "$wide/out/report.pdf" | awk '/^Pages:/ {print $2}')
for page in $(seq 1 "$pages"); do
  if pdftotext -f "$page" -l "$page" "$wide/out/report.pdf" - | head -3 | grep -qx "Every feature"; then
    pdftoppm -f "$page" -l "$page" -r 100 -x 40 -y 110 -W 1090 -H 480 -png -singlefile "$wide/out/report.pdf" docs/overview
    break
  fi
done
ls -l docs/heatmap.png docs/table-page.png docs/feature-page.png docs/overview.png
