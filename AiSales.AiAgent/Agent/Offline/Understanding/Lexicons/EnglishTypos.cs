namespace AiSales.AiAgent.Agent.Offline.Understanding.Lexicons;

/// <summary>
/// Misspellings and chat shorthand seen in English DMs, listed rather than matched fuzzily: a fuzzy "shoe" would read as "show".
/// </summary>
internal static class EnglishTypos
{
    public static readonly IReadOnlyDictionary<Cue, string[]> Phrases = new Dictionary<Cue, string[]>
    {
        [Cue.Greeting] = ["helo", "hellow", "hallo", "hye", "hai", "heyy", "gm", "gd morning"],
        [Cue.Courtesy] = ["thnks", "thnk you", "thnk u", "thanx a lot", "tanks", "thankz", "thx u", "thanq", "thnq", "tq", "byee", "by by"],
        [Cue.Want] = ["i wnt", "wnt", "i wan", "i wana", "wana", "i ned", "i neeed", "iwant"],
        [Cue.Order] = ["gimmie", "gime", "giv me", "plz send", "ordr", "i wana buy", "wana buy", "wanna get", "wana order", "wanna order"],
        [Cue.Price] = ["how much 4", "hw much 4", "how mch 4", "price 4", "how mutch", "hw mutch", "how muc", "howmch", "how mch is", "hw mch is", "prise", "pric", "prize", "cost?", "hw much is", "wat price",
            "wats the price", "whts the price", "how much it is", "how much its"],
        [Cue.Availability] = ["do u hve", "do you hve", "do u hav", "do you hav", "u hve", "u hav", "hv u got", "avail", "availble", "avaliable", "available?",
            "in stok", "instock"],
        [Cue.AskColour] = ["wat colours", "wat colors", "wht colours", "wht colors", "which colour u have", "colurs", "colrs"],
        [Cue.AskSize] = ["wat size", "wat sizes", "wht sizes", "sizez", "sise"],
        [Cue.Cancel] = ["cancle my order", "cancel my ordr", "cancle my ordr", "cancl", "cancle order", "cnacel"],
        [Cue.OrderNoun] = ["my ordr", "ordr", "oder", "my oder"],
        [Cue.ShowOrder] = ["wats in my order", "whats in my ordr", "show my ordr"],
        [Cue.Confirm] = ["yess", "yas", "yeap", "yesh", "yea sure", "ofc", "ofcourse", "sure thing", "confrim", "confirmd"],
        [Cue.Deny] = ["noo", "nopee", "nah thanks", "no thnks", "not nw"],
        [Cue.Delivery] = ["delivry", "delevery", "dilivery", "shiping", "shippin", "deliver?", "delivary"],
        [Cue.Payment] = ["paymnt", "payement", "cash on delivry", "c.o.d"],
        [Cue.Handoff] = ["humen", "real persn", "custmer service", "costumer service"],
        [Cue.Filler] = ["wat", "wht", "wats", "whts", "pleas", "plss", "pleeease", "pleae", "hv", "hve", "hav", "ur", "u", "r", "plz", "kindlly"],
    };
}
