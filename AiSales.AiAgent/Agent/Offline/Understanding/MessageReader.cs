using AiSales.AiAgent.Agent.Offline.Understanding.Lexicons;

namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// The offline model's understanding: one customer message in, a <see cref="Reading"/> out, with no database, network or state beyond
/// <see cref="ReadingHints"/>. Readers run in a fixed order and each claims the words it understood — phones, details after a lead-in,
/// the merchant's handoff words, picks, cue phrases, colours, sizes, quantities — so whatever is left is the product query.
/// </summary>
public static class MessageReader
{
    private static readonly Act[] s_valuesOnly = [Act.Greeting, Act.Courtesy, Act.GiveName, Act.GiveAddress, Act.GivePhone];

    public static Reading Read(string text, ReadingHints hints)
    {
        var message = MessageTokens.Read(text ?? "");
        var contact = new Contact();

        var phones = PhoneReader.Read(message);
        ContactLeadInReader.Read(message, phones, hints.Awaiting, contact);
        contact.Phone ??= BarePhone(phones, hints.Awaiting);
        foreach (var phone in phones.Where(p => p.Digits != contact.Phone))
        {
            message.Take(phone.First, phone.Last - phone.First + 1, Claim.None); // a 7-digit number nobody asked for is a model number
        }

        var handoffKeyword = HandoffKeywords(message, hints.HandoffKeywords ?? []);
        var choice = ChoiceReader.Read(message, hints);
        var pickAll = choice is null && ChoiceReader.Every(message, hints);
        var cues = CueLexicon.Table.Find(message.Words, message.IsFree);
        cues.RemoveAll(cue => CuesInNames.Qualifies(message, cues, cue) || CuesInNames.AfterProduct(message, cues, cue) || CuesInNames.Owned(message, cue));
        foreach (var cue in cues)
        {
            message.Take(cue.Start, cue.Length, Claim.Cue);
        }

        Vocatives(message);
        AmountReader.Read(message);
        OneOf(message);
        var weight = WeightReader.Read(message);

        var colours = ColourSizeReader.Colours(message);
        var shortAnswer = message.Free().Count() <= 3 && message.Count <= 5;
        var sizes = ColourSizeReader.Sizes(message, shortAnswer || hints.Awaiting == Awaiting.Choice);
        var quantities = QuantityReader.Read(message, hints.Awaiting, out var pieces);

        var facts = new ReadingFacts(
            message.Free().Count(), colours.Count > 0 || sizes.Count > 0 || weight is not null || pieces is not null || choice is not null || pickAll, colours.Count, sizes.Count, quantities, handoffKeyword,
            message.Tokens.Any(t => t.IsEmoji && Courtesies.Emoji.Contains(t.Text)), pieces);
        var resolved = CueResolver.Resolve(message, cues, facts, hints);
        var acts = resolved.Acts;

        BareContactReader.Read(message, acts, cues, hints.Awaiting, contact);
        if (contact.TookBareText && !contact.OtherLinesAct)
        {
            // The text was the detail asked for; its words are not also an order, a colour or a quantity.
            acts.IntersectWith(s_valuesOnly);
            return Details(acts, contact);
        }

        AddDetails(acts, contact);
        var quantity = resolved.Quantity ?? (resolved.QuantityDelta is null ? facts.Quantity : null);
        if (choice is not null || pickAll || hints.Awaiting == Awaiting.Choice && (colours.Count > 0 || sizes.Count > 0) && !acts.Overlaps([Act.AskAlternatives, Act.AskAttribute]))
        {
            acts.Add(Act.Choose);
            // "the smaller one please", «الثانية لو سمحت»: a pick asked for politely, with no question, is a wish to have it.
            if (Politely(message) && !message.HasQuestionMark && !acts.Overlaps([Act.AskPrice, Act.AskAvailability, Act.AskAttribute, Act.AskAlternatives,
                    Act.StoreQuestion, Act.Remove, Act.Cancel, Act.ChangeQuantity]))
            {
                acts.Add(Act.Buy);
            }
        }

        return new Reading(acts, quantity, choice, colours, sizes, resolved.Attribute, Query(message), contact.Name, contact.Address, contact.Phone,
            resolved.Topic, resolved.QuantityDelta, pickAll, handoffKeyword, weight, ColourWords(message), pieces);
    }

