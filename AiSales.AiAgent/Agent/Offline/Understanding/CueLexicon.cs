using AiSales.AiAgent.Agent.Offline.Understanding.Lexicons;

namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>All dialect and English cue lexicons as one phrase table. A dialect is not detected first: customers mix them freely.</summary>
internal static class CueLexicon
{
    private static readonly IReadOnlyDictionary<Cue, string[]>[] s_lexicons =
    [
        MsaCues.Phrases, GulfCues.Phrases, LevantineCues.Phrases, EgyptianCues.Phrases, IraqiCues.Phrases, MaghrebiCues.Phrases,
        EnglishCues.Phrases, EnglishTypos.Phrases, ServiceCues.Phrases, ContentsCues.Phrases, ArabicFillers.Phrases, EnglishFillers.Phrases,
    ];

    private static readonly ILookup<string, Cue> s_singleWords = s_lexicons
        .SelectMany(lexicon => lexicon.SelectMany(pair => pair.Value.Select(phrase => (Word: TextFolding.Fold(phrase), Cue: pair.Key))))
        .Where(x => !x.Word.Contains(' '))
        .ToLookup(x => x.Word, x => x.Cue, StringComparer.Ordinal);

    public static PhraseTable<Cue> Table { get; } = PhraseTable<Cue>.From(s_lexicons);

    public static IEnumerable<Cue> SingleWordCues(string foldedWord) => s_singleWords[foldedWord];
}
