using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiSales.Tests.Conversations;

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
