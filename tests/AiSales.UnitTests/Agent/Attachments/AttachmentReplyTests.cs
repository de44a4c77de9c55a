using AiSales.AiAgent.Agent.Attachments;
using AiSales.AiAgent.Agent.Turns;

namespace AiSales.UnitTests.Agent.Attachments;

public sealed class AttachmentReplyTests
{
    private static readonly PendingMessage s_photo = new(1, null, Kind: "image");
    private static readonly PendingMessage s_text = new(2, "hello");
    private static readonly PendingMessage s_voice = new(3, null, Kind: "audio");

    [Fact]
    public void OnlyAPhotoWithTheHandoffSettingGoesToAPerson()
    {
        Assert.True(AttachmentReply.HandsOver("handoff", [s_text, s_photo]));
        Assert.False(AttachmentReply.HandsOver("ask", [s_photo]));
        Assert.False(AttachmentReply.HandsOver("handoff", [s_text, s_voice]));
    }

    [Fact]
    public void TheCustomerIsToldInTheirLanguage()
    {
        Assert.Contains("member of our team", AttachmentReply.HandedOver("en"));
        Assert.Contains("موظفينا", AttachmentReply.HandedOver("ar"));
        Assert.Contains("Which product", AttachmentReply.AskWhichProduct("en"));
    }
}
