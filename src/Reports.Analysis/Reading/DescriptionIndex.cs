using Reports.Analysis.Diagnostics;
using Reports.Schema;

namespace Reports.Analysis.Reading;

/// <summary>
/// The descriptions file as an index rather than its rows: per described feature, in id order, where its row is (line
/// and byte offset) and the row's numbers, in one array per column and no object per row. A million-feature SAE's
/// descriptions are hundreds of megabytes of text that only the outputs print, so the texts stay in the file and are
/// read back (<see cref="ReadRow"/>, <see cref="ReadRows"/>) while an output writes them.
/// </summary>
public sealed class DescriptionIndex
{
    private readonly long[] ids;
    private readonly long[] lines;
    private readonly long[] offsets;
    private readonly double[] generalMeans;
    private readonly double[] generalMaxima;
    private readonly double[] generalMinima;
    private readonly double[] personalMeans;
    private readonly double[] personalCohensD;
    private readonly long[] numPrompts;
    private readonly bool[] hasNumPrompts;

    private DescriptionIndex(string path, int maxLineLength, Columns columns)
    {
        Path = path;
        MaxLineLength = maxLineLength;
        ids = columns.Ids;
        lines = columns.Lines;
        offsets = columns.Offsets;
        generalMeans = columns.GeneralMeans;
        generalMaxima = columns.GeneralMaxima;
        generalMinima = columns.GeneralMinima;
        personalMeans = columns.PersonalMeans;
        personalCohensD = columns.PersonalCohensD;
        numPrompts = columns.NumPrompts;
        hasNumPrompts = columns.HasNumPrompts;
        FeatureIds = Array.AsReadOnly(ids);
        Lines = Array.AsReadOnly(lines);
    }

    /// <summary>The descriptions file, which rows are read back from.</summary>
    public string Path { get; }

    /// <summary>The line limit the file was read with, kept for reading it back the same way.</summary>
    public int MaxLineLength { get; }

    /// <summary>How many features the file describes.</summary>
    public int Count => ids.Length;

    /// <summary>The described features' ids, ascending; a feature's position here is its index in the other members.</summary>
    public IReadOnlyList<long> FeatureIds { get; }

    /// <summary>The line each row starts on, aligned with <see cref="FeatureIds"/>.</summary>
    public IReadOnlyList<long> Lines { get; }

    /// <summary>The position of <paramref name="featureId"/> in <see cref="FeatureIds"/>, or -1 when the file does not describe it.</summary>
    public int IndexOf(long featureId)
    {
        var at = Array.BinarySearch(ids, featureId);
        return at >= 0 ? at : -1;
    }

    /// <summary><c>general_activation_mean</c> of the row at <paramref name="index"/>; null where the row leaves it missing.</summary>
    public double? GeneralActivationMean(int index) => Number(generalMeans[index]);

    /// <summary><c>general_activation_max</c>, as <see cref="GeneralActivationMean"/>.</summary>
    public double? GeneralActivationMax(int index) => Number(generalMaxima[index]);

    /// <summary><c>general_activation_min</c>, as <see cref="GeneralActivationMean"/>.</summary>
    public double? GeneralActivationMin(int index) => Number(generalMinima[index]);

    /// <summary><c>personal_mean</c>, as <see cref="GeneralActivationMean"/>.</summary>
    public double? PersonalMean(int index) => Number(personalMeans[index]);

    /// <summary><c>personal_cohens_d</c>, as <see cref="GeneralActivationMean"/>.</summary>
    public double? PersonalCohensD(int index) => Number(personalCohensD[index]);

    /// <summary><c>num_prompts</c> of the row at <paramref name="index"/>; null where the row leaves it missing.</summary>
    public long? NumPrompts(int index) => hasNumPrompts[index] ? numPrompts[index] : null;

    /// <summary>The row of <paramref name="featureId"/>, read back from the file; null when the file does not describe it.</summary>
    /// <exception cref="InputChangedException">The file changed since it was indexed.</exception>
    public FeatureDescription? ReadRow(long featureId) => ReadRows([featureId]).Single();

    /// <summary>
    /// The rows of <paramref name="featureIds"/> in their order (null for a feature the file does not describe), read back
    /// from the file: in one sequential read when the rows follow each other in the file, with a seek where they do not.
    /// Each enumeration reads the file again with a reader of its own.
    /// </summary>
    /// <exception cref="InputChangedException">The file changed since it was indexed.</exception>
    public IEnumerable<FeatureDescription?> ReadRows(IEnumerable<long> featureIds)
    {
        ArgumentNullException.ThrowIfNull(featureIds);
        FeatureDescriptionCsvReader? reader = null;
        try
        {
            foreach (var id in featureIds)
            {
                var index = IndexOf(id);
                if (index < 0)
                {
                    yield return null;
                    continue;
                }

                reader ??= OpenAgain();
                yield return ReadBack(reader, index);
            }
        }
        finally
        {
            reader?.Dispose();
        }
    }

    /// <summary>Reads the descriptions file into an index; the checks and errors of <see cref="ActivationAnalyzer.ReadDescriptions(string, out IReadOnlyList{CsvMissingValues}, CancellationToken, int)"/>.</summary>
    internal static DescriptionIndex Read(string path, out IReadOnlyList<CsvMissingValues> missing, CancellationToken cancellationToken, int maxLineLength)
    {
        var columns = new Columns();
        using var reader = FeatureDescriptionCsvReader.Open(path, maxLineLength);
        // Ids mostly come ascending: a duplicate is then one comparison away, and only a file out of order needs a set.
        Dictionary<long, int>? seen = null;
        while (reader.TryRead(out var row))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = row.FeatureId;
            if (seen is null && columns.Count > 0 && id <= columns.Ids[columns.Count - 1])
            {
                seen = new Dictionary<long, int>(columns.Count * 2);
                for (var i = 0; i < columns.Count; i++)
                {
                    seen.Add(columns.Ids[i], i);
                }
            }

            if (seen is not null && !seen.TryAdd(id, columns.Count))
            {
                throw new ReportInputException(new ReportDiagnostic(DiagnosticSeverity.Error, DiagnosticCodes.DuplicateDescription,
                    $"feature_id: expected each feature to be described once, found feature {id} again (first at line {columns.Lines[seen[id]]}); keep one row per feature (pandas: df.drop_duplicates(\"feature_id\"))",
                    path, reader.RecordLine, 1));
            }

            columns.Add(row, reader.RecordLine, reader.RecordOffset);
        }

