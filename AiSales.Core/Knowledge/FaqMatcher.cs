namespace AiSales.Core.Knowledge;

/// <summary>
/// Finds the faq entries that answer a customer's message, in Arabic (any dialect) or English, whichever language the
/// entries are written in. Pure and deterministic: no model, no database.
/// <para>
/// Two signals. <b>Subjects</b> (<see cref="FaqTopics"/>): «كم ياخذ التوصيل للرياض؟» and "How long does delivery take?"
/// both name delivery, so either finds an entry about delivery in either language; a subject named in an entry's
/// question counts fully, one named only in its answer counts half. <b>Shared words</b> (folded, article stripped,
/// filler removed) find entries outside those subjects ("gift wrapping") and rank entries of one subject («الرياض»).
/// </para>
/// <para>
/// Score (0–1) = the larger of: 0.8 × subject weight (+0.1 when the asked aspect, cost or time, is in the entry,
/// +0.1 × the shared-word score); and the shared-word score alone, matched words / (content words + 1), a word in
/// the entry's question counting 1 and one only in its answer ½. <see cref="AnswerThreshold"/> (0.5) is reached by
/// a subject named in the entry's question, or by most of the message's words.
/// </para>
/// </summary>
public static class FaqMatcher
{
    /// <summary>An entry scoring this or more answers the message; below it, the faq does not say (hand over, never invent).</summary>
    public const double AnswerThreshold = 0.5;

    private const double SubjectWeight = 0.8;
    private const double AnswerOnlyFactor = 0.5;
    private const double AspectBonus = 0.1;
    private const double WordBonus = 0.1;

    /// <summary>
    /// The <paramref name="take"/> best entries for <paramref name="customerText"/>, best first (ties: faq order),
    /// only those scoring above zero. Filter with <see cref="FaqMatch.Answers"/> before using one as an answer.
    /// </summary>
    public static IReadOnlyList<FaqMatch> Rank(IReadOnlyList<FaqEntry> faq, string customerText, int take = 3)
    {
        ArgumentNullException.ThrowIfNull(faq);
        if (take <= 0 || faq.Count == 0 || string.IsNullOrWhiteSpace(customerText))
        {
            return [];
        }

        var message = TopicText.Analyse(customerText);
        return faq
            .Select((entry, index) => new FaqMatch(entry, index, Score(message, entry)))
            .Where(m => m.Score > 0)
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Index)
            .Take(take)
            .ToList();
    }

    /// <summary>The entries that answer the message (score ≥ <see cref="AnswerThreshold"/>), best first; empty when the faq does not say.</summary>
    public static IReadOnlyList<FaqMatch> Answers(IReadOnlyList<FaqEntry> faq, string customerText, int take = 3) =>
        Rank(faq, customerText, take).Where(m => m.Answers).ToList();

    private static double Score(TopicText message, FaqEntry entry)
    {
        var question = TopicText.Analyse(entry.Question);
        var answer = TopicText.Analyse(entry.Answer);
        var words = WordScore(message, question, answer);

        var subject = 0.0;
        foreach (var (name, weight) in message.Subjects)
        {
            var inEntry = question.Subjects.TryGetValue(name, out var q) ? q
                : answer.Subjects.TryGetValue(name, out var a) ? a * AnswerOnlyFactor
                : 0;
            subject = Math.Max(subject, SubjectWeight * weight * inEntry);
        }

        if (subject > 0)
        {
            if (message.Aspects.Overlaps(question.Aspects) || message.Aspects.Overlaps(answer.Aspects))
            {
                subject += AspectBonus;
            }

            subject += WordBonus * words;
        }

        return Math.Round(Math.Min(1, Math.Max(subject, words)), 4);
    }

    private static double WordScore(TopicText message, TopicText question, TopicText answer)
    {
        if (message.Content.Count == 0)
        {
            return 0;
        }

        var matched = 0.0;
        foreach (var word in message.Content)
        {
            matched += question.Content.Any(w => Same(w, word)) ? 1
                : answer.Content.Any(w => Same(w, word)) ? 0.5
                : 0;
        }

        return matched / (message.Content.Count + 1);
    }

    private static bool Same(string a, string b) =>
        TopicText.WordMatches(a, b) || TopicText.WordMatches(b, a) || Bare(a).SequenceEqual(Bare(b));

    // A word without its joined preposition or conjunction (لجده → جده, وبطاقه → بطاقه), when three letters remain.
    private static ReadOnlySpan<char> Bare(string word) => word.Length >= 4 && "ولبفك".Contains(word[0]) ? word.AsSpan(1) : word;
}
