using AiSales.AiAgent.Agent.Offline.Understanding.Lexicons;

namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// A message as folded tokens plus who has read each one. The readers run in a fixed order and each claims what it understood; the
/// claims keep one word from meaning two things ("الثانية" is a pick, so it is not also a product word).
/// </summary>
internal sealed class MessageTokens
{
    private static readonly HashSet<string> s_englishWords = EnglishCues.Phrases.Values.Concat(EnglishFillers.Phrases.Values).Concat(EnglishTypos.Phrases.Values)
        .SelectMany(phrases => phrases)
        .Concat(Colours.Keys.SelectMany(Colours.SurfaceForms))
        .Concat(NumberWords.Quantities.Keys)
        .Concat(["s", "m", "l", "small", "medium", "large", "xs", "xl", "xxl", "perfume", "bag", "dress", "abaya", "oud", "shoes", "watch", "price"])
        .Where(phrase => !phrase.Contains(' ') && !TextFolding.IsArabicScript(phrase))
        .Select(TextFolding.Fold)
        .ToHashSet(StringComparer.Ordinal);

    private MessageTokens(string original, IReadOnlyList<FoldedToken> tokens)
    {
        Original = original;
        Tokens = tokens;
        _words = tokens.Select(t => t.Text).ToArray();
        Claims = new Claim[tokens.Count];
    }

    /// <summary>True for a folded word the English lexicons know ("the", "price", "black").</summary>
    public static bool IsEnglishWord(string folded) => s_englishWords.Contains(folded);

    public string Original { get; }

    public IReadOnlyList<FoldedToken> Tokens { get; }

    private readonly string[] _words;

    public IReadOnlyList<string> Words => _words;

    public Claim[] Claims { get; }

    public int Count => Tokens.Count;

    public bool HasQuestionMark => Original.Contains('?') || Original.Contains('؟');

    /// <summary>Folds the text; an Arabizi message is transliterated word by word, keeping the English words it mixes in.</summary>
    public static MessageTokens Read(string text)
    {
        var tokens = TextFolding.Split(text);
        if (!Arabizi.Looks(text))
        {
            return new MessageTokens(text, tokens);
        }

        // Unknown words are spelled out letter by letter only when the message is mostly Arabizi: "shukran, do you have a bag" keeps "bag".
        bool English(FoldedToken t) => s_englishWords.Contains(t.Text) && !ArabiziWords.Words.ContainsKey(t.Text);
        var mostlyArabizi = tokens.Count(t => !t.IsEmoji && !English(t) && (ArabiziWords.Words.ContainsKey(t.Text) || Arabizi.HasSoundDigit(t.Text)))
            >= tokens.Count(English);
        var arabic = new List<FoldedToken>();
        foreach (var token in tokens)
        {
            var known = ArabiziWords.Words.ContainsKey(token.Text) || Arabizi.HasSoundDigit(token.Text);
            var keep = token.IsEmoji || English(token) || token.Text.All(char.IsAsciiDigit) || Arabizi.IsEnglishNumberWord(token.Text)
                || !known && !mostlyArabizi;
            var words = keep ? [token.Text] : TextFolding.Split(Arabizi.Word(token.Text)).Select(t => t.Text);
            arabic.AddRange(words.Select(word => token with { Text = word }));
        }

        return new MessageTokens(text, arabic);
    }

    public bool IsFree(int i) => Claims[i] == Claim.None && !Tokens[i].IsEmoji;

    public void Take(int start, int length, Claim claim)
    {
        for (var i = start; i < start + length; i++)
        {
            Claims[i] = claim;
        }
    }

    /// <summary>Reads token i as another word from now on: «طرحتين» is two of «طرحه», and the search looks for the one.</summary>
    public void Rewrite(int i, string word) => _words[i] = word;

    public IEnumerable<int> Free() => Enumerable.Range(0, Count).Where(IsFree);

    /// <summary>True when a line break (or, unless <paramref name="lineOnly"/>, a comma) separates token i from the one before.</summary>
    public bool BreakBefore(int i, bool lineOnly = true)
    {
        if (i <= 0 || i >= Count)
        {
            return false;
        }

        var gap = Original.AsSpan(Tokens[i - 1].End, Math.Max(0, Tokens[i].Start - Tokens[i - 1].End));
        return gap.Contains('\n') || !lineOnly && gap.IndexOfAny(",،;؛") >= 0;
    }

    public int Line(int i) => Original.AsSpan(0, Tokens[i].Start).Count('\n');

    /// <summary>
    /// True when token i is a number joined by a dash to the number before or after it, or said as a range in words: «6-12 شهر», "3-4
    /// years", «9-36 كغ», «من 9 الى 36», "from 3 to 5 years" are ranges (an age, a weight), never a count.
    /// </summary>
    public bool InRange(int i) => Tokens[i].IsNumber && (Dashed(i - 1, i) || Dashed(i, i + 1) || Worded(i - 2, i) || Worded(i, i + 2));

    /// <summary>True when tokens first and second are numbers with only a dash between them.</summary>
    public bool Dashed(int first, int second) => first >= 0 && second < Count && Tokens[first].IsNumber && Tokens[second].IsNumber
        && Original.AsSpan(Tokens[first].End, Tokens[second].Start - Tokens[first].End).Trim() is ['-' or '–' or '—'];

    /// <summary>True when tokens first and second are numbers said as a range in words: «من 9 الى 36», "from 3 to 5", «بين 6 و 12».</summary>
    public bool Worded(int first, int second) => first >= 1 && second == first + 2 && second < Count && Tokens[first].IsNumber && Tokens[second].IsNumber
        && s_rangeFrom.Contains(Words[first - 1]) && s_rangeTo.Contains(Words[first + 1]);

    private static readonly HashSet<string> s_rangeFrom = ["من", "from", "between", "بين"];

    private static readonly HashSet<string> s_rangeTo = ["الى", "الي", "لين", "لحد", "to", "till", "until", "and", "و"];

    /// <summary>The original text from token first to token last, in the customer's own spelling.</summary>
    public string Span(int first, int last) => Original[Tokens[first].Start..Tokens[last].End].Trim();
}