        missing = reader.MissingValues;
        columns.Finish(sort: seen is not null);
        return new DescriptionIndex(path, maxLineLength, columns);
    }

    private static double? Number(double value) => double.IsNaN(value) ? null : value;

    private static double Stored(double? value) => value ?? double.NaN;

    private FeatureDescriptionCsvReader OpenAgain()
    {
        FileStream stream;
        try
        {
            // No buffer in the stream: the reader keeps its own, and one of each would be read again after every seek.
            stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Changed(0, "it no longer exists", exception);
        }

        try
        {
            return new FeatureDescriptionCsvReader(stream, Path, MaxLineLength);
        }
        catch (SchemaDataException exception)
        {
            stream.Dispose();
            throw Changed(exception.Line, "its header no longer reads", exception);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private FeatureDescription ReadBack(FeatureDescriptionCsvReader reader, int index)
    {
        FeatureDescription? row;
        try
        {
            reader.Seek(offsets[index], lines[index]);
            if (!reader.TryRead(out row))
            {
                row = null;
            }
        }
        catch (SchemaDataException exception)
        {
            throw Changed(lines[index], $"the row of feature {ids[index]} at line {lines[index]} no longer reads", exception);
        }

        if (row is null || row.FeatureId != ids[index] || !SameNumbers(row, index))
        {
            throw Changed(lines[index], $"the row of feature {ids[index]} is no longer at line {lines[index]}", null);
        }

        return row;
    }

    private bool SameNumbers(FeatureDescription row, int index) =>
        Stored(row.GeneralActivationMean).Equals(generalMeans[index]) && Stored(row.GeneralActivationMax).Equals(generalMaxima[index])
        && Stored(row.GeneralActivationMin).Equals(generalMinima[index]) && Stored(row.PersonalMean).Equals(personalMeans[index])
        && Stored(row.PersonalCohensD).Equals(personalCohensD[index]) && row.NumPrompts == NumPrompts(index);

    private InputChangedException Changed(long line, string what, Exception? inner) => new(Path, line, what, inner);

    /// <summary>The index's columns while the file is read, in file order until <see cref="Finish"/> sorts them by id.</summary>
    private sealed class Columns
    {
        public long[] Ids = new long[1024];
        public long[] Lines = new long[1024];
        public long[] Offsets = new long[1024];
        public double[] GeneralMeans = new double[1024];
        public double[] GeneralMaxima = new double[1024];
        public double[] GeneralMinima = new double[1024];
        public double[] PersonalMeans = new double[1024];
        public double[] PersonalCohensD = new double[1024];
        public long[] NumPrompts = new long[1024];
        public bool[] HasNumPrompts = new bool[1024];

        public int Count { get; private set; }

        public void Add(FeatureDescription row, long line, long offset)
        {
            if (Count == Ids.Length)
            {
                Resize(Count * 2);
            }

            Ids[Count] = row.FeatureId;
            Lines[Count] = line;
            Offsets[Count] = offset;
            GeneralMeans[Count] = Stored(row.GeneralActivationMean);
            GeneralMaxima[Count] = Stored(row.GeneralActivationMax);
            GeneralMinima[Count] = Stored(row.GeneralActivationMin);
            PersonalMeans[Count] = Stored(row.PersonalMean);
            PersonalCohensD[Count] = Stored(row.PersonalCohensD);
            NumPrompts[Count] = row.NumPrompts ?? 0;
            HasNumPrompts[Count] = row.NumPrompts is not null;
            Count++;
        }

        /// <summary>Trims the columns to the rows read and, for a file out of id order, sorts them by id.</summary>
        public void Finish(bool sort)
        {
            Resize(Count);
            if (!sort)
            {
                return;
            }

            var order = new int[Count];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(Ids, order);
            Lines = Permute(Lines, order);
            Offsets = Permute(Offsets, order);
            GeneralMeans = Permute(GeneralMeans, order);
            GeneralMaxima = Permute(GeneralMaxima, order);
            GeneralMinima = Permute(GeneralMinima, order);
            PersonalMeans = Permute(PersonalMeans, order);
            PersonalCohensD = Permute(PersonalCohensD, order);
            NumPrompts = Permute(NumPrompts, order);
            HasNumPrompts = Permute(HasNumPrompts, order);
        }

        private static T[] Permute<T>(T[] column, int[] order)
        {
            var sorted = new T[column.Length];
            for (var i = 0; i < order.Length; i++)
            {
                sorted[i] = column[order[i]];
            }

            return sorted;
        }

        private void Resize(int size)
        {
            Array.Resize(ref Ids, size);
            Array.Resize(ref Lines, size);
            Array.Resize(ref Offsets, size);
            Array.Resize(ref GeneralMeans, size);
            Array.Resize(ref GeneralMaxima, size);
            Array.Resize(ref GeneralMinima, size);
            Array.Resize(ref PersonalMeans, size);
            Array.Resize(ref PersonalCohensD, size);
            Array.Resize(ref NumPrompts, size);
            Array.Resize(ref HasNumPrompts, size);
        }
    }
}
