namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>A phrase found in a message: its first token, how many tokens it covers, and what it means.</summary>
internal readonly record struct PhraseMatch<T>(int Start, int Length, T Value)
{
    public int End => Start + Length;
}

/// <summary>
/// Whole-word phrase lookup over folded tokens, longest phrase first, so "كم التوصيل" is a delivery question before "كم" is a
/// price question and "ok" never fires inside "book". Phrases are written in ordinary spelling and folded when the table is built.
/// </summary>
internal sealed class PhraseTable<T>
{
    private readonly Dictionary<string, List<(string[] Words, T Value)>> _byFirstWord = new(StringComparer.Ordinal);

    public PhraseTable(IEnumerable<(string Phrase, T Value)> entries)
    {
        foreach (var (phrase, value) in entries)
        {
            var written = TextFolding.Split(phrase).Select(t => t.Text).ToArray();
            if (written.Length == 0)
            {
                continue;
            }

            foreach (var words in PluralSpellings(written))
            {
                var list = _byFirstWord.TryGetValue(words[0], out var existing) ? existing : _byFirstWord[words[0]] = [];
                if (!list.Any(e => e.Words.SequenceEqual(words) && EqualityComparer<T>.Default.Equals(e.Value, value)))
                {
                    list.Add((words, value));
                }
            }
        }

        foreach (var list in _byFirstWord.Values)
        {
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }
    }

    public static PhraseTable<T> From(params IReadOnlyDictionary<T, string[]>[] lexicons) =>
        new(lexicons.SelectMany(l => l.SelectMany(pair => pair.Value.Select(phrase => (phrase, pair.Key)))));

    /// <summary>
    /// Left to right, the longest phrase starting at each free position; every meaning of that phrase is returned (تمام is both
    /// Okay and Confirm). A leading "و" ("and") is tolerated on the first word: "وكم" reads as "كم".
    /// </summary>
    public List<PhraseMatch<T>> Find(IReadOnlyList<string> tokens, Func<int, bool> isFree)
    {
        var found = new List<PhraseMatch<T>>();
        var i = 0;
        while (i < tokens.Count)
        {
            var length = isFree(i) ? LongestAt(tokens, i, isFree, found) : 0;
            i += Math.Max(length, 1);
        }

        return found;
    }

    private int LongestAt(IReadOnlyList<string> tokens, int start, Func<int, bool> isFree, List<PhraseMatch<T>> found)
    {
        var best = 0;
        foreach (var first in FirstWordForms(tokens[start]))
        {
            if (!_byFirstWord.TryGetValue(first, out var candidates))
            {
                continue;
            }

            foreach (var (words, value) in candidates)
            {
                if (words.Length < best || !MatchesAt(tokens, start, words, isFree))
                {
                    continue;
                }

                if (words.Length > best)
                {
                    found.RemoveAll(m => m.Start == start);
                    best = words.Length;
                }

                if (!found.Any(m => m.Start == start && EqualityComparer<T>.Default.Equals(m.Value, value)))
                {
                    found.Add(new PhraseMatch<T>(start, words.Length, value));
                }
            }
        }

        return best;
    }

    /// <summary>
    /// A phrase as written and with each plural verb in its other spelling: the alef after the plural «و» is as often left out as
    /// written («بتفتحوا» / «بتفتحو», «تعملوا» / «تعملو»), so a lexicon lists one and reads both.
    /// </summary>
    private static IEnumerable<string[]> PluralSpellings(string[] words)
    {
        IEnumerable<string[]> spellings = [words];
        for (var i = 0; i < words.Length; i++)
        {
            var k = i;
            var other = OtherPluralSpelling(words[k]);
            if (other is not null)
            {
                spellings = spellings.SelectMany(s => new[] { s, s.Select((w, j) => j == k ? other : w).ToArray() }).ToList();
            }
        }

        return spellings;
    }

    private static string? OtherPluralSpelling(string word) =>
        word.Length < 4 || !TextFolding.IsArabicScript(word) ? null
        : word.EndsWith("وا", StringComparison.Ordinal) && word.Length >= 5 ? word[..^1]
        : word.EndsWith('و') ? word + "ا"
        : null;

    private static IEnumerable<string> FirstWordForms(string token)
    {
        yield return token;
        if (token.Length > 2 && token[0] == 'و')
        {
            yield return token[1..];
        }
    }

    private static bool MatchesAt(IReadOnlyList<string> tokens, int start, string[] words, Func<int, bool> isFree)
    {
        if (start + words.Length > tokens.Count)
        {
            return false;
        }

        for (var k = 1; k < words.Length; k++)
        {
            if (!isFree(start + k) || tokens[start + k] != words[k])
            {
                return false;
            }
        }

        return true;
    }
}
