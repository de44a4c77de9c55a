namespace AiSales.Core.Knowledge;

/// <summary>
/// A text as the faq matcher sees it: its folded words (article stripped), the subjects it names with their weight
/// (1 strong, <see cref="WeakWeight"/> weak), the aspects it asks about, and its content words (no filler words).
/// </summary>
internal sealed class TopicText
{
    public const double WeakWeight = 0.45;

    private static readonly TermIndex SubjectTerms = new(FaqTopics.Subjects);
    private static readonly TermIndex AspectTerms = new(FaqTopics.Aspects);

    // Words that carry no subject: greetings, pronouns, question words, "do you have", in both languages (folded).
    private static readonly HashSet<string> Filler = new(
        ArabicFolding.Words("""
            هل كم في فيه فيها من الى إلى على عن انا انت انتم احنا نحن عندكم عندك عندي ابي ابغى ابغا ودي اريد بدي عايز لو يا او و ما
            ماذا متى كيف شلون هذا هذه هذي ذا ذلك مع بعد قبل شو ايش وش اللي الي التي الذي لي لكم لك حق تبع ممكن السلام عليكم مرحبا
            اهلا هلا شكرا يعطيك العافيه يعني طيب اوك لا نعم اي ايه كل اذا يكون تكون صار هو هي هم انه ان ال بس حتى عشان علشان
            a an the is are am was were be been do does did you your yours i me my mine we our us can could how much many what
            when which who whom whose to for of in on at by with and or it its this that these those there here any some have has
            had will would shall should please hi hello hey thanks thank ok okay yes no not if then so than from about up get got
            also just need want like know tell doesn't don't dont isn't it's im i'm where وين فين اين
            """),
        StringComparer.Ordinal);

    private TopicText(IReadOnlyList<string> words) => Words = words;

    public IReadOnlyList<string> Words { get; }

    public Dictionary<string, double> Subjects { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Aspects { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Content { get; } = new(StringComparer.Ordinal);

    public static TopicText Analyse(string text)
    {
        var result = new TopicText(ArabicFolding.Words(text));
        var consumed = new bool[result.Words.Count];
        var strong = new HashSet<string>(StringComparer.Ordinal);
        var weak = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        // Longest terms first, each word used once: "cash on delivery" is payment, not also delivery.
        foreach (var (at, term) in SubjectTerms.Find(result.Words))
        {
            if (!Matches(result.Words, consumed, at, term.Words))
            {
                continue;
            }

            Array.Fill(consumed, true, at, term.Words.Length);
            if (term.Weak)
            {
                (weak.TryGetValue(term.Topic.Name, out var set) ? set : weak[term.Topic.Name] = []).Add(string.Join(' ', term.Words));
            }
            else
            {
                strong.Add(term.Topic.Name);
            }
        }

        foreach (var name in strong)
        {
            result.Subjects[name] = 1;
        }

        foreach (var (name, terms) in weak.Where(w => !strong.Contains(w.Key)))
        {
            result.Subjects[name] = terms.Count >= 2 ? 1 : WeakWeight;
        }

        var none = new bool[result.Words.Count];
        foreach (var (at, term) in AspectTerms.Find(result.Words))
        {
            if (Matches(result.Words, none, at, term.Words))
            {
                result.Aspects.Add(term.Topic.Name);
            }
        }

        result.Content.UnionWith(result.Words.Where(w => !Filler.Contains(w) && (w.Length >= 2 || char.IsDigit(w[0]))));
        return result;
    }

    /// <summary>Whether a word of the text is the term's word: equal, or longer with the term as its start (4+ letters: توصيلكم, deliveries).</summary>
    public static bool WordMatches(string word, string term) =>
        word == term || (term.Length >= 4 && word.StartsWith(term, StringComparison.Ordinal));

    private static bool Matches(IReadOnlyList<string> text, bool[] consumed, int at, string[] term)
    {
        if (at + term.Length > text.Count)
        {
            return false;
        }

        for (var k = 0; k < term.Length; k++)
        {
            if (consumed[at + k] || !WordMatches(text[at + k], term[k]))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Term(FaqTopic Topic, string[] Words, bool Weak, int Rank);

    /// <summary>Terms by their first word, so a text is scanned once instead of once per term.</summary>
    private sealed class TermIndex
    {
        private readonly Dictionary<string, List<Term>> _byFirstWord = new(StringComparer.Ordinal);

        public TermIndex(IReadOnlyList<FaqTopic> topics)
        {
            var terms = topics
                .SelectMany(t => t.Strong.Select(s => (t, Words: ArabicFolding.Words(s).ToArray(), Weak: false))
                    .Concat(t.Weak.Select(w => (t, Words: ArabicFolding.Words(w).ToArray(), Weak: true))))
                .Where(t => t.Words.Length > 0)
                .OrderByDescending(t => t.Words.Length)
                .ThenByDescending(t => t.Words.Sum(w => w.Length))
                .Select((t, rank) => new Term(t.t, t.Words, t.Weak, rank));
            foreach (var term in terms)
            {
                (_byFirstWord.TryGetValue(term.Words[0], out var list) ? list : _byFirstWord[term.Words[0]] = []).Add(term);
            }
        }

        /// <summary>Every (position, term) whose first word matches there (<see cref="WordMatches"/>), longest terms first.</summary>
        public IEnumerable<(int At, Term Term)> Find(IReadOnlyList<string> words)
        {
            var found = new List<(int At, Term Term)>();
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                if (_byFirstWord.TryGetValue(word, out var exact))
                {
                    found.AddRange(exact.Select(t => (i, t)));
                }

                // A term of four letters or more also matches a longer word it starts (توصيلكم, deliveries).
                for (var length = word.Length - 1; length >= 4; length--)
                {
                    if (_byFirstWord.TryGetValue(word[..length], out var terms))
                    {
                        found.AddRange(terms.Select(t => (i, t)));
                    }
                }
            }

            return found.OrderBy(f => f.Term.Rank).ThenBy(f => f.At);
        }
    }
}
