using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>Shorthands for the understanding tests: read a message with or without something awaited.</summary>
internal static class Read
{
    public static Reading Message(string text, Awaiting awaiting = Awaiting.Nothing, int shown = 0, params string[] handoffKeywords) =>
        MessageReader.Read(text, new ReadingHints(awaiting, shown, handoffKeywords));

    public static Act[] Acts(string csv) => csv.Length == 0 ? [] : csv.Split(',').Select(a => Enum.Parse<Act>(a.Trim())).ToArray();

    public static string Describe(Reading r) =>
        $"acts=[{string.Join(",", r.Acts.Order())}] q={r.Quantity} d={r.QuantityDelta} choice={r.Choice} colours=[{string.Join(",", r.Colours)}] " +
        $"sizes=[{string.Join(",", r.Sizes)}] attr={r.AskedAttribute} topic={r.Topic} query='{r.ProductQuery}' name='{r.Name}' address='{r.Address}' phone='{r.Phone}'";
}
