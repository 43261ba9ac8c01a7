using System.Collections.Generic;
using System.Text;

namespace Reports.Schema;

/// <summary>C# names from data names: <c>prompt_feature_activation</c> becomes <c>PromptFeatureActivation</c>.</summary>
internal static class Naming
{
    public static string Pascal(string dataName)
    {
        var name = new StringBuilder();
        var upper = true;
        foreach (var c in dataName)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            name.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        if (name.Length == 0 || char.IsDigit(name[0]))
        {
            name.Insert(0, "Field");
        }

        return name.ToString();
    }

    /// <summary>The record name for items of a collection property: <c>ActivePrompts</c> gives <c>ActivePrompt</c>.</summary>
    public static string Singular(string plural)
    {
        if (plural.EndsWith("ies") && plural.Length > 3)
        {
            return plural.Substring(0, plural.Length - 3) + "y";
        }

        if (plural.EndsWith("sses") || plural.EndsWith("xes") || plural.EndsWith("ches"))
        {
            return plural.Substring(0, plural.Length - 2);
        }

        if (plural.EndsWith("s") && !plural.EndsWith("ss") && plural.Length > 1)
        {
            return plural.Substring(0, plural.Length - 1);
        }

        return plural + "Item";
    }

    /// <summary>Makes a name unique among the taken ones by adding a number.</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i;
        }

        return candidate;
    }
}
