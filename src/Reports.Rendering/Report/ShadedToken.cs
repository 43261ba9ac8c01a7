namespace Reports.Rendering.Report;

/// <summary>
/// A token as shown: its text (SentencePiece's '▁' already a space, a line feed a return mark), its activation (0 where
/// the feature is silent), whether it is the strongest, and whether the prompt's line ends after it.
/// </summary>
public sealed record ShadedToken(string Text, double Activation, bool IsStrongest, bool EndsLine = false);
