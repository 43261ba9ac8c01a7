using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Reports.Analysis.Aggregation;
using Reports.Analysis.Evidence;
using Reports.Analysis.Reading;
using Reports.Analysis.Reading.Internals;
using Reports.Schema;

namespace Reports.Analysis.Partials;

/// <summary>
/// Writes the partial aggregate of prompts files (<see cref="PartialAggregateFormat"/>): the map step of a distributed
/// run, done where the shards are. Each input is aggregated on all cores as a report run does it (so the merge gives
/// the same bits), one after another, then read once more for its evidence: per record its strongest prompts, whole,
/// and its activations, so the merge never needs the shards.
/// </summary>
public static class PartialAggregateWriter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <exception cref="Diagnostics.ReportInputException">An input is missing (RPT001), cannot be opened (RPT004), or a compressed one is damaged (RPT022).</exception>
    /// <exception cref="SchemaDataException">A line does not match the schema sample.</exception>
    /// <param name="inputs">The prompts files (paths as given), in the order they are merged: sorted by full path.</param>
    /// <param name="destination">Where the gzip-compressed file goes.</param>
    /// <param name="topPromptCount">Strongest prompts kept per record: the most a report built from it can show per feature.</param>
    /// <param name="hashInputs">Whether the inputs' SHA-256 is computed (a report built from the partial lists it).</param>
    /// <param name="toolVersion">The writing tool's version, for the header.</param>
    public static void Write(IReadOnlyList<string> inputs, Stream destination, int topPromptCount, bool hashInputs, string toolVersion, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegative(topPromptCount);
        options ??= AnalysisOptions.Default;
        foreach (var input in inputs)
        {
            InputFile.Require(input);
        }

        using var gzip = new GZipStream(destination, CompressionLevel.Fastest, leaveOpen: true);
        using var json = new Utf8JsonWriter(gzip, JsonOptions);

        json.WriteStartObject();
        json.WriteString("format", PartialAggregateFormat.Name);
        json.WriteNumber("version", PartialAggregateFormat.Version);
        json.WriteString("tool", toolVersion);
        json.WriteNumber("top_prompts", topPromptCount);
        json.WriteNumber("inputs", inputs.Count);
        json.WriteEndObject();
        EndLine(json, gzip);

        for (var input = 0; input < inputs.Count; input++)
        {
            var path = inputs[input];
            var hashing = Task.Run(() => hashInputs ? Sha256(path) : null, cancellationToken);
            var aggregate = ParallelPromptReader.Aggregate([path], options, cancellationToken);
            WriteSection(json, gzip, input, path, new FileInfo(path).Length, hashing.GetAwaiter().GetResult(), aggregate);
        }

        json.WriteStartObject();
        json.WriteBoolean("evidence", true);
        json.WriteEndObject();
        EndLine(json, gzip);

        long evidenceLines = 0;
        for (var input = 0; input < inputs.Count; input++)
        {
            evidenceLines += WriteEvidence(gzip, input, inputs[input], topPromptCount, options.MaxLineLength, cancellationToken);
        }

        json.WriteStartObject();
        json.WriteBoolean("end", true);
        json.WriteNumber("evidence_lines", evidenceLines);
        json.WriteEndObject();
        EndLine(json, gzip);
    }

    private static void WriteSection(Utf8JsonWriter json, Stream output, int input, string path, long bytes, string? sha256, ActivationAggregate aggregate)
    {
        json.WriteStartObject();
        json.WriteNumber("input", input);
        json.WriteString("path", path);
        json.WriteString("full_path", Path.GetFullPath(path));
        json.WriteNumber("bytes", bytes);
        json.WriteString("sha256", sha256);
        json.WriteNumber("records", aggregate.RecordCount);
        json.WriteNumber("prompts", aggregate.PromptCount);
        json.WriteNumber("generated_reader_records", aggregate.RecordsReadByGeneratedReader);
        var (count, _, line, column) = aggregate.ReplacedSurrogates;
        json.WriteStartArray("replaced_surrogates");
        json.WriteNumberValue(count);
        json.WriteNumberValue(line);
        json.WriteNumberValue(column);
        json.WriteEndArray();
        json.WriteStartArray("labels");
        foreach (var (label, labelCount) in aggregate.LabelCounts.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            json.WriteStartArray();
            json.WriteStringValue(label);
            json.WriteNumberValue(labelCount);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteNumber("features", aggregate.Features.Count);
        json.WriteEndObject();
        EndLine(json, output);

        foreach (var (id, tally) in aggregate.Features.OrderBy(f => f.Key))
        {
            WriteFeature(json, id, tally);
            EndLine(json, output);
        }
    }

    private static void WriteFeature(Utf8JsonWriter json, long id, FeatureTally tally)
    {
        json.WriteStartObject();
        json.WriteNumber("id", id);
        json.WriteStartArray("records");
        foreach (var record in tally.Records)
        {
            json.WriteStartArray();
            json.WriteNumberValue(record.Line);
            json.WriteNumberValue(record.Offset);
            json.WriteNumberValue(record.Length);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("cells");
        foreach (var (label, statistics) in tally.Cells)
        {
            var (count, sum, compensation, min, max, m2, runningMean) = statistics.Parts;
            json.WriteStartArray();
            json.WriteStringValue(label);
            json.WriteNumberValue(count);
            json.WriteNumberValue(sum);
            json.WriteNumberValue(compensation);
            json.WriteNumberValue(min);
            json.WriteNumberValue(max);
            json.WriteNumberValue(m2);
            json.WriteNumberValue(runningMean);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("tokens");
        foreach (var token in tally.HeldTokens)
        {
            json.WriteStartArray();
            json.WriteStringValue(tally.TokenText(token.Id));
            json.WriteNumberValue(token.Count);
            json.WriteNumberValue(token.Sum);
            json.WriteNumberValue(token.Max);
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// The input's evidence lines, one per record in file order: chunks are parsed on all cores by the generated reader
    /// and written in order. Returns the number of lines.
    /// </summary>
    private static long WriteEvidence(Stream output, int input, string path, int topPromptCount, int maxLineLength, CancellationToken cancellationToken)
    {
        using var text = CompressedText.OpenText(path);
        var chunker = new TextChunker(text, ParallelPromptReader.ChunkSize, maxLineLength, new ChunkBuffers(ParallelPromptReader.ChunkSize));
        try
        {
            var start = chunker.Start();
            if (start < 0)
            {
                return 0; // the aggregation read it, so it is empty of records
            }

            var firstLine = 1L;
            var numbered = chunker.Chunks(start).Select(chunk =>
            {
                var first = firstLine;
                firstLine += chunk.Buffer.AsSpan(0, chunk.Length).Count((byte)'\n');
                return (Chunk: chunk, FirstLine: first);
            });
            long lines = 0;
            OrderedParallel.Run(numbered, c => EvidenceOf(c.Chunk, c.FirstLine, input, path, topPromptCount, chunker.Buffers), evidence =>
            {
                output.Write(evidence.Bytes);
                lines += evidence.Lines;
            }, cancellationToken);

            return lines;
        }
        finally
        {
            chunker.Release();
        }
    }

    private static (byte[] Bytes, long Lines) EvidenceOf(TextChunk chunk, long firstLine, int input, string path, int topPromptCount, ChunkBuffers buffers)
    {
        try
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(chunk.Length / 2 + 1024);
            using var json = new Utf8JsonWriter(buffer, JsonOptions);
            using var reader = new FeatureRecordJsonlReader(Stream.Null, path, ReaderLimits.LargestMaxLineLength);
            var data = chunk.Buffer.AsSpan(0, chunk.Length);
            var line = firstLine;
            long count = 0;
            for (var at = 0; at < data.Length; line++)
            {
                var end = data[at..].IndexOf((byte)'\n');
                var lineText = end < 0 ? data[at..] : data.Slice(at, end);
                at = end < 0 ? data.Length : at + end + 1;
                if (lineText.Length > 0 && lineText[^1] == '\r')
                {
                    lineText = lineText[..^1];
                }

                if (Utf8LineSource.IsBlank(lineText))
                {
                    continue;
                }

                var record = reader.ReadLine(lineText, line);
                var evidence = new FeatureEvidence.Builder(record.FeatureId, topPromptCount);
                evidence.Add(record, line);
                WriteRecordEvidence(json, input, line, evidence.Build());
                json.Flush();
                json.Reset();
                System.Buffers.BuffersExtensions.Write(buffer, "\n"u8);
                count++;
            }

            return (buffer.WrittenSpan.ToArray(), count);
        }
        finally
        {
            buffers.Return(chunk.Buffer);
        }
    }

    private static void WriteRecordEvidence(Utf8JsonWriter json, int input, long line, FeatureEvidence evidence)
    {
        // The id first, so a reader looking for a few features can skip a line by its first bytes.
        json.WriteStartObject();
        json.WriteNumber("id", evidence.FeatureId);
        json.WriteNumber("input", input);
        json.WriteNumber("line", line);
        json.WriteStartArray("activations");
        foreach (var (label, values) in evidence.ActivationsByLabel)
        {
            json.WriteStartArray();
            json.WriteStringValue(label);
            json.WriteStartArray();
            foreach (var value in values)
            {
                json.WriteNumberValue(value);
            }

            json.WriteEndArray();
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteStartArray("top");
        foreach (var prompt in evidence.TopPrompts)
        {
            json.WriteStartObject();
            json.WriteNumber("prompt_id", prompt.PromptId);
            json.WriteString("label", prompt.Label);
            json.WriteNumber("activation", prompt.Activation);
            json.WriteNumber("index", prompt.Index);
            json.WriteString("text", prompt.Text);
            json.WriteStartArray("tokenized_prompt");
            foreach (var piece in prompt.TokenizedPrompt)
            {
                json.WriteStringValue(piece);
            }

            json.WriteEndArray();
            json.WriteStartArray("tokens");
            foreach (var token in prompt.Tokens)
            {
                json.WriteStartArray();
                json.WriteStringValue(token.Token);
                json.WriteNumberValue(token.Activation);
                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void EndLine(Utf8JsonWriter json, Stream output)
    {
        json.Flush();
        json.Reset();
        output.Write("\n"u8);
    }

    private static string Sha256(string path)
    {
        using var stream = InputFile.Open(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan));
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
