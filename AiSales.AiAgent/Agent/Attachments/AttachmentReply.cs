using AiSales.AiAgent.Agent.Turns;

namespace AiSales.AiAgent.Agent.Attachments;

/// <summary>
/// A customer's photo, voice note, sticker or file, which the offline agent cannot see (docs/media.md). By the merchant's
/// <c>imageReply</c> setting a photo either gets the usual answer (a caption is read; without one the assistant asks which
/// product is meant) or goes to a person, who can look at it. Pure: the turn decides, the committer hands over.
/// </summary>
public static class AttachmentReply
{
    public const string Ask = "ask";
    public const string Handoff = "handoff";

    public const string HandoffReason = "The customer sent a photo; the merchant's image setting hands photos to a person";

    /// <summary>True when the merchant hands photos over and one of the messages to answer is a photo (captioned or not).</summary>
    public static bool HandsOver(string imageReply, IReadOnlyList<PendingMessage> answered) =>
        imageReply == Handoff && answered.Any(m => m.Kind == "image");

    /// <summary>The customer's message was only a file: which product do they mean?</summary>
    public static string AskWhichProduct(string language) => language == "ar"
        ? "شكرًا، وصلني المرفق لكن لا يمكنني عرضه. ما المنتج المقصود؟ يكفي اسمه أو وصفه، وسأتحقق لك من السعر والتوفر."
        : "Thanks, I got your attachment but I can't view it. Which product do you mean? Write its name or describe it and I'll check the price and availability.";

    /// <summary>The photo went to a person.</summary>
    public static string HandedOver(string language) => language == "ar"
        ? "شكرًا على الصورة! حوّلتها إلى أحد موظفينا، وسيرد عليك شخص من الفريق هنا قريبًا."
        : "Thanks for the photo! I've passed it to a member of our team, who will reply here shortly.";
}
