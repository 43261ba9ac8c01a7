using System.Reflection;

namespace Reports.Schema.Tests;

public sealed class GeneratedShapeTests
{
    private static readonly NullabilityInfoContext Nullability = new();

    [Fact]
    public void Committed_samples_give_the_documented_records_and_compile_without_warnings()
    {
        var assembly = GeneratorRun.Run(
            Samples.Committed("personal_general_desc.csv", "FeatureDescription"),
            Samples.Committed("personal_general_prompts.jsonl", "FeatureRecord")).Load();

        AssertProperty(assembly, "FeatureDescription", "FeatureId", typeof(long), nullable: false);
        AssertProperty(assembly, "FeatureDescription", "PersonalCohensD", typeof(double), nullable: false);
        AssertProperty(assembly, "FeatureDescription", "NumPrompts", typeof(long), nullable: false);
        AssertProperty(assembly, "FeatureDescription", "Link", typeof(string), nullable: false);
        AssertProperty(assembly, "FeatureDescription", "ClaudeDesc", typeof(string), nullable: true);
        AssertProperty(assembly, "FeatureRecord", "FeatureId", typeof(long), nullable: false);
        AssertProperty(assembly, "ActivePrompt", "PromptFeatureActivation", typeof(double), nullable: false);
        AssertProperty(assembly, "ActivePrompt", "TokenizedPrompt", typeof(IReadOnlyList<string>), nullable: false);
        var tokens = assembly.GetType("Samples.ActivePrompt")!.GetProperty("Tokens")!.PropertyType;
        Assert.Equal(typeof(IReadOnlyList<>), tokens.GetGenericTypeDefinition());
        Assert.Equal("ActivePromptToken", tokens.GetGenericArguments()[0].Name);
        Assert.True(assembly.GetType("Samples.FeatureRecord")!.IsSealed);
        Assert.NotNull(assembly.GetType("Samples.FeatureRecordJsonlReader"));
        Assert.NotNull(assembly.GetType("Samples.FeatureDescriptionCsvReader"));
    }

    [Fact]
    public void Integers_and_floats_widen_to_double_and_an_empty_value_makes_a_column_nullable()
    {
        var assembly = GeneratorRun.Run(Samples.Rows).Load();

        AssertProperty(assembly, "Row", "FeatureId", typeof(long), nullable: false);
        AssertProperty(assembly, "Row", "Mean", typeof(double), nullable: false);
        AssertProperty(assembly, "Row", "Label", typeof(string), nullable: false);
        AssertProperty(assembly, "Row", "Note", typeof(string), nullable: true);
    }

    [Fact]
    public void A_field_missing_from_some_sample_records_is_nullable_and_overrides_win()
    {
        var sample = new Sample("r.jsonl", """
            {"id": 1, "score": 2, "extra": "a"}
            {"id": 2, "score": 3}
            """, "R", Types: "score=double;id=long?");
        var assembly = GeneratorRun.Run(sample).Load();

        AssertProperty(assembly, "R", "Extra", typeof(string), nullable: true);
        AssertProperty(assembly, "R", "Score", typeof(double), nullable: false);
        AssertProperty(assembly, "R", "Id", typeof(long?), nullable: true);
    }

    private static void AssertProperty(Assembly assembly, string record, string property, Type type, bool nullable)
    {
        var info = assembly.GetType("Samples." + record, throwOnError: true)!.GetProperty(property);
        Assert.NotNull(info);
        Assert.Equal(type, info.PropertyType);
        var isNullable = Nullable.GetUnderlyingType(info.PropertyType) is not null || Nullability.Create(info).ReadState == NullabilityState.Nullable;
        Assert.Equal(nullable, isNullable);
    }
}
