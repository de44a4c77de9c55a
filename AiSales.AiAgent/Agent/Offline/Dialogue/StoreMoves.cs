using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Plugins;
using AiSales.Core.Knowledge;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>Questions about the shop itself, answered from the merchant's faq (<c>store_info</c>) or, where it says nothing, by a person.</summary>
public static class StoreMoves
{
    /// <summary>
    /// A shop question: the faq's best answer, or — what the faq does not say is never invented — a person. When the
    /// customer's words found nothing on the topic the reader recognised («ادفع كاش لما يوصلني» is about paying), the topic is
    /// asked for in the faq's usual words, and its entries come first; a question about a service beyond the five topics is
    /// not answered by an entry about one of them («تركبون اللاصقة في المحل؟» is not the shop's address); an answer that does
    /// not mention what the customer named ("do you ship to Kuwait?" against "delivery in Riyadh…") is no answer. Several
    /// questions in one message («وين محلكم؟ ويوم الجمعة متى تفتحون؟») are each answered; one the faq does not answer still goes to a person.
    /// </summary>
    public static Step Store(OfflineTurn turn, TurnResults done)
    {
        var questions = FaqQuestions.Of(turn);
        var next = 0;
        var answers = new List<string>();
        var unknown = false;
        foreach (var question in questions)
        {
            var (call, answer) = Answer(turn, done, question, ref next);
            if (call is not null)
            {
                return call;
            }

            unknown |= answer is null;
            if (answer is not null && !answers.Contains(answer))
            {
                answers.Add(answer);
            }
        }

        var state = turn.State with { Awaiting = Awaiting.Nothing };
        if (!unknown)
        {
            return Step.Reply(string.Join("\n", answers), state);
        }

        return done.Called(Tools.TransferToHuman)
            ? Step.Reply(string.Join("\n", answers.Append(turn.Say.StoreUnknown())), state)
            : Step.Call(Tools.TransferToHuman, new() { ["reason"] = "A shop question the faq does not answer" });
    }

    // One question's answer, reading the store_info results from the nth call on (a call still to make is returned instead).
    private static (Step? Call, string? Answer) Answer(OfflineTurn turn, TurnResults done, FaqQuestion question, ref int next)
    {
        if (done.Of(Tools.StoreInfo, next++) is not { } result)
        {
            return (Step.Call(Tools.StoreInfo, new() { ["question"] = question.Text }), null);
        }

        var topic = question.Topic;
        var found = result.Answers().ToList();
        if (topic is { } named && !found.Any(a => About(a, named)))
        {
            if (done.Of(Tools.StoreInfo, next++) is not { } onTopic)
            {
                return (Step.Call(Tools.StoreInfo, new() { ["question"] = TopicWords(named) }), null);
            }

            found.AddRange(onTopic.Answers());
        }

        var answers = Answering(question, found);
        // «تسوون تغليف هدايا؟ ابي اهديها لبنت اختي»: the other sentences thin out the words the faq shares with the question itself.
        if (answers.Count == 0 && FaqQuestions.QuestionSentence(question.Text) is { } sentence)
        {
            if (done.Of(Tools.StoreInfo, next++) is not { } asked)
            {
                return (Step.Call(Tools.StoreInfo, new() { ["question"] = sentence }), null);
            }

            answers = Answering(question with { Text = sentence }, asked.Answers());
        }

        // The merchant may write each entry in both languages: the one in the customer's wins among those on the topic; then an entry
        // about when (days, hours) for a question about when and one about the rest otherwise; an entry that names the place asked about
        // before one that covers it as "anywhere in the country"; an entry about the topic alone before one that only mentions it
        // («المحل فين؟» answers where, «مواعيد المحل» when). Only delivery has entries about when and about the rest (fees).
        var when = FaqAspects.AboutWhen(question.Text);
        return (null, answers.OrderByDescending(a => topic is { } t && About(a, t))
            .ThenByDescending(a => topic != StoreTopic.Delivery || FaqAspects.AboutWhen(a.Question + " " + a.Answer) == when)
            .ThenByDescending(a => Places.Names(a.Question + " " + a.Answer, question.Text))
            .ThenByDescending(a => TextFolding.IsArabicScript(a.Answer) == turn.Arabic)
            .ThenBy(a => Enum.GetValues<StoreTopic>().Count(t => t != topic && About(a, t)))
            .FirstOrDefault()?.Answer);
    }

    // The entries that answer the question: for the places it names, the ways to pay and services it names, and, for a question about a
    // service beyond the five topics, not an entry about one of them.
    private static List<FaqAnswer> Answering(FaqQuestion question, IEnumerable<FaqAnswer> answers) => answers
        .Where(a => Covers(a, question.Text) && FaqAspects.Covers(a.Question + " " + a.Answer, question.Text)
            && (question.Topic is not null || !Enum.GetValues<StoreTopic>().Any(t => About(a, t)) || FaqAspects.NamesService(a.Question + " " + a.Answer, question.Text)))
        .ToList();

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
}
