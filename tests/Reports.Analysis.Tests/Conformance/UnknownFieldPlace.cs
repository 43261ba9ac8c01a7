namespace Reports.Analysis.Tests.Conformance;

/// <summary>Where a field the schema sample lacks (<c>"extra"</c>) is put in a prompts record.</summary>
internal enum UnknownFieldPlace
{
    /// <summary>The feature record's first field.</summary>
    FirstOfRecord,

    /// <summary>The feature record's last field, after <c>active_prompts</c>.</summary>
    LastOfRecord,

    /// <summary>Inside a prompt object, between <c>prompt_text</c> and <c>prompt_label</c>.</summary>
    InPrompt,

    /// <summary>Inside a token object, after <c>activation</c>.</summary>
    InToken,
}
