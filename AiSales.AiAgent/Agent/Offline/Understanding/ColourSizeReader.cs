namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>Reads the colours and sizes a message names, as canonical keys in the order written, each once.</summary>
internal static class ColourSizeReader
{
    public static List<string> Colours(MessageTokens message)
    {
        var keys = new List<string>();
        foreach (var match in Understanding.Colours.Phrases.Find(message.Words, message.IsFree).Where(m => m.Length > 1))
        {
            message.Take(match.Start, match.Length, Claim.Colour);
            keys.Add(match.Value);
        }

        foreach (var i in message.Free().ToList())
        {
            if (Understanding.Colours.Key(message.Words[i]) is { } key && !NamesCosmetic(message, i))
            {
                message.Take(i, 1, Claim.Colour);
                keys.Add(key);
            }
        }

        return keys.Distinct().ToList();
    }

    // «خليه M بدل S», "make it M", "instead of S": a lone letter after the words that swap one variant for another is a size.
    private static bool AfterSwapWord(MessageTokens message, int i) =>
        i > 0 && message.Claims[i - 1] == Claim.Cue
        && (message.Words[i - 1] is "it" or "of" || CueLexicon.SingleWordCues(message.Words[i - 1]).Any(c => c is Cue.SetQuantity or Cue.Instead or Cue.Change));

    // «احمر شفايف» (lipstick) and «احمر خدود» (blush) are products, not the colour red.
    private static bool NamesCosmetic(MessageTokens message, int i) =>
        i + 1 < message.Count && Understanding.Colours.NamesCosmetic(message.Words[i + 1]);

    /// <param name="shortAnswer">A reply of a few words, where a lone "m" can only be a size.</param>
    public static List<string> Sizes(MessageTokens message, bool shortAnswer)
    {
        var sizes = new List<(int At, string Key)>();
        foreach (var match in Understanding.Sizes.Named.Find(message.Words, message.IsFree))
        {
            message.Take(match.Start, match.Length, Claim.Size);
            sizes.Add((match.Start, match.Value));
        }

        // Children's sizes are ages: "٣ سنين", "تلاتة سنين", "6 months", «6-12 شهر» name a size, not three of something.
        foreach (var i in message.Free().Where(i => i + 1 < message.Count && message.IsFree(i + 1)).ToList())
        {
            if (message.IsFree(i) && Understanding.Sizes.AgeWords.Contains(message.Words[i + 1])
                && (int.TryParse(message.Words[i], out var age) || Lexicons.NumberWords.Quantities.TryGetValue(message.Words[i], out age)))
            {
                var from = age;
                var ranged = i > 0 && message.IsFree(i - 1) && message.Dashed(i - 1, i) && int.TryParse(message.Words[i - 1], out from);
                // «من 6 الى 12 شهر», "from 3 to 5 years": the range in words, its «من» and «الى» with it.
                var worded = !ranged && message.Worded(i - 2, i) && int.TryParse(message.Words[i - 2], out from);
                var first = ranged ? i - 1 : worded ? i - 3 : i;
                first = first > 0 && message.IsFree(first - 1) && Understanding.Sizes.SizeWords.Contains(message.Words[first - 1]) ? first - 1 : first;
                // "a 3 year old": «old» belongs to the age.
                var last = i + 2 < message.Count && message.IsFree(i + 2) && message.Words[i + 2] == "old" ? i + 2 : i + 1;
                message.Take(first, last + 1 - first, Claim.Size);
                sizes.AddRange(Understanding.Sizes.Ages(from, age, message.Words[i + 1]).Select(key => (i, key)));
            }
        }

        foreach (var i in message.Free().ToList())
        {
            // "size L", "مقاس ٤٢", "change the size to L", "المقاس الى ٤٠"
            var afterSizeWord = i > 0 && Understanding.Sizes.SizeWords.Contains(message.Words[i - 1])
                || i > 1 && message.Words[i - 1] is "to" or "الي" or "ل" && Understanding.Sizes.SizeWords.Contains(message.Words[i - 2]);
            // «9-36 كغ»: a number of a range is no bare size (36 is a shoe size alone).
            var key = !afterSizeWord && message.InRange(i) ? null
                : Understanding.Sizes.Number(message.Words[i], afterSizeWord && message.Claims[i - 1] != Claim.Choice)
                ?? (afterSizeWord || shortAnswer || AfterSwapWord(message, i) ? Understanding.Sizes.NearSizeWord(message.Words[i]) : null);
            if (key is not null && !(message.Tokens[i].IsNumber && i + 1 < message.Count && Lexicons.NumberWords.Units.Contains(message.Words[i + 1])))
            {
                message.Take(i, 1, Claim.Size);
                sizes.Add((i, key));
                if (afterSizeWord && message.IsFree(i - 1))
                {
                    message.Take(i - 1, 1, Claim.Size); // «بمقاس M»: the size word says nothing about the product
                }
            }
        }

        return sizes.OrderBy(s => s.At).Select(s => s.Key).Distinct().ToList();
    }
}
