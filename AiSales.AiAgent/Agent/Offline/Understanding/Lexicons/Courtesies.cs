namespace AiSales.AiAgent.Agent.Offline.Understanding.Lexicons;

/// <summary>Emoji that mean thanks, agreement or goodbye. Other emoji are read as nothing rather than as a product word.</summary>
internal static class Courtesies
{
    public static readonly IReadOnlySet<string> Emoji = new HashSet<string>(
        ["👍", "❤", "♥", "🙏", "🌹", "😊", "🙂", "😍", "🥰", "💕", "💖", "💗", "💙", "💚", "💛", "💜", "🖤", "🤍", "🤎", "🧡", "👌", "💐", "😘", "☺",
            "🤗", "🌷", "🌸", "✨", "🙌", "👏", "💯", "😃", "😄", "😁", "🫶", "✅", "✔", "☑"],
        StringComparer.Ordinal);
}
