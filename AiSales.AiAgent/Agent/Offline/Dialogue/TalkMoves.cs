using System.Text.RegularExpressions;
using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;
using AiSales.Core.Knowledge;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>Moves that are talk rather than products: a person, the shop's faq, courtesy, greetings, help.</summary>
public static class TalkMoves
{
    // Leave-takings, "let me think about it" among them: a warm goodbye, not "you're welcome".
    private static readonly string[] s_goodbyes = ["bye", "goodbye", "see you", "مع السلامه", "باي", "في امان الله", "الله معك", "يعطيك العافيه",
        "get back to you", "think about it", "let me think", "let you know", "talk later", "talk to you later", "ttyl", "افكر", "بفكر",
        "سافكر", "برجعلك", "برجع لك", "ارجعلك", "ارجع لك", "بعدين", "ساعود اليك", "وارد عليك"];

    public static Step Handoff(OfflineTurn turn, TurnResults done, string reason) => done.Called(Tools.TransferToHuman)
        ? Step.Reply(turn.Say.Handoff(), turn.State with { Awaiting = Awaiting.Nothing })
        : Step.Call(Tools.TransferToHuman, new() { ["reason"] = reason });

    /// <summary>
    /// A shop question: the faq's best answer, or — what the faq does not say is never invented — a person. When the
    /// customer's words found nothing on the topic the reader recognised («ادفع كاش لما يوصلني» is about paying), the topic is
    /// asked for in the faq's usual words, and its entries come first; a question about a service beyond the five topics is
    /// not answered by an entry about one of them («تركبون اللاصقة في المحل؟» is not the shop's address); an answer that does
    /// not mention what the customer named ("do you ship to Kuwait?" against "delivery in Riyadh…") is no answer.
    /// </summary>
    public static Step Store(OfflineTurn turn, TurnResults done)
    {
        if (done.Of(Tools.StoreInfo) is not { } result)
        {
            return Step.Call(Tools.StoreInfo, new() { ["question"] = turn.CustomerText });
        }

        var topic = turn.Reading.Topic;
        var topicAsked = topic is { } named && !result.Answers().Any(a => About(a, named));
        if (topicAsked && done.Of(Tools.StoreInfo, 1) is null)
        {
            return Step.Call(Tools.StoreInfo, new() { ["question"] = TopicWords(topic!.Value) });
        }

        var answers = Answering(turn, result.Answers().Concat(topicAsked ? done.Of(Tools.StoreInfo, 1)!.Answers() : []));
        // «تسوون تغليف هدايا؟ ابي اهديها لبنت اختي»: the other sentences thin out the words the faq shares with the question itself.
        if (answers.Count == 0 && QuestionSentence(turn.CustomerText) is { } question)
        {
            if (done.Of(Tools.StoreInfo, topicAsked ? 2 : 1) is not { } asked)
            {
                return Step.Call(Tools.StoreInfo, new() { ["question"] = question });
            }

            answers = Answering(turn, asked.Answers());
        }

        if (answers.Count > 0)
        {
            // The merchant may write each entry in both languages: the one in the customer's wins among those on the topic; then an
            // entry about when (days, hours) for a question about when and one about the rest otherwise; an
            // entry that names the place asked about before one that covers it as "anywhere in the country"; an entry about the topic alone before one that only mentions it («المحل فين؟» answers where, «مواعيد المحل» when).
            // Only delivery has entries about when and about the rest (fees); hours are all about when.
            var when = FaqAspects.AboutWhen(turn.CustomerText);
            var best = answers.OrderByDescending(a => topic is { } t && About(a, t))
                .ThenByDescending(a => topic != StoreTopic.Delivery || FaqAspects.AboutWhen(a.Question + " " + a.Answer) == when)
                .ThenByDescending(a => Places.Names(a.Question + " " + a.Answer, turn.CustomerText))
                .ThenByDescending(a => TextFolding.IsArabicScript(a.Answer) == turn.Arabic)
                .ThenBy(a => Enum.GetValues<StoreTopic>().Count(t => t != topic && About(a, t)))
                .First();
            return Step.Reply(best.Answer, turn.State with { Awaiting = Awaiting.Nothing });
        }

        return done.Called(Tools.TransferToHuman)
            ? Step.Reply(turn.Say.StoreUnknown(), turn.State with { Awaiting = Awaiting.Nothing })
            : Step.Call(Tools.TransferToHuman, new() { ["reason"] = "A shop question the faq does not answer" });
    }

