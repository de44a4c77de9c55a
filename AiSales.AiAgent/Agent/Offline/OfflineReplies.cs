using System.Text;
using System.Text.Json;

namespace AiSales.AiAgent.Agent.Offline;

/// <summary>The offline agent's sentences, in the reply language, filled only with values from tool results.</summary>
public sealed class OfflineReplies(OfflineContext context)
{
    private bool Ar => context.Arabic;

    public string Greeting() => !string.IsNullOrWhiteSpace(context.Greeting)
        ? context.Greeting!
        : Ar ? $"أهلًا وسهلًا! أنا {context.AssistantName}. كيف أقدر أساعدك اليوم؟"
             : $"Hello! I'm {context.AssistantName}. How can I help you today?";

    public string NotFound() => Ar
        ? "عذرًا، ما لقيت هذا المنتج في الكتالوج. ممكن توضح اسم المنتج؟"
        : "Sorry, I couldn't find that in our catalogue. Could you tell me the product name?";

    public string WhichProduct() => Ar ? "أكيد! أي منتج تبغى؟" : "Of course! Which product would you like?";

    public string Handoff() => Ar
        ? "أكيد، حوّلت محادثتك لأحد موظفينا، وراح يرد عليك شخص قريبًا."
        : "Of course — I've passed you to a member of our team. A person will reply here shortly.";

    public string Ask(string missing) => (missing, Ar) switch
    {
        ("customer_name", true) => "ممكن اسمك الكامل؟",
        ("customer_name", false) => "May I have your full name?",
        ("shipping_address", true) => "ما هو عنوان التوصيل؟",
        ("shipping_address", false) => "What is the delivery address?",
        ("phone", true) => "ما رقم جوالك للتواصل؟",
        ("phone", false) => "What phone number can we reach you on?",
        (_, true) => "أي منتج تبغى تطلب؟",
        _ => "Which product would you like to order?",
    };

    public string Listing(IEnumerable<JsonElement> products)
    {
        var text = new StringBuilder(Ar ? "هذا ما وجدته:" : "Here is what I found:");
        foreach (var p in products.Take(3))
        {
            var inStock = OfflinePlanner.Prop(p, "InStock") is { ValueKind: JsonValueKind.True };
            text.Append('\n').Append("• ").Append(OfflinePlanner.Str(p, "Name")).Append(" — ")
                .Append(OfflinePlanner.Money(OfflinePlanner.Dec(p, "Price"))).Append(' ').Append(OfflinePlanner.Str(p, "Currency"))
                .Append(inStock ? (Ar ? " (متوفر)" : " (in stock)") : (Ar ? " (غير متوفر حاليًا)" : " (out of stock)"));
        }

        text.Append('\n').Append(Ar ? "تحب تطلب؟" : "Would you like to order?");
        return text.ToString();
    }

    public string OrderProgress(JsonElement order, bool added)
    {
        var text = new StringBuilder();
        if (OfflinePlanner.Str(order, "Problem") is { } problem)
        {
            text.Append(Ar ? (problem.Contains("stock", StringComparison.Ordinal) ? "عذرًا، الكمية المطلوبة غير متوفرة." : "عذرًا، ما قدرت أعدّل الطلب.") : problem).Append(' ');
        }

        var items = OfflinePlanner.Prop(order, "Items") is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray().ToList() : [];
        var currency = OfflinePlanner.Str(order, "Currency") ?? "";
        var total = OfflinePlanner.Money(OfflinePlanner.Dec(order, "Total"));
        if (added && items.Count > 0 && OfflinePlanner.Str(order, "Problem") is null)
        {
            text.Append(Ar ? "تمت الإضافة إلى طلبك: " : "Added to your order: ").Append(Lines(items, currency))
                .Append(Ar ? $". الإجمالي: {total} {currency}. " : $". Total: {total} {currency}. ");
        }

        var missing = OfflinePlanner.Str(order, "Missing");
        if (missing is null && items.Count > 0)
        {
            text.Append(Ar ? "طلبك: " : "Your order: ").Append(Lines(items, currency))
                .Append(Ar ? $". الإجمالي: {total} {currency}. الاسم: {OfflinePlanner.Str(order, "CustomerName")}. العنوان: {OfflinePlanner.Str(order, "ShippingAddress")}. هل أؤكد الطلب؟"
                           : $". Total: {total} {currency}. Name: {OfflinePlanner.Str(order, "CustomerName")}. Address: {OfflinePlanner.Str(order, "ShippingAddress")}. Shall I confirm it? (yes/no)");
        }
        else
        {
            text.Append(Ask(missing ?? "items"));
        }

        return text.ToString().Trim();
    }

    public string Confirmed(JsonElement order)
    {
        if (OfflinePlanner.Str(order, "Problem") is { } problem)
        {
            return OrderProgress(order, added: false) is var progress && Ar ? progress : $"{problem} {OrderProgress(order, added: false)}";
        }

        var number = OfflinePlanner.Str(order, "Number");
        var total = OfflinePlanner.Money(OfflinePlanner.Dec(order, "Total"));
        var currency = OfflinePlanner.Str(order, "Currency");
        return Ar
            ? $"تم تأكيد طلبك رقم {number}. الإجمالي: {total} {currency}. شكرًا لك!"
            : $"Your order #{number} is confirmed. Total: {total} {currency}. Thank you!";
    }

    private string Lines(IEnumerable<JsonElement> items, string currency) => string.Join(Ar ? "، " : ", ", items.Select(i =>
        $"{OfflinePlanner.Str(i, "Quantity")} × {OfflinePlanner.Str(i, "Name")} ({OfflinePlanner.Money(OfflinePlanner.Dec(i, "UnitPrice"))} {currency})"));
}
