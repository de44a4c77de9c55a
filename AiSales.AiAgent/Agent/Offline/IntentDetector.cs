using System.Text;
using System.Text.RegularExpressions;

namespace AiSales.AiAgent.Agent.Offline;

/// <summary>
/// Deterministic intent detection for the offline provider, in English and Arabic (MSA and the Gulf, Levantine,
/// Egyptian and Iraqi phrasings customers actually type). Text is folded like aisales_normalize (alef/hamza forms,
/// taa marbuta, alef maqsura, diacritics, tatweel, Arabic-Indic digits) before matching, so spelling variants agree.
/// </summary>
public static partial class IntentDetector
{
    private static readonly string[] HandoffPhrases =
    [
        "موظف", "شخص حقيقي", "انسان", "بشري", "خدمه العملاء", "اكلم احد", "ابي اكلم", "ابغى اكلم", "بدي احكي", "عايز اكلم",
        "اريد التحدث", "مدير", "human", "agent", "real person", "a person", "representative", "someone real", "customer service", "staff",
    ];

    private static readonly string[] GreetingPhrases =
    [
        "السلام عليكم", "سلام", "مرحبا", "مرحبتين", "هلا", "اهلا", "هاي", "صباح الخير", "مساء الخير", "شلونك", "كيفك", "ازيك",
        "hi", "hello", "hey", "good morning", "good evening", "salam",
    ];

    private static readonly string[] ConfirmPhrases =
    [
        "نعم", "ايوه", "ايوا", "اي", "اكيد", "تمام", "اكد", "موافق", "صح", "اوكي", "يلا", "زين", "ماشي", "طيب",
        "yes", "yeah", "yep", "yup", "confirm", "confirmed", "ok", "okay", "sure", "go ahead",
    ];

    private static readonly string[] OrderPhrases =
    [
        "ابغى", "ابغي", "ابي", "ابا", "بدي", "عايز", "عاوز", "اريد", "اطلب", "اشتري", "احجز", "حابب", "خذ لي", "اخذ", "اشوف اطلب", "جيب لي",
        "i want", "i'd like", "i would like", "i'll take", "ill take", "order", "buy", "purchase", "get me", "i need",
    ];

    private static readonly string[] QuestionPhrases =
    [
        "بكم", "بكام", "كم سعر", "كم السعر", "شكد", "كم", "سعر", "السعر", "عندكم", "عندك", "فيه", "في عندكم", "متوفر", "متوفره", "موجود",
        "شو", "ايش", "وش", "شنو", "ليش", "هل",
        "how much", "price", "cost", "do you have", "have you got", "available", "in stock", "stock", "what", "which", "?",
    ];

    // Words that carry the intent but not the product: removed to leave the product query.
    private static readonly HashSet<string> StopWords = new(
    [
        "بكم", "بكام", "كم", "سعر", "السعر", "عندكم", "عندك", "فيه", "في", "هل", "متوفر", "متوفره", "موجود", "شو", "ايش", "وش", "شنو", "شكد",
        "ابغى", "ابغي", "ابي", "ابا", "بدي", "عايز", "عاوز", "اريد", "اطلب", "اشتري", "احجز", "حابب", "اخذ", "خذ", "لي", "جيب",
        "لو", "سمحت", "من", "على", "يا", "حق", "عن", "و", "او", "هذا", "هذي", "هاد", "ده", "دي", "الله", "يعطيك", "العافيه", "مرحبا", "هلا",
        "اهلا", "السلام", "عليكم", "حبه", "حبات", "قطعه", "قطع", "واحد", "واحده", "اثنين", "ثنتين", "حبتين", "ثلاث", "ثلاثه", "اربع", "اربعه", "خمس", "خمسه",
        "how", "much", "is", "are", "the", "a", "an", "of", "do", "does", "you", "have", "got", "any", "i", "want", "to", "order", "buy",
        "please", "what", "whats", "what's", "for", "in", "stock", "available", "cost", "costs", "price", "would", "like", "i'd", "get", "me",
        "can", "could", "pcs", "pieces", "piece", "some", "need", "it", "this", "that", "and", "with", "hi", "hello", "hey", "your", "there",
        "one", "two", "three", "four", "five", "x", "i'll", "ill", "take", "purchase", "my", "please,", "thanks", "thank",
    ], StringComparer.Ordinal);

