namespace AiSales.AiAgent.Agent.Offline.Understanding.Lexicons;

/// <summary>English words that carry neither an act nor a product: removed before the catalogue search.</summary>
internal static class EnglishFillers
{
    public static readonly IReadOnlyDictionary<Cue, string[]> Phrases = new Dictionary<Cue, string[]>
    {
        [Cue.Filler] = ["the", "an", "of", "for", "to", "in", "on", "at", "with", "and", "or", "is", "are", "am", "be", "was", "it", "its", "itd",
            "this", "that", "these", "those", "them", "they", "some", "do", "does", "did", "you", "u", "your", "ur", "yours", "have", "has",
            "got", "i", "im", "ive", "me", "my", "mine", "we", "our", "us", "can", "could", "would", "will", "should", "please", "pls", "plz", "plse",
            "pleas", "kindly", "just", "also", "too", "very", "really", "so", "there", "here", "now", "still", "please tell me", "tell me",
            "i want to know", "want to know", "wanna know", "i wanna know", "id like to know", "would like to know", "let me know", "can you tell me",
            "question", "quick question", "a question", "item", "items", "ones", "product", "products", "thing", "things", "colour", "color",
            "in colour", "in color", "what", "whats", "which", "how", "where", "when", "any", "if", "about", "like", "something", "one of",
            "dear", "mate", "buddy", "man", "friend", "guys", "sir", "madam", "bro", "brother", "sis", "habibi", "hun", "again", "instead", "anymore", "any more", "free", "by", "tomorrow", "today", "if possible", "if you can", "if available", "asap", "urgent", "urgently", "photo", "photos", "picture", "pictures", "pics", "pic", "a lot", "alot", "then", "but", "well", "um", "uh", "hmm", "oh", "btw", "actually", "only",
            // The Arabic article in a Latin-script message ("w el 65W charger?").
            "el", "il",
            // "how much each?", "thank u so much": the price of one, the size of the thanks.
            "each", "per piece", "apiece", "a piece", "per item", "each one", "so much", "very much",
            // "do they come in other colours?": the question is the colour, not a product called "come".
            "come", "comes", "come in",
            // "if I order today, when would it arrive?" asks about delivery; it orders nothing.
            "if i order", "if i buy", "if we order",
            // "do you accept KNET?": what is accepted is the question.
            "accept", "accepts", "accepted", "do you take", "suitable", "suitable for"],
    };
}
