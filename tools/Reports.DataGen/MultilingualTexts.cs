namespace Reports.DataGen;

/// <summary>
/// Prompt openings of the kind real chat traffic has, per label: code with line breaks, tabs, quotes and backslashes,
/// text in Chinese, Japanese, Korean, Arabic, Hebrew, Devanagari, Thai and Cyrillic, math symbols and emoji.
/// </summary>
internal static class MultilingualTexts
{
    private static readonly Dictionary<string, string[]> Openings = new()
    {
        ["analysis"] = ["比较一下中国和日本的经济增长。", "한국 경제 성장률을 분석해 주세요.", "Сравни рост ВВП за 2023 год:", "Revenue grew 12% 📈 — why?"],
        ["code"] =
        [
            "Fix this:\n\tif x == \"a\\n\":\n\t\treturn 'b'",
            "Why does print(\"héllo\\t\") fail?\n```\nTraceback (most recent call last):\n```",
            "SELECT * FROM users WHERE name = \"O'Brien\"; -- C:\\temp\\out.csv",
            "const re = /\\d+\\s*\\/\\s*\\d+/g; // ratios",
        ],
        ["creative"] = ["桜の木の下で猫が眠っている詩を書いて。", "Write a birthday poem 🎂🎉 for my cat 🐱", "Écris un poème sur la mer, « doux et salé ».", "一首关于月亮的诗"],
        ["math"] = ["Prove that ∑ 1/n² = π²/6 and √2 ∉ ℚ.", "Solve ∫₀^∞ e^{-x²} dx ≈ √π/2", "計算してください: 12 × 7 = ?", "If x ≥ 3 and y ≤ −2, is x·y < 0?"],
        ["medical"] = ["ما هي أعراض مرض السكري؟", "मधुमेह के लक्षण क्या हैं?", "Is 500 mg of ibuprofen safe? 💊", "אילו תרופות מורידות לחץ דם?"],
        ["therapy"] = ["אני מרגיש לחוץ מאוד בעבודה.", "I feel so tired 😔💤\nand nobody listens.", "أشعر بالقلق كل ليلة.", "मुझे बहुत अकेलापन लगता है।"],
        ["trivia"] = ["ใครเป็นคนแรกที่ปีนเอเวอเรสต์", "Кто первым полетел в космос? 🚀", "세계에서 가장 높은 산은?", "エベレストの高さは?"],
    };

    public static string Opening(string label, Random random)
    {
        var openings = Openings.GetValueOrDefault(label, Openings["analysis"]);
        return openings[random.Next(openings.Length)];
    }
}