    private static readonly Dictionary<string, int> QuantityWords = new(StringComparer.Ordinal)
    {
        ["واحد"] = 1, ["واحده"] = 1, ["حبه"] = 1, ["اثنين"] = 2, ["ثنتين"] = 2, ["حبتين"] = 2, ["قطعتين"] = 2, ["ثلاث"] = 3, ["ثلاثه"] = 3,
        ["اربع"] = 4, ["اربعه"] = 4, ["خمس"] = 5, ["خمسه"] = 5,
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["a pair"] = 2,
    };

    public static bool IsArabic(string text) => text.Any(c => c is >= '\u0600' and <= '\u06FF');

    public static Intent Detect(string text, IReadOnlyCollection<string> merchantHandoffKeywords)
    {
        var folded = Normalize(text);
        var kind =
            merchantHandoffKeywords.Any(k => !string.IsNullOrWhiteSpace(k) && ContainsPhrase(folded, Normalize(k))) || HandoffPhrases.Any(p => ContainsPhrase(folded, p))
                ? IntentKind.Handoff
            : OrderPhrases.Any(p => ContainsPhrase(folded, p)) ? IntentKind.Order
            : QuestionPhrases.Any(p => ContainsPhrase(folded, p)) ? IntentKind.Question
            : ConfirmPhrases.Any(p => ContainsPhrase(folded, p)) && Tokens(folded).Count() <= 4 ? IntentKind.Confirm
            : GreetingPhrases.Any(p => ContainsPhrase(folded, p)) && ProductWords(folded).Count == 0 ? IntentKind.Greeting
            : IntentKind.None;
        return new Intent(kind, string.Join(' ', ProductWords(folded)), Quantity(folded), text.Trim());
    }

    /// <summary>The same folding as the database's aisales_normalize, plus punctuation to spaces.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            var folded = c switch
            {
                'أ' or 'إ' or 'آ' or 'ٱ' => 'ا',
                'ى' or 'ئ' or 'ی' => 'ي',
                'ؤ' => 'و',
                'ة' => 'ه',
                'ک' => 'ك',
                >= '٠' and <= '٩' => (char)('0' + (c - '٠')),
                >= '۰' and <= '۹' => (char)('0' + (c - '۰')),
                '؟' or '،' or '!' or ',' or '.' or ';' or ':' or '(' or ')' => ' ',
                _ => c,
            };
            if (folded is >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640')
            {
                continue;
            }

            if (c == '?')
            {
                builder.Append(" ? ");
                continue;
            }

            builder.Append(folded);
        }

        return Spaces().Replace(builder.ToString(), " ").Trim();
    }

    private static bool ContainsPhrase(string folded, string phrase) =>
        phrase == "?" ? folded.Contains('?') : $" {folded} ".Contains($" {phrase} ", StringComparison.Ordinal)
            || (phrase.Length >= 4 && phrase.Contains(' ') && folded.Contains(phrase, StringComparison.Ordinal));

    private static IEnumerable<string> Tokens(string folded) => folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => t != "?");

    private static List<string> ProductWords(string folded) => Tokens(folded)
        .Where(t => !StopWords.Contains(t) && !QuantityWords.ContainsKey(t) && !t.All(char.IsDigit))
        .Select(StripArticle)
        .Where(t => t.Length >= 2)
        .ToList();

    // "القفطان" finds "قفطان"; the database search then tolerates the rest.
    private static string StripArticle(string word) =>
        word.Length >= 5 && word.StartsWith("ال", StringComparison.Ordinal) ? word[2..] : word;

    private static int Quantity(string folded)
    {
        foreach (var token in Tokens(folded))
        {
            if (int.TryParse(token, out var n) && n is > 0 and < 100)
            {
                return n;
            }

            if (token.StartsWith('x') && int.TryParse(token[1..], out n) && n is > 0 and < 100)
            {
                return n;
            }

            if (QuantityWords.TryGetValue(token, out n))
            {
                return n;
            }
        }

        return 1;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
