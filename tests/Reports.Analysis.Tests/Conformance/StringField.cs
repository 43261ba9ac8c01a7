namespace Reports.Analysis.Tests.Conformance;

/// <summary>The five string fields of a prompts record, at every level of its nesting.</summary>
internal enum StringField
{
    /// <summary>The feature's <c>token</c>.</summary>
    FeatureToken,

    /// <summary>A prompt's <c>prompt_text</c>.</summary>
    PromptText,

    /// <summary>A prompt's <c>prompt_label</c>.</summary>
    PromptLabel,

    /// <summary>An item of a prompt's <c>tokenized_prompt</c>.</summary>
    TokenizedPromptItem,

    /// <summary>The <c>token</c> of an item of a prompt's <c>tokens</c>.</summary>
    TokenText,
}
