namespace AiSales.AiAgent.Agent.Offline.Understanding.Lexicons;

/// <summary>
/// Questions about what a product is made of inside — its filling, flavour, ingredients or what a box or tray holds («وش حشوته؟», «إيش
/// فيها الصينية؟», "what flavours?", "what's inside?"), in every dialect and English: answered from its description.
/// </summary>
internal static class ContentsCues
{
    public static readonly IReadOnlyDictionary<Cue, string[]> Phrases = new Dictionary<Cue, string[]>
    {
        [Cue.AskContents] =
        [
            "حشوته", "حشوتها", "حشوتهم", "الحشوه", "حشوه", "حشوات", "الحشوات", "وش محشي", "ايش محشي", "شو محشي", "محشي ايش", "محشي وش", "محشي ايه",
            "نكهته", "نكهتها", "النكهه", "نكهات", "النكهات", "نكهاته", "طعمه ايش", "وش طعمه", "وش طعمها", "ايش طعمه", "ايش طعمها", "شو طعمه",
            "مكوناته", "مكوناتها", "المكونات", "وش مكوناته", "مكوناته ايه",
            "وش فيه", "وش فيها", "ايش فيه", "ايش فيها", "شو فيه", "شو فيها", "فيها ايه", "فيه ايه", "شنو بيه", "شنو بيها", "اشنو فيه",
            "وش داخله", "وش داخلها", "ايش داخله", "ايش داخلها", "شو جواها", "شو جواته", "جواها ايه", "وش يجي فيه", "وش يجي فيها", "ايش يجي فيها",
            "what filling", "what fillings", "which filling", "the filling", "fillings", "what flavour", "what flavours", "what flavor", "what flavors",
            "which flavour", "which flavor", "flavours", "flavors", "ingredients", "whats inside", "what is inside", "whats in it", "what is in it",
            "whats in the", "what is in the", "whats in this", "what comes in", "what does it contain", "what does it come with", "contents",
        ],
    };
}
