using System.Net.Http.Headers;
using System.Text.Json;
using AiSales.Core.Messaging;
using AiSales.Core.Security;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly.Timeout;

namespace AiSales.Api.Templates;

/// <summary>Why the templates could not be listed: no WABA id, a token Meta refused, or no answer.</summary>
public sealed class TemplateCatalogException(string message, bool unreachable) : Exception(message)
{
    public bool Unreachable { get; } = unreachable;
}

/// <summary>
/// The merchant's message templates, synced from its WhatsApp Business Account
/// (<c>GET {version}/{waba-id}/message_templates</c> with the channel token, every page) and cached in memory for
/// <see cref="CacheFor"/> per merchant and WABA (docs/templates.md): Meta's list changes when a template is reviewed,
/// which takes minutes to hours, and a short cache keeps the console's picker and sends from asking Meta each time.
/// </summary>
public sealed class TemplateCatalog(HttpClient http, IOptions<GraphOptions> graph, IMemoryCache cache, SecretProtector secrets, NpgsqlDataSource db)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private const int MaxPages = 20;

    public async Task<TemplateChannel?> FindChannelAsync(Guid merchantId, CancellationToken cancellationToken)
    {
        await using var command = db.CreateCommand("""
            SELECT id, status, waba_id, token_ciphertext, token_key_id FROM channels WHERE merchant_id = $1 AND platform = 'whatsapp'
            """);
        command.Parameters.AddWithValue(merchantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new TemplateChannel(reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetFieldValue<byte[]>(3), reader.GetString(4))
            : null;
    }

    public async Task<TemplateList> ListAsync(Guid merchantId, TemplateChannel channel, bool refresh, CancellationToken cancellationToken)
    {
        if (channel.WabaId is null)
        {
            throw new TemplateCatalogException("The WhatsApp channel has no wabaId; set it with PUT /api/merchant/channels/whatsapp.", unreachable: false);
        }

        var key = $"templates:{merchantId}:{channel.WabaId}";
        if (!refresh && cache.TryGetValue(key, out TemplateList? cached) && cached is not null)
        {
            return cached;
        }

        var token = secrets.Open(new SealedSecret(channel.TokenCiphertext, channel.TokenKeyId), $"channel-token:{merchantId}:{Platforms.WhatsApp}");
        var list = new TemplateList(await FetchAsync(channel.WabaId, token, cancellationToken), DateTimeOffset.UtcNow);
        cache.Set(key, list, CacheFor);
        return list;
    }

    private async Task<List<TemplateView>> FetchAsync(string wabaId, string token, CancellationToken cancellationToken)
    {
        var version = graph.Value.GraphApiVersion.Trim('/');
        var templates = new List<TemplateView>();
        string? after = null;
        for (var page = 0; page < MaxPages; page++)
        {
            // Paged with the cursor only: paging.next is a full URL that we never follow with a token attached.
            var path = $"{version}/{Uri.EscapeDataString(wabaId)}/message_templates?fields=name,language,status,category,components&limit=100"
                + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            string body;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    var unreachable = (int)response.StatusCode >= 500;
                    throw new TemplateCatalogException($"The Graph API answered HTTP {(int)response.StatusCode} to the template list.", unreachable);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
                                       || ex is TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new TemplateCatalogException("The Graph API did not answer; try again shortly.", unreachable: true);
            }

            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
            {
                templates.AddRange(data.EnumerateArray().Select(Read).OfType<TemplateView>());
            }

            after = json.RootElement.TryGetProperty("paging", out var paging) && paging.TryGetProperty("next", out _)
                    && paging.TryGetProperty("cursors", out var cursors) && cursors.TryGetProperty("after", out var a) && a.ValueKind == JsonValueKind.String
                ? a.GetString()
                : null;
            if (after is null)
            {
                break;
            }
        }

        return templates;
    }

    private static TemplateView? Read(JsonElement template)
    {
        string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var name = Str(template, "name");
        var language = Str(template, "language");
        if (name is null || language is null)
        {
            return null;
        }

        var body = template.TryGetProperty("components", out var components) && components.ValueKind == JsonValueKind.Array
            ? components.EnumerateArray().Where(c => string.Equals(Str(c, "type"), "BODY", StringComparison.OrdinalIgnoreCase))
                .Select(c => Str(c, "text")).FirstOrDefault()
            : null;
        return new TemplateView(name, language, Str(template, "status") ?? "UNKNOWN", Str(template, "category"), body, TemplateMessage.ParameterCount(body));
    }
}