    // The entries that answer the turn's question: for the places it names, the ways to pay and services it names, and, for a question
    // about a service beyond the five topics, not an entry about one of them.
    private static List<FaqAnswer> Answering(OfflineTurn turn, IEnumerable<FaqAnswer> answers) => answers
        .Where(a => Covers(a, turn.CustomerText) && FaqAspects.Covers(a.Question + " " + a.Answer, turn.CustomerText)
            && (turn.Reading.Topic is not null || !Enum.GetValues<StoreTopic>().Any(t => About(a, t))))
        .ToList();

    // The one sentence of several that asks (ends in a question mark), or null when the message is that sentence or asks in several.
    private static string? QuestionSentence(string text)
    {
        var sentences = Regex.Split(text, @"(?<=[?؟.!])|\n").Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        var questions = sentences.Where(s => s.EndsWith('?') || s.EndsWith('؟')).ToList();
        return sentences.Count > 1 && questions.Count == 1 ? questions[0] : null;
    }

    /// <summary>
    /// A product question whose search found nothing may be the shop's own ("do you have a size chart?", «عندكم جدول مقاسات؟»): the faq's
    /// answer when one covers it, else null (the caller says it found nothing). Calls <c>store_info</c> first.
    /// </summary>
    public static Step? FaqInstead(OfflineTurn turn, TurnResults done)
    {
        if (done.Of(Tools.StoreInfo) is not { } result)
        {
            return Step.Call(Tools.StoreInfo, new() { ["question"] = turn.CustomerText });
        }

        var best = result.Answers().Where(a => Covers(a, turn.CustomerText))
            .OrderByDescending(a => TextFolding.IsArabicScript(a.Answer) == turn.Arabic)
            .FirstOrDefault();
        if (best is null && Places.Named(turn.CustomerText).Any())
        {
            // «وداخل بغداد بيش؟» after the delivery fees: what a place costs is its delivery, when a delivery entry names the place.
            if (done.Of(Tools.StoreInfo, 1) is not { } delivery)
            {
                return Step.Call(Tools.StoreInfo, new() { ["question"] = TopicWords(StoreTopic.Delivery) });
            }

            best = delivery.Answers().Where(a => About(a, StoreTopic.Delivery) && Places.Names(a.Question + " " + a.Answer, turn.CustomerText))
                .OrderByDescending(a => FaqAspects.AboutWhen(a.Question + " " + a.Answer) == FaqAspects.AboutWhen(turn.CustomerText))
                .ThenByDescending(a => TextFolding.IsArabicScript(a.Answer) == turn.Arabic)
                .FirstOrDefault();
        }

        return best is null ? null : Step.Reply(best.Answer, turn.State with { Awaiting = Awaiting.Nothing });
    }

    /// <summary>True when the entry answers the topic asked in the faq's usual words (its question names the topic).</summary>
    private static bool About(FaqAnswer answer, StoreTopic topic) =>
        FaqMatcher.Answers([new FaqEntry(answer.Question, answer.Answer)], TopicWords(topic)).Count > 0;

    private static string TopicWords(StoreTopic topic) => topic switch
    {
        StoreTopic.Delivery => "التوصيل الشحن delivery shipping",
        StoreTopic.Returns => "الاسترجاع الاستبدال returns exchange",
        StoreTopic.Payment => "طرق الدفع payment",
        StoreTopic.Hours => "اوقات الدوام opening hours",
        _ => "موقع المحل location address",
    };

    private static bool Covers(FaqAnswer answer, string customerText) => Places.Covered(answer.Question + " " + answer.Answer, customerText);

    /// <summary>Thanks, ok, 👍, goodbye: a short courteous answer, never a search, never a question asked again.</summary>
    public static Step Courtesy(OfflineTurn turn)
    {
        var folded = $" {TextFolding.Fold(turn.CustomerText)} ";
        var goodbye = s_goodbyes.Any(g => folded.Contains($" {g} ", StringComparison.Ordinal));
        return Step.Reply(turn.Say.Courtesy(goodbye), turn.State);
    }

    /// <summary>The merchant's greeting when it is written in the customer's language, else the built-in one.</summary>
    public static Step Greeting(OfflineTurn turn)
    {
        var own = turn.Greeting;
        var fits = !string.IsNullOrWhiteSpace(own) && TextFolding.IsArabicScript(own) == turn.Arabic;
        return Step.Reply(fits ? own!.Trim() : turn.Say.Greeting(turn.AssistantName), turn.State);
    }

    public static Step Help(OfflineTurn turn) => Step.Reply(turn.Say.Help(), turn.State with { Awaiting = Awaiting.Nothing });
}
