namespace Reports.Pipeline.History;

/// <summary>
/// How far a feature's category profile moved: <see cref="Shift"/>, the largest change of its mean activation in any
/// category (a category without prompts counting 0), in <see cref="Category"/>, from <see cref="Before"/> to
/// <see cref="After"/>; and the category it is most specific to, before and after.
/// </summary>
internal sealed record ProfileShift(long Id, double Shift, string Category, double Before, double After, string? SpecificBefore, string? SpecificAfter)
{
    public bool SpecificChanged => !string.Equals(SpecificBefore, SpecificAfter, StringComparison.Ordinal);
}
