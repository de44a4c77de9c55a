using System.Text.Json;
using AiSales.AiAgent.Agent;
using AiSales.AiAgent.Agent.Offline;
using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Plugins;
using AiSales.AiAgent.Agent.Turns;

namespace AiSales.UnitTests.Agent.Dialogue;

/// <summary>A tool call the policy made, and the reply it ended with.</summary>
public sealed record Played(IReadOnlyList<(string Tool, Dictionary<string, object?> Arguments)> Calls, Step Reply)
{
    public IEnumerable<string> Tools => Calls.Select(c => c.Tool);

    public string Text => Reply.Text!;

    public DialogueState State => Reply.State!;

    public object? Argument(string tool, string name) => Calls.First(c => c.Tool == tool).Arguments.GetValueOrDefault(name);
}

/// <summary>
/// Plays one turn of the offline policy the way OfflineChatClient does — round after round until it replies — with the
/// tools answered by the test (the results a plugin would return, as JSON).
/// </summary>
public static class DialogueScript
{
    public static readonly MerchantProfile Shop = new("Demo Shop", "Sara", "", "auto", "", ["manager"], []);

    public static OfflineTurn Turn(string text, DialogueState? state = null, OrderView? draft = null, string platform = "whatsapp",
        MerchantProfile? merchant = null, params string[] more)
    {
        string[] texts = [text, .. more];
        var language = TurnPolicy.ReplyLanguage("auto", texts, []);
        return OfflineTurn.Read(merchant ?? Shop, language, platform, texts, state ?? DialogueState.Empty, draft);
    }

    public static Played Play(OfflineTurn turn, Func<string, Dictionary<string, object?>, object?>? tools = null)
    {
        var calls = new List<(string, Dictionary<string, object?>)>();
        var results = new List<ToolResult>();
        for (var round = 0; round < 8; round++)
        {
            var step = DialoguePolicy.Next(turn, new TurnResults(results));
            if (step.Tool is null)
            {
                return new Played(calls, step);
            }

            calls.Add((step.Tool, step.Arguments!));
            var result = tools?.Invoke(step.Tool, step.Arguments!) ?? throw new InvalidOperationException($"Unexpected tool {step.Tool}");
            results.Add(new ToolResult(step.Tool, JsonSerializer.SerializeToElement(result, result.GetType())));
        }

        throw new InvalidOperationException("The policy never replied.");
    }

    public static ProductFact Product(string name, decimal price, int stock = 10, string description = "", string currency = "SAR") =>
        new(Guid.NewGuid(), "SKU-" + name.GetHashCode().ToString("X8"), name, description, price, currency, stock, stock > 0);

    public static DialogueState Shown(params ProductFact[] products) =>
        DialogueState.Empty with { Shown = DialogueRules.Remember(products), LastQuery = "x" };

    public static OrderView Order(string? name = null, string? address = null, string? phone = "966500000001", params (ProductFact Product, int Quantity)[] lines)
    {
        var items = lines.Select(l => new OrderLine(l.Product.Sku, l.Product.Name, l.Product.Price, l.Quantity, l.Product.Price * l.Quantity, l.Product.ProductId)).ToList();
        var order = new OrderView(Guid.NewGuid(), 1042, "draft", items, items.Sum(i => i.LineTotal), "SAR", name, address, phone, null);
        return order with { Missing = OrderQueries.MissingOf(order, items) };
    }
}
