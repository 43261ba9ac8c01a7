namespace Reports.Analysis.Tests.Conformance;

/// <summary>What RFC 8259 says of a JSONTestSuite document, from its name's prefix.</summary>
internal enum JsonVerdict
{
    /// <summary><c>y_</c>: valid JSON.</summary>
    Accept,

    /// <summary><c>n_</c>: not JSON.</summary>
    Reject,

    /// <summary><c>i_</c>: a parser may accept or reject it.</summary>
    ImplementationDefined,
}
