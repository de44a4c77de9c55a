using AiSales.AiAgent.Agent.Offline.Understanding;
using AiSales.AiAgent.Agent.Turns;

namespace AiSales.AiAgent.Agent.Carts;

/// <summary>
/// The reply language of a turn with a cart. A cart usually comes without a word: then the merchant's setting, else the
/// customer's text (the cart's note, earlier messages), else the script of the products they put in it.
/// </summary>
public static class CartLanguage
{
    public static string Of(string turnLanguage, string merchantLanguage, IReadOnlyList<string> texts, IReadOnlyList<HistoryMessage> history, CartResult cart)
    {
        if (merchantLanguage is "ar" or "en")
        {
            return merchantLanguage;
        }

        var said = texts.Concat(history.Where(h => h.FromCustomer).Select(h => h.Text));
        if (said.Any(t => TextFolding.IsArabicScript(t) || t.Any(char.IsAsciiLetter)))
        {
            return TurnPolicy.ReplyLanguage(merchantLanguage, texts, history);
        }

        var name = cart.Lines.Select(l => l.Added?.Name ?? l.ProductName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
        return name is null ? turnLanguage : TextFolding.IsArabicScript(name) ? "ar" : "en";
    }
}
