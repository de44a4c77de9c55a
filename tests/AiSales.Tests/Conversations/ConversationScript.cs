using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiSales.Tests.Conversations;

/// <summary>One data file (a dialect or a theme): its conversations, in file order.</summary>
public sealed record ConversationFile(string About, List<ConversationScript> Conversations);

/// <summary>A whole customer conversation and what the shop must have done by its end (Data/README.md).</summary>
public sealed record ConversationScript(
    string Id, string Platform, string Script, string About, List<ScriptTurn> Turns,
    OrderExpectation? Order = null, List<string>? Needs = null, string? ProfileName = null)
{
    /// <summary>"file/id", the test case's name.</summary>
    [JsonIgnore] public string Name { get; init; } = "";

    [JsonIgnore] public string File => Name.Split('/')[0];
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

/// <summary>Reads every Data/*.json file (except shop.json) once.</summary>
public static class ConversationLibrary
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<IReadOnlyDictionary<string, ConversationScript>> s_all = new(Load);

    public static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "Conversations", "Data");

    public static IReadOnlyDictionary<string, ConversationScript> All => s_all.Value;

    /// <summary>The theory's cases: one per conversation, named "file/id".</summary>
    public static IEnumerable<object[]> Cases() => All.Keys.Select(name => new object[] { name });

    private static IReadOnlyDictionary<string, ConversationScript> Load()
    {
        var all = new SortedDictionary<string, ConversationScript>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(DataDirectory, "*.json").Where(p => Path.GetFileName(p) != "shop.json").Order())
        {
            var fileName = Path.GetFileNameWithoutExtension(path);
            ConversationFile file;
            try
            {
                file = JsonSerializer.Deserialize<ConversationFile>(System.IO.File.ReadAllText(path), Json)
                    ?? throw new InvalidDataException("empty file");
            }
            catch (Exception e) when (e is JsonException or InvalidDataException)
            {
                throw new InvalidDataException($"Conversations/Data/{fileName}.json: {e.Message}", e);
            }

            foreach (var conversation in file.Conversations)
            {
                var named = conversation with { Name = $"{fileName}/{conversation.Id}" };
                if (!all.TryAdd(named.Name, named))
                {
                    throw new InvalidDataException($"Two conversations are named {named.Name}.");
                }
            }
        }

        return all;
    }
}

/// <summary>"text" or ["text", …].</summary>
public sealed class OneOrManyConverter : JsonConverter<List<string>>
{
    public override List<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? [reader.GetString()!] : JsonSerializer.Deserialize<List<string>>(ref reader, options)!;

    public override void Write(Utf8JsonWriter writer, List<string> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}

/// <summary>["185", ["black", "سوداء"]]: every entry must appear; an inner list is alternatives (any one).</summary>
public sealed class AlternativesConverter : JsonConverter<List<List<string>>>
{
    public override List<List<string>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.String ? [e.GetString()!] : e.EnumerateArray().Select(a => a.GetString()!).ToList())
            .ToList();
    }

    public override void Write(Utf8JsonWriter writer, List<List<string>> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}
