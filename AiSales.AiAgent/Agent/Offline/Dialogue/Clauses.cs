using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>
/// Several products in one message ("the hand cream and the white bag", «عطر عود وكريم يدين»): the message cut at its
/// conjunctions, each part read on its own. Arabic joins «و» to the next word, so a word starting with it is cut off
/// unless the «و» is part of the word itself (وردي، وحدة، وسط…).
/// </summary>
public static class Clauses
{
    private static readonly HashSet<string> s_wordsWithWaw =
    [
        "وحده", "واحد", "واحده", "وش", "وين", "وردي", "ورد", "ورده", "وسط", "وصل", "والله", "وزن", "وقت", "ولا", "وايد", "ويا", "وياه",
        "وصف", "وجه", "ورق", "وساده", "وشاح",
    ];

    private static readonly HashSet<string> s_units = ["كيلو", "الكيلو", "كيلوين", "kg", "kilo"];

    public static IReadOnlyList<string> Split(string text)
    {
        var parts = new List<string>();
        var current = new List<string>();
        foreach (var raw in text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var word = raw.Trim(',', '،', '.', '!', '?', '؟');
            var folded = TextFolding.Fold(word);
            if (folded is "and" or "&" or "و" || raw.EndsWith(',') || raw.EndsWith('،'))
            {
                if (folded is not ("and" or "&" or "و")) current.Add(word);
                Flush();
                continue;
            }

            // «اسدال و2 طرحة»: «و» glued to a number starts the next product with its count.
            if (folded.Replace(" ", "") is { Length: >= 2 } glued && glued[0] == 'و' && glued[1..].All(char.IsAsciiDigit) && current.Count > 0)
            {
                Flush();
                current.Add(word[1..]);
                continue;
            }

            // «كيلو ونص»: a kilo and a half is one weight; «… خلاص ونص كيلو عجوة» starts the next product with its half kilo.
            var fraction = folded is "ونص" or "ونصف" or "وربع";
            if (current.Count > 0 && (fraction ? !s_units.Contains(TextFolding.Fold(current[^1]))
                : folded.Length > 3 && folded[0] == 'و' && !s_wordsWithWaw.Contains(folded) && !s_wordsWithWaw.Contains(folded[1..])))
            {
                Flush();
                current.Add(word[1..]);
                continue;
            }

            current.Add(word);
        }

        Flush();
        return parts;

        void Flush()
        {
            if (current.Count > 0) parts.Add(string.Join(' ', current));
            current.Clear();
        }
    }
}
