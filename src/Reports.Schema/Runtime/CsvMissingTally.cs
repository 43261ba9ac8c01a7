namespace Reports.Schema.Runtime;

using System.Collections.Generic;

/// <summary>The missing values of a reader's numeric columns, in column order.</summary>
internal sealed class CsvMissingTally
{
    private readonly string[] columns;
    private readonly CsvMissingValues?[] tallies;

    public CsvMissingTally(string[] columns)
    {
        this.columns = columns;
        tallies = new CsvMissingValues?[columns.Length];
    }

    public IReadOnlyList<CsvMissingValues> Columns
    {
        get
        {
            var list = new List<CsvMissingValues>();
            foreach (var tally in tallies)
            {
                if (tally is not null)
                {
                    list.Add(tally);
                }
            }

            return list;
        }
    }

    public void Add(int column, in CsvField field)
    {
        var tally = tallies[column] ??= new CsvMissingValues(columns[column], field.Line, field.Column);
        tally.Count++;
    }
}
