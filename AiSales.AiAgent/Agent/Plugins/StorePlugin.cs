using System.ComponentModel;
using AiSales.Core.Knowledge;
using Microsoft.SemanticKernel;

namespace AiSales.AiAgent.Agent.Plugins;

/// <summary>One entry of the merchant's faq that answers the customer's question, best first.</summary>
public sealed record FaqAnswer(string Question, string Answer, double Score);

/// <summary>The shop's own knowledge (the merchant's faq): delivery, returns, payment, hours, location.</summary>
public sealed class StorePlugin
{
    [KernelFunction("store_info")]
    [Description("Looks up the shop's own answers (delivery fees and times, returns and exchanges, payment and cash on delivery, opening hours, location). Returns the matching entries of the merchant's faq, best first, or an empty list when the faq does not say: then never invent an answer.")]
    public async Task<IReadOnlyList<FaqAnswer>> StoreInfoAsync(
        Kernel kernel,
        [Description("The customer's question about the shop, in their words")] string question,
        CancellationToken cancellationToken = default)
    {
        var turn = AgentTurn.Of(kernel);
        await using var command = turn.Command("SELECT faq::text FROM merchants WHERE id = $1", turn.MerchantId);
        var faq = FaqJson.Deserialize(await command.ExecuteScalarAsync(cancellationToken) as string);
        var answers = FaqMatcher.Answers(faq, question, 3)
            .Select(m => new FaqAnswer(m.Entry.Question, m.Entry.Answer, Math.Round(m.Score, 3)))
            .ToList();
        if (answers.Count > 0)
        {
            turn.Helped = true;
        }

        return answers;
    }
}
