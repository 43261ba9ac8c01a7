using Reports.Analysis.Aggregation;
using Reports.Analysis.Reading;

namespace Reports.Analysis.Tests;

/// <summary>
/// <c>"\uD800"</c> is JSON but no character (Python writes it for text cut inside a character). Every reader reads it the
/// same way: U+FFFD in its place, counted with the first place; never a crash. The report's warning and documents are
/// Reports.Pipeline.Tests' LoneSurrogateReportTests.
/// </summary>
public sealed class LoneSurrogateTests
{
    [Fact]
    public void Lone_surrogates_in_labels_tokens_texts_and_names_read_as_replacement_characters_on_every_path()
    {
        var files = LoneSurrogates.WriteDataSet();

        var serial = ActivationAnalyzer.AggregatePromptsSerially(files.PromptsPath);
        var parallel = ParallelPromptReader.Aggregate(files.PromptsPath, new AnalysisOptions { ChunkSize = 4096 });
        AggregateAssert.Same(serial, parallel, files.PromptsPath);
        Assert.Equal(serial.ReplacedSurrogates, parallel.ReplacedSurrogates);
        Assert.True(parallel.RecordsReadByGeneratedReader >= 5, $"{parallel.RecordsReadByGeneratedReader} lines to the generated reader");
        Assert.Equal(1L, parallel.ReplacedSurrogates.FirstLine);
        Assert.Contains(parallel.LabelCounts.Keys, label => label.StartsWith('\uFFFD'));
    }
}
