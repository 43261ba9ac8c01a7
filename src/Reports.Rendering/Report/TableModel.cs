namespace Reports.Rendering.Report;

/// <summary>A table to typeset (in the PDF) or print (in the HTML): columns with headers, rows of cells.</summary>
public sealed record TableModel(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<TableCell>> Rows);

/// <param name="RelativeWidth">Share of the table's width (the PDF); numbers are right-aligned.</param>
public sealed record TableColumn(string Header, float RelativeWidth = 1, bool IsNumeric = false);

/// <param name="Link">An absolute URI the cell links to, or an in-document anchor starting with '#'.</param>
public sealed record TableCell(string Text, string? Link = null)
{
    public static implicit operator TableCell(string text) => new(text);
}
