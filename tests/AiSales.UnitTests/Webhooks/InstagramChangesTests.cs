using System.Text;
using AiSales.Api.Webhooks;

namespace AiSales.UnitTests.Webhooks;

/// <summary>
/// Contract §4 rule 4: every item of every array, entry[].changes[] included. Instagram also delivers messages in Meta's
/// field-subscription shape (what the app dashboard's "Test" button sends), with the timestamp in seconds.
/// </summary>
public sealed class InstagramChangesTests
{
    [Fact]
    public void AMessageInChangesIsReadLikeOneInMessaging()
    {
        var body = Encoding.UTF8.GetBytes("""
            {"object":"instagram","entry":[{"id":"17841400000000001","time":1764633600,
              "messaging":[{"sender":{"id":"555001"},"recipient":{"id":"17841400000000001"},"timestamp":1764633600000,
                            "message":{"mid":"mid.first","text":"بكم الحقيبة؟"}}],
              "changes":[{"field":"messages","value":{"sender":{"id":"555002"},"recipient":{"id":"17841400000000001"},
                          "timestamp":"1764633601","message":{"mid":"mid.second","text":"do you have this in red?"}}},
                         {"field":"comments","value":{"from":{"id":"555003","username":"someone"},"id":"c1","text":"nice"}}]}]}
            """);

        var items = WebhookParser.Parse("instagram", body);

        Assert.Equal(2, items.Count);
        var second = Assert.IsType<CustomerMessage>(items[1]);
        Assert.Equal(("555002", "mid.second", "do you have this in red?"), (second.CustomerId, second.ExternalId, second.Text));
        Assert.Equal("17841400000000001", second.AccountId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764633601), second.Timestamp);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764633600000), items[0].Timestamp);
    }

    [Fact]
    public void AReactionInChangesIsReadToo()
    {
        var body = Encoding.UTF8.GetBytes("""
            {"object":"instagram","entry":[{"id":"17841400000000001","changes":[{"field":"message_reactions","value":
              {"sender":{"id":"555002"},"recipient":{"id":"17841400000000001"},"timestamp":1764633602000,
               "reaction":{"mid":"mid.ours","action":"react","reaction":"love","emoji":"❤️"}}}]}]}
            """);

        var reaction = Assert.IsType<ReactionUpdate>(Assert.Single(WebhookParser.Parse("instagram", body)));

        Assert.Equal("❤️", reaction.Emoji);
    }
}
