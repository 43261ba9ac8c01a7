using Reports.DataGen;

namespace Reports.Analysis.Tests;

/// <summary>
/// The generator's writer styles are Python's own bytes: each style of a multilingual data set equals what Python's
/// <c>json</c> module and pandas write from the same records (Debian's python3 and python3-pandas, which .ci/run installs).
/// </summary>
public sealed class PythonWriterTests
{
    private const string Rewrite = """
        import json, sys
        import pandas as pd
        source, style = sys.argv[1], sys.argv[2]
        records = [json.loads(line) for line in open(source, encoding="utf-8")]
        if style == "pandas":
            text = pd.DataFrame(records).to_json(orient="records", lines=True)
            text = text if text.endswith("\n") else text + "\n"
        else:
            options = {"compact": dict(separators=(",", ":"), ensure_ascii=False), "json-dumps": {}, "json-dumps-unicode": dict(ensure_ascii=False)}[style]
            text = "".join(json.dumps(r, **options) + "\n" for r in records)
        sys.stdout.buffer.write(text.encode("utf-8"))
        """;

    [Theory]
    [InlineData(WriterStyle.Compact)]
    [InlineData(WriterStyle.JsonDumps)]
    [InlineData(WriterStyle.JsonDumpsUnicode)]
    [InlineData(WriterStyle.PandasRecords)]
    public void A_style_writes_what_Python_writes_from_the_same_records(WriterStyle style)
    {
        var options = new DataSetOptions { Features = 40, PromptsPerFeature = 10, Seed = 3, Labels = ["analysis", "code", "créatif", "中文"], Text = TextMix.Multilingual };
        var source = DataSetWriter.Write(options with { Style = WriterStyle.JsonDumps }, TestData.NewTemporaryDirectory());
        var ours = DataSetWriter.Write(options with { Style = style }, TestData.NewTemporaryDirectory());

        var python = PythonScript.Run(Rewrite, source.PromptsPath, WriterStyles.Name(style));

        Assert.Equal(python.Length, new FileInfo(ours.PromptsPath).Length);
        Assert.True(python.AsSpan().SequenceEqual(File.ReadAllBytes(ours.PromptsPath)), $"{WriterStyles.Name(style)} differs from Python's bytes");
    }
}
