namespace Reports.Rendering.Typography;

/// <summary>One shipped face and the characters of a document it is the one to draw (with the neutral ones it has).</summary>
internal sealed record FaceSubset(ShippedFont Font, IReadOnlyList<int> CodePoints);
