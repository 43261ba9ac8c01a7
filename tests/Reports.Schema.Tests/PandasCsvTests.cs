using System.Text;

namespace Reports.Schema.Tests;

/// <summary>pandas' CSV conventions in nullable numeric columns: what <c>pandas.read_csv</c> reads from the same cells.</summary>
public sealed class PandasCsvTests
{
    // Types separated by commas, as a project must write them (a ';' would start an .editorconfig comment).
    private static readonly System.Reflection.Assembly Assembly = GeneratorRun.Run(
        new Sample("stats.csv", "feature_id,mean,count,note\n1,2.5,3,x\n2,1.5,4,y\n", "Stat", "mean=double?, count=long?")).Load();

    [Fact]
    public void Empty_cells_and_NaN_spellings_are_missing_infinities_are_infinite_and_whole_floats_are_integers()
    {
        var data = "feature_id,mean,count,note\n1,,3,a\n2,nan,,b\n3,NaN,18.0,c\n4,inf,NA,d\n5,-inf,5,e\n6,Infinity,#N/A,f\n7,2.25,<NA>,g\n";

        var rows = GeneratedReader.ReadAll(Assembly, "StatCsvReader", data);

        Assert.Equal([null, null, null, double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity, 2.25], rows.Select(r => (double?)r.Mean));
        Assert.Equal([3L, null, 18L, null, 5L, null, null], rows.Select(r => (long?)r.Count));
    }

    [Fact]
    public void The_reader_counts_each_columns_missing_values_and_locates_the_first()
    {
        var type = Assembly.GetType("Samples.StatCsvReader")!;
        var data = "feature_id,mean,count,note\n1,2,3,a\n2,,4,b\n3,NaN,,c\n4,nan,7,d\n";
        using var reader = (IDisposable)Activator.CreateInstance(type, new MemoryStream(Encoding.UTF8.GetBytes(data)), "f.csv")!;
        var arguments = new object?[] { null };
        while ((bool)type.GetMethod("TryRead")!.Invoke(reader, arguments)!)
        {
        }

        var missing = ((IEnumerable<dynamic>)type.GetProperty("MissingValues")!.GetValue(reader)!).ToArray();
        Assert.Equal([("mean", 3L, 3L, 3L), ("count", 1L, 4L, 7L)], missing.Select(m => ((string)m.Column, (long)m.Count, (long)m.FirstLine, (long)m.FirstColumn)));
    }

    [Theory]
    [InlineData("feature_id,mean,count,note\n1,high,3,a\n", "TypeMismatch", "mean")]
    [InlineData("feature_id,mean,count,note\n1,2,3.5,a\n", "TypeMismatch", "count")]
    [InlineData("feature_id,mean,count,note\n,2,3,a\n", "TypeMismatch", "feature_id")]
    [InlineData("feature_id,mean,count,note\nnan,2,3,a\n", "NonFiniteNumber", "feature_id")]
    public void What_pandas_would_not_read_as_a_number_is_still_an_error(string data, string kind, string field)
    {
        var error = GeneratedReader.Error(Assembly, "StatCsvReader", data);

        Assert.Equal((kind, field), (error.Kind.ToString(), (string)error.Field));
    }
}
