using System.Text.Json.Nodes;

namespace AiSales.Tests.Media;

/// <summary>What the fake Graph received for an account: messages only (read receipts and typing left out), parsed.</summary>
public static class MediaSends
{
    public static List<JsonObject> Messages(MediaFixture fixture, string accountId) => fixture.Graph.SendsTo(accountId)
        .Select(body => JsonNode.Parse(body)!.AsObject())
        .Where(body => body["status"] is null && body["sender_action"] is null)
        .ToList();

    /// <summary>Waits until the account has received at least <paramref name="count"/> messages matching <paramref name="match"/>.</summary>
    public static async Task<List<JsonObject>> WaitForAsync(MediaFixture fixture, string accountId, int count, Func<JsonObject, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + MediaTestData.WaitTimeout;
        while (true)
        {
            var found = Messages(fixture, accountId).Where(match ?? (_ => true)).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{found.Count} of {count} messages to {accountId} within {MediaTestData.WaitTimeout}.");
            }

            await Task.Delay(100);
        }
    }

    public static bool IsTemplate(JsonObject body) => body["type"]?.GetValue<string>() == "template";

    /// <summary>A template send's body parameters, in order.</summary>
    public static List<string> TemplateParameters(JsonObject body) =>
        body["template"]?["components"]?[0]?["parameters"]?.AsArray().Select(p => p!["text"]!.GetValue<string>()).ToList() ?? [];
}
