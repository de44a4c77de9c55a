using System.Text.Json;
using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>One tool's answer in this turn, as JSON (what the model reads), with typed views for the policy.</summary>
public sealed record ToolResult(string Tool, JsonElement Value)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public IReadOnlyList<ProductFact> Products() =>
        Value.ValueKind == JsonValueKind.Array ? Value.Deserialize<List<ProductFact>>(s_json) ?? [] : [];

    public ProductFact? Product() => Value.ValueKind == JsonValueKind.Object ? Value.Deserialize<ProductFact>(s_json) : null;

    public OrderView? Order() => Value.ValueKind == JsonValueKind.Object ? Value.Deserialize<OrderView>(s_json) : null;

    public IReadOnlyList<FaqAnswer> Answers() =>
        Value.ValueKind == JsonValueKind.Array ? Value.Deserialize<List<FaqAnswer>>(s_json) ?? [] : [];
}

/// <summary>The tool results of one turn, in call order.</summary>
public sealed class TurnResults(IReadOnlyList<ToolResult> results)
{
    public static readonly TurnResults None = new([]);

    public int Count => results.Count;

    /// <summary>The nth result of that tool in this turn (0 = the first), or null when it was not called that often.</summary>
    public ToolResult? Of(string tool, int nth = 0) => results.Where(r => r.Tool == tool).Skip(nth).FirstOrDefault();

    public bool Called(string tool) => results.Any(r => r.Tool == tool);
}
