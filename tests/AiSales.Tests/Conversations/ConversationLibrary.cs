using System.Text.Json;
using System.Text.Json.Serialization;

namespace AiSales.Tests.Conversations;

/// <summary>Reads every Data/*.json conversation file (not the shop files) once, and checks that each one's shop exists.</summary>
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
        foreach (var path in Directory.GetFiles(DataDirectory, "*.json").Where(p => !ShopData.IsShopFile(Path.GetFileName(p))).Order())
        {
            var fileName = Path.GetFileNameWithoutExtension(path);
            ConversationFile file;
            try
            {
                file = JsonSerializer.Deserialize<ConversationFile>(System.IO.File.ReadAllText(path), Json)
                    ?? throw new InvalidDataException("empty file");
                ShopData.Load(file.Shop);
            }
            catch (Exception e) when (e is JsonException or InvalidDataException)
            {
                throw new InvalidDataException($"Conversations/Data/{fileName}.json: {e.Message}", e);
            }

            foreach (var conversation in file.Conversations)
            {
                var named = conversation with { Name = $"{fileName}/{conversation.Id}", Shop = file.Shop };
                if (!all.TryAdd(named.Name, named))
                {
                    throw new InvalidDataException($"Two conversations are named {named.Name}.");
                }
            }
        }

        return all;
    }
}
