namespace Reports.Analysis.Tests.Conformance;

/// <summary>Where a JSONTestSuite document goes in a prompts file; each is a test class of its own.</summary>
internal enum Placement
{
    /// <summary>The document is the whole line (<see cref="JsonTestSuiteAsWholeLineTests"/>).</summary>
    WholeLine,

    /// <summary>The value of <c>[value]</c> is a string field's value (<see cref="JsonTestSuiteAsStringValueTests"/>).</summary>
    StringValue,

    /// <summary>The document is the value of a field the sample lacks (<see cref="JsonTestSuiteAsUnknownFieldTests"/>).</summary>
    UnknownField,

    /// <summary>The number of <c>[number]</c> is <c>prompt_feature_activation</c> (<see cref="JsonTestSuiteAsActivationTests"/>).</summary>
    Activation,
}
