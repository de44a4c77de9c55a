using System.Text.RegularExpressions;
using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.AiAgent.Agent.Offline.Dialogue;

/// <summary>One question for the faq: its words and the topic the reader heard in them (none for a service beyond the five topics).</summary>
public sealed record FaqQuestion(string Text, StoreTopic? Topic);

/// <summary>The questions a message asks the faq, and the sentence of a message that asks.</summary>
public static partial class FaqQuestions
{
    /// <summary>
    /// The message as one question; or, when it asks two or more shop questions in sentences of their own («وين محلكم؟ ويوم الجمعة متى
    /// تفتحون؟», "how much is delivery? and how long does it take?"), each of them.
    /// </summary>
    public static IReadOnlyList<FaqQuestion> Of(OfflineTurn turn)
    {
        var questions = Sentences(turn.CustomerText).Where(Asks).ToList();
        var hints = new ReadingHints(Awaiting.Nothing, 0, []);
        var readings = questions.Select(q => MessageReader.Read(q, hints)).ToList();
        return questions.Count >= 2 && readings.All(r => r.Has(Act.StoreQuestion))
            ? questions.Select((q, i) => new FaqQuestion(q, readings[i].Topic)).ToList()
            : [new FaqQuestion(turn.CustomerText, turn.Reading.Topic)];
    }

    /// <summary>The one sentence of several that asks (ends in a question mark), or null when the message is that sentence or asks in several.</summary>
    public static string? QuestionSentence(string text)
    {
        var sentences = Sentences(text);
        var questions = sentences.Where(Asks).ToList();
        return sentences.Count > 1 && questions.Count == 1 ? questions[0] : null;
    }

    private static bool Asks(string sentence) => sentence.EndsWith('?') || sentence.EndsWith('؟');

    private static List<string> Sentences(string text) =>
        SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    // After a question mark, a full stop or an exclamation mark that ends a sentence (not the point of 1.500), or at a line break.
    [GeneratedRegex(@"(?<=[?؟!]|\.(?!\d))|\n")]
    private static partial Regex SentenceEnd();
}