    // A bare number is a phone when one was asked for, or when it is long enough to be nothing else.
    private static string? BarePhone(List<PhoneNumber> phones, Awaiting awaiting) =>
        phones.FirstOrDefault(p => awaiting == Awaiting.Phone || PhoneReader.Length(p) >= 9)?.Digits;

    /// <summary>
    /// The merchant's keywords as whole words; an Arabic one-word keyword also in its other forms, as customers write it: «تالف» in
    /// «وصلت تالفة» or «التالف».
    /// </summary>
    private static bool HandoffKeywords(MessageTokens message, IReadOnlyCollection<string> keywords)
    {
        var found = false;
        foreach (var keyword in keywords.Where(k => !string.IsNullOrWhiteSpace(k)))
        {
            foreach (var match in new PhraseTable<bool>([(keyword, true)]).Find(message.Words, message.IsFree))
            {
                message.Take(match.Start, match.Length, Claim.Keyword);
                found = true;
            }

            var folded = TextFolding.Fold(keyword).Trim();
            if (folded.Contains(' ') || !TextFolding.IsArabicScript(folded))
            {
                continue;
            }

            foreach (var i in message.Free().Where(i => ArabicWord.Inflects(message.Words[i], folded)).ToList())
            {
                message.Take(i, 1, Claim.Keyword);
                found = true;
            }
        }

        return found;
    }

    /// <summary>«ميرسي يا قمر», «تسلمي يا عسل», «عندكم يا جماعة…»: the word called after «يا» addresses someone; it names no product.</summary>
    private static void Vocatives(MessageTokens message)
    {
        for (var i = 0; i + 1 < message.Count; i++)
        {
            if (message.Words[i] == "يا" && !message.IsFree(i) && message.IsFree(i + 1) && TextFolding.IsArabicScript(message.Words[i + 1]))
            {
                message.Take(i + 1, 1, Claim.Cue);
            }
        }
    }

    private static bool Politely(MessageTokens message) => Enumerable.Range(0, message.Count).Any(i => message.Words[i] is "please" or "pls" or "plz"
        or "رجاء" or "رجاءا" || i + 1 < message.Count && (message.Words[i], message.Words[i + 1]) is ("لو", "سمحت" or "سمحتي") or ("من", "فضلك"));

    /// <summary>«ام 6 لتر», «ابو 28»: Iraqi "the one of" before a measure or size; it names no product.</summary>
    private static void OneOf(MessageTokens message)
    {
        for (var i = 0; i + 1 < message.Count; i++)
        {
            if (message.Words[i] is "ام" or "ابو" && message.IsFree(i) && message.Words[i + 1].All(char.IsAsciiDigit))
            {
                message.Take(i, 1, Claim.Cue);
            }
        }
    }

    private static Reading Details(HashSet<Act> acts, Contact contact)
    {
        AddDetails(acts, contact);
        return new Reading(acts, null, null, [], [], null, "", contact.Name, contact.Address, contact.Phone, null);
    }

    private static void AddDetails(HashSet<Act> acts, Contact contact)
    {
        if (contact.Name is not null)
        {
            acts.Add(Act.GiveName);
        }

        if (contact.Address is not null)
        {
            acts.Add(Act.GiveAddress);
        }

        if (contact.Phone is not null)
        {
            acts.Add(Act.GivePhone);
        }
    }

    private static List<string> ColourWords(MessageTokens message) =>
        Enumerable.Range(0, message.Count).Where(i => message.Claims[i] == Claim.Colour).Select(i => ArabicWord.StripArticle(message.Words[i])).ToList();

    // What no reader claimed, without the Arabic article, and without stray letters.
    private static string Query(MessageTokens message) => string.Join(' ', message.Free()
        .Select(i => ArabicWord.StripArticle(message.Words[i]))
        .Where(word => word.Length >= 2 || word.All(char.IsAsciiDigit) && word.Length > 0));
}
