using System.Text.Json.Serialization;

namespace AiSales.Tests.Conversations;

/// <summary>One data file (a dialect or a theme): its conversations, in file order, and the shop they talk to.</summary>
public sealed record ConversationFile(string About, List<ConversationScript> Conversations, string Shop = ShopData.DefaultFile);

/// <summary>A whole customer conversation and what the shop must have done by its end (Data/README.md).</summary>
public sealed record ConversationScript(
    string Id, string Platform, string Script, string About, List<ScriptTurn> Turns,
    OrderExpectation? Order = null, List<string>? Needs = null, string? ProfileName = null)
{
    /// <summary>"file/id", the test case's name.</summary>
    [JsonIgnore] public string Name { get; init; } = "";

    [JsonIgnore] public string File => Name.Split('/')[0];

    /// <summary>The shop file its merchant is made from (the data file's "shop").</summary>
    [JsonIgnore] public string Shop { get; init; } = ShopData.DefaultFile;
}

/// <summary>One customer turn: one or several messages sent back to back, and how the reply is judged.</summary>
public sealed record ScriptTurn(
    [property: JsonConverter(typeof(OneOrManyConverter))] List<string> Say,
    [property: JsonConverter(typeof(AlternativesConverter))] List<List<string>>? Expect = null,
    List<string>? Forbid = null,
    List<string>? Asks = null,
    List<string>? NotAsks = null,
    bool NoProducts = false,
    int List = 0,
    string Reply = "some",
    string? Status = null,
    string? Script = null,
    string? Note = null);

/// <summary>The newest order read through the merchant API at the end; null fields are not checked.</summary>
public sealed record OrderExpectation(
    [property: JsonConverter(typeof(OneOrManyConverter))] List<string> Status,
    Dictionary<string, int>? Items = null,
    decimal? Total = null,
    string? Currency = null,
    string? Name = null,
    string? Address = null,
    string? Phone = null,
    Dictionary<string, int>? AtMost = null);
