using System.Globalization;
using System.Text;
using System.Text.Json;
using Reports.Analysis.Reading;
using Reports.DataGen;
using Reports.Pipeline.Outputs;

namespace Reports.Pipeline.Tests;

/// <summary>Every heatmap cell's hover text is the notebook's own: computed here by pandas and Python's f-string.</summary>
public sealed class HoverTextTests
{
    private const string NotebookHover = """
        import json, sys
        import pandas as pd
        desc = pd.read_csv(sys.argv[1])
        rows = []
        for line in open(sys.argv[2], encoding='utf-8'):
            if line.strip():
                record = json.loads(line)
                for p in record['active_prompts']:
                    rows.append((record['feature_id'], p['prompt_label'], p['prompt_feature_activation']))
        df = pd.DataFrame(rows, columns=['feature_id', 'prompt_label', 'prompt_feature_activation'])
        means = df.groupby(['feature_id', 'prompt_label'])['prompt_feature_activation'].mean()
        described = desc.set_index('feature_id')
        for (feature_id, label), mean in means.items():
            row = described.loc[feature_id] if feature_id in described.index else None
            description = row['claude_desc'] if row is not None and isinstance(row['claude_desc'], str) and row['claude_desc'] else 'No description available'
            if len(description) > 150:
                description = description[:150] + '...'
            feature_type = row['claude_type'] if row is not None and isinstance(row['claude_type'], str) and row['claude_type'] else 'Unknown'
            hover = f"Feature ID: {feature_id}<br>Prompt Category: {label}<br>Mean Activation: {mean:.4f}<br>Feature Type: {feature_type}<br>Description: {description}"
            print(json.dumps([int(feature_id), label, hover]))
        """;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Hover_texts_are_the_notebooks_byte_for_byte(bool generated)
    {
        var (descriptions, prompts) = generated ? Generated() : (TestData.DemoDescriptions, TestData.DemoPrompts);
        var analysis = ActivationAnalyzer.Analyze(descriptions, prompts);
        var ours = new Dictionary<(long, string), string>();
        foreach (var feature in analysis.Features)
        {
            for (var r = 0; r < analysis.Labels.Count; r++)
            {
                if (feature.ByLabel[r] is { } cell)
                {
                    ours[(feature.FeatureId, analysis.Labels[r])] = ReportDocuments.HoverText(feature, analysis.Descriptions.ReadRow(feature.FeatureId), analysis.Labels[r], cell.Mean).Replace("\n", "<br>", StringComparison.Ordinal);
                }
            }
        }

        var lines = Encoding.UTF8.GetString(PythonScript.Run(NotebookHover, descriptions, prompts)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ours.Count, lines.Length);
        foreach (var line in lines)
        {
            using var cell = JsonDocument.Parse(line);
            var key = (cell.RootElement[0].GetInt64(), cell.RootElement[1].GetString()!);
            Assert.Equal(cell.RootElement[2].GetString(), ours[key]);
        }
    }

    private static (string, string) Generated()
    {
        var files = DataSetWriter.Write(new DataSetOptions { Features = 150, PromptsPerFeature = 9, TokensPerPrompt = 3, Seed = 31, Text = TextMix.Multilingual }, TestData.NewTemporaryDirectory());
        return (files.DescriptionsPath, files.PromptsPath);
    }
}
