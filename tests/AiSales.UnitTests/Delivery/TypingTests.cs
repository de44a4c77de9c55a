using AiSales.AiAgent.Delivery;
using AiSales.Core.Security;
using Microsoft.Extensions.Options;

namespace AiSales.UnitTests.Delivery;

/// <summary>"Seen" and "typing…" (contract §5): the bodies, and a queue that never grows past its bound.</summary>
public sealed class TypingTests
{
    private static readonly TypingTarget s_target = new(Guid.NewGuid(), "whatsapp", "1065", new SealedSecret([1, 2, 3], "k"), "966500000001", "wamid.LAST");

    [Fact]
    public void WhatsAppReadReceiptCarriesTheTypingIndicatorOnlyWhileTheReplyIsComing()
    {
        var typing = Assert.Single(TypingBodies.For("whatsapp", "966500000001", "wamid.LAST"));
        var readOnly = Assert.Single(TypingBodies.For("whatsapp", "966500000001", "wamid.LAST", typing: false));

        Assert.Equal("""{"messaging_product":"whatsapp","status":"read","message_id":"wamid.LAST","typing_indicator":{"type":"text"}}""", typing.ToJsonString());
        Assert.Equal("""{"messaging_product":"whatsapp","status":"read","message_id":"wamid.LAST"}""", readOnly.ToJsonString());
        Assert.Empty(TypingBodies.For("whatsapp", "966500000001", lastMessageExternalId: null));
    }

    [Fact]
    public void InstagramSendsTypingOnOnlyWhileTheReplyIsComing()
    {
        Assert.Equal(["mark_seen", "typing_on"], TypingBodies.For("instagram", "1789", null).Select(b => b["sender_action"]!.GetValue<string>()));
        Assert.Equal(["mark_seen"], TypingBodies.For("instagram", "1789", null, typing: false).Select(b => b["sender_action"]!.GetValue<string>()));
        Assert.All(TypingBodies.For("instagram", "1789", null), b => Assert.Equal("1789", b["recipient"]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public void AFullQueueDropsTheRequestInsteadOfGrowing()
    {
        var indicator = new TypingIndicator(TimeProvider.System, Options.Create(new DeliveryOptions()));

        var queued = Enumerable.Range(0, TypingIndicator.QueueCapacity + 50).Select(_ => indicator.Start(s_target)).ToList();

        Assert.Equal(TypingIndicator.QueueCapacity, queued.Count(s => s is not null));
        Assert.All(queued.Skip(TypingIndicator.QueueCapacity), s => Assert.Null(s));
    }

    [Fact]
    public void NoConcurrencyMeansNoIndicatorAndNothingQueued()
    {
        var indicator = new TypingIndicator(TimeProvider.System, Options.Create(new DeliveryOptions { TypingConcurrency = 0 }));

        Assert.False(indicator.Enabled);
        Assert.Null(indicator.Start(s_target));
    }
}
