namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// The clitics glued to the front of an Arabic word: "بالاسود" is "ب" + "ال" + "اسود". Tables list bare words; this yields the
/// word and its shorter readings, longest first, so a lookup can try each. Short words are left alone ("بني" is brown, not ب + ني).
/// </summary>
internal static class ArabicWord
{
    private static readonly string[] s_prefixes = ["وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ب"];

    public static IEnumerable<string> WithoutPrefixes(string word)
    {
        yield return word;
        foreach (var prefix in s_prefixes)
        {
            if (word.Length - prefix.Length >= 3 && word.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return word[prefix.Length..];
            }
        }
    }

    /// <summary>
    /// "القفطان" → "قفطان" for the catalogue search, as IntentDetector.StripArticle does; "للرياض" and "بالشنطة" lose their
    /// preposition with the article, since "ل" + "ال" can only be a prefix.
    /// </summary>
    public static string StripArticle(string word)
    {
        foreach (var prefix in (string[])["وال", "بال", "فال", "كال", "لل"])
        {
            if (word.Length >= prefix.Length + 3 && word.StartsWith(prefix, StringComparison.Ordinal))
            {
                return word[prefix.Length..];
            }
        }

        return word.Length >= 5 && word.StartsWith("ال", StringComparison.Ordinal) ? word[2..] : word;
    }
}
