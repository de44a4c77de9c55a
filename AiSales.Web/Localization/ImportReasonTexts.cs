using System.Text.RegularExpressions;

namespace AiSales.Web.Localization;

/// <summary>
/// Why the API rejected a row of a catalogue import, in Arabic on an Arabic page. The API writes one sentence per
/// broken field, each starting with the field's name ("name is required. price 'abc' is not a number (…). stock must
/// be zero or more."); each is said in Arabic with the values kept (each field's message through <see cref="Field"/>, which knows these patterns too).
/// A reason not made of such sentences is shown as the API wrote it.
/// </summary>
public sealed partial class Texts
{
    private static readonly Dictionary<string, string> ImportFieldArabic = new()
    {
        ["sku"] = "الرمز (SKU)",
        ["name"] = "الاسم",
        ["description"] = "الوصف",
        ["price"] = "السعر",
        ["currency"] = "العملة",
        ["stock"] = "المخزون",
        ["active"] = "التفعيل",
    };

    // A sentence: a field's name, then its message up to a full stop before the next field's name (or the end).
    private static readonly Regex ImportSentence = new(
        @"(?<field>sku|name|description|price|currency|stock|active) (?<message>.+?\.)(?= (?:sku|name|description|price|currency|stock|active) |$)");

    private static readonly (Regex English, Func<Match, string> Arabic)[] ImportMessagePatterns =
    [
        (new(@"^'(.*)' is not a number \(use a dot for decimals, e\.g\. 149\.500\)\.$"), m => $"«{m.Groups[1].Value}» ليس رقماً (استخدم النقطة للكسور، مثل 149.500)."),
        (new(@"^'(.*)' is not a whole number\.$"), m => $"«{m.Groups[1].Value}» ليس عدداً صحيحاً."),
        (new(@"^'(.*)' must be true or false\.$"), m => $"«{m.Groups[1].Value}» يجب أن يكون true أو false."),
        (new(@"^'(.*)' is not an ISO 4217 currency code\.$"), m => $"«{m.Groups[1].Value}» ليس رمز عملة ISO 4217."),
        (new(@"^is required \(an ISO 4217 code such as SAR, AED or USD\)\.$"), _ => "مطلوب (رمز ISO 4217 مثل SAR أو AED أو USD)."),
        (new(@"^'(.*)' already appears in row (\d+) of this import\.$"), m => $"«{m.Groups[1].Value}» موجود في الصف {m.Groups[2].Value} من هذا الملف."),
    ];

    /// <summary>A rejected import row's reason, in Arabic on an Arabic page when every sentence of it is a known one.</summary>
    public string ImportReason(string reason)
    {
        if (!IsArabic)
        {
            return reason;
        }

        var sentences = ImportSentence.Matches(reason);
        if (sentences.Count == 0 || sentences.Sum(s => s.Length) + sentences.Count - 1 != reason.Length)
        {
            return reason;
        }

        var arabic = new List<string>();
        foreach (Match sentence in sentences)
        {
            var message = sentence.Groups["message"].Value;
            var said = Field(message);
            if (said == message)
            {
                return reason;
            }

            arabic.Add($"{ImportFieldArabic[sentence.Groups["field"].Value]}: {said}");
        }

        return string.Join(" ", arabic);
    }
}
