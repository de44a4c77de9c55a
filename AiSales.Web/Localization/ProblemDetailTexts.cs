using System.Text.RegularExpressions;

namespace AiSales.Web.Localization;

/// <summary>
/// The merchant API's problem details that a console page can show (a locked account, a duplicate sku, the last key,
/// a channel Meta refused, a short stock…), in Arabic on an Arabic page. Fixed ones are looked up; ones that carry
/// values (a count, a sku, a product's name, Meta's own message) are matched and their values kept. A detail not
/// listed here is shown as the API wrote it.
/// </summary>
public sealed partial class Texts
{
    private static readonly Dictionary<string, string> DetailArabic = new()
    {
        ["This is the merchant's last active API key; create another key before revoking it."] = "هذا آخر مفتاح فعّال للمتجر؛ أنشئ مفتاحاً آخر قبل إلغائه.",
        ["This is the shop's last owner; invite another owner first."] = "هذا آخر مالك للمتجر؛ ادعُ مالكاً آخر أولاً.",
        ["Only the shop's owners can invite or remove people."] = "لا يدعو الأشخاص أو يزيلهم إلا مالكو المتجر.",
        ["The session has expired or was ended; sign in again."] = "انتهت الجلسة؛ سجّل الدخول مرة أخرى.",
        ["This person no longer exists."] = "هذا الشخص لم يعد موجوداً.",
        ["The customer has not written yet, so Meta does not allow a reply."] = "لم يكتب العميل بعد، فلا تسمح Meta بالرد.",
        ["WhatsApp's 24-hour window since the customer's last message is closed; a template message is needed."] =
            "انتهت نافذة واتساب (24 ساعة من آخر رسالة للعميل)؛ يلزم إرسال قالب.",
        ["Instagram's 7-day human agent window since the customer's last message is closed."] =
            "انتهت نافذة إنستغرام للموظفين (7 أيام من آخر رسالة للعميل).",
        ["The file is still being fetched from Meta; try again shortly."] = "ما زال الملف يُجلب من Meta؛ حاول بعد قليل.",
        ["The database cannot be reached right now. Try again in a few seconds."] = "تعذّر الوصول إلى قاعدة البيانات الآن. حاول بعد ثوانٍ.",
    };

    private static readonly (Regex English, Func<Match, string> Arabic)[] DetailPatterns =
    [
        (new(@"^After (\d+) failed sign-ins this account is locked for (\d+) minutes; try again later\.$"),
            m => $"بعد {m.Groups[1].Value} محاولات دخول فاشلة يُقفل الحساب {m.Groups[2].Value} دقيقة؛ حاول لاحقاً."),
        (new(@"^No (order|conversation|product|user|media|API key|trial) with id (\S+) exists for this merchant\.$"),
            m => $"لا يوجد {Thing(m.Groups[1].Value)} بالمعرّف {m.Groups[2].Value} لدى هذا المتجر."),
        // A channel's status reason, as the agent's sender words a token Meta rejected (its message kept).
        (new(@"^Graph API error 190: (.+)$"), m => $"رفضت Meta رمز الوصول (الخطأ 190): {m.Groups[1].Value} أعد الربط برمز جديد."),
        (new(@"^A product with sku '(.+)' already exists\.$"), m => $"يوجد منتج بالرمز {m.Groups[1].Value} مسبقاً."),
        (new(@"^Another product already has sku '(.+)'\.$"), m => $"منتج آخر يحمل الرمز {m.Groups[1].Value}."),
        (new(@"^This (whatsapp|instagram) account id is already connected to another merchant\.$"),
            m => $"معرّف حساب {Platform(m.Groups[1].Value)} هذا مربوط بمتجر آخر."),
        (new(@"^The token does not own this (whatsapp|instagram) account id\. Nothing was stored\.$"),
            m => $"الرمز لا يملك معرّف حساب {Platform(m.Groups[1].Value)} هذا. لم يُحفظ شيء."),
        (new(@"^Meta rejected the token(?:: (.+?))?(?: \(HTTP (\d+)\))?\. Nothing was stored\.$"),
            m => "رفضت Meta الرمز" + (m.Groups[1].Success ? $": {m.Groups[1].Value}" : "") + ". لم يُحفظ شيء."),
        (new(@"^The Graph API answered HTTP (\d+); try again shortly\. Nothing was stored\.$"),
            m => $"أجابت واجهة Meta بالرمز HTTP {m.Groups[1].Value}؛ حاول بعد قليل. لم يُحفظ شيء."),
        (new(@"^The Graph API did not answer; try again shortly\. Nothing was stored\.$"), _ => "لم تستجب واجهة Meta؛ حاول بعد قليل. لم يُحفظ شيء."),
        (new(@"^A merchant holds at most (\d+) active API keys; revoke one before creating another\.$"),
            m => $"للمتجر {m.Groups[1].Value} مفتاحاً فعّالاً على الأكثر؛ ألغِ واحداً قبل إنشاء غيره."),
        (new(@"^An order cannot move from (\w+) to (\w+)\. "), m => $"لا يمكن نقل الطلب من «{OrderStatus(m.Groups[1].Value)}» إلى «{OrderStatus(m.Groups[2].Value)}»."),
        (new(@"^The order cannot be confirmed: (.+)$"), m => "لا يمكن تأكيد الطلب: " + Shortages(m.Groups[1].Value)),
        (new(@"^(?:A signed-in person|This API key) is limited to (\d+) requests per (\d+) s; retry after (\d+) s\.$"),
            m => $"الحد {m.Groups[1].Value} طلباً كل {m.Groups[2].Value} ثانية؛ أعد المحاولة بعد {m.Groups[3].Value} ثانية."),
        (new(@"^No (whatsapp|instagram) channel is connected; connect it with PUT /api/merchant/channels/\w+\.$"),
            m => $"لا توجد قناة {Platform(m.Groups[1].Value)} متصلة؛ اربطها من صفحة القنوات."),
        (new(@"^The (whatsapp|instagram) channel is disconnected \(its token was rejected\); reconnect it with PUT /api/merchant/channels/\w+\.$"),
            m => $"قناة {Platform(m.Groups[1].Value)} مفصولة (رُفض رمزها)؛ أعد ربطها من صفحة القنوات."),
        (new(@"^An import is limited to (\d+) (rows|MiB); split the file\.$"),
            m => $"حد الاستيراد {m.Groups[1].Value} {(m.Groups[2].Value == "rows" ? "صف" : "ميغابايت")}؛ قسّم الملف."),
    ];

    // "BAG-1 (Black bag) is out of stock; …" / "Only 2 of Black bag (BAG-1) left; …", one sentence per short product.
    private static readonly Regex Shortage = new(
        @"(?:Only (?<left>\d+) of )?(?<product>\S.*?) \((?<sku>[^()]+)\) (?:left|is out of stock); the order asks for (?<asked>\d+)\.");

    /// <summary>One of the API's problem details, in Arabic on an Arabic page when it is a known one.</summary>
    public string Detail(string detail)
    {
        if (!IsArabic)
        {
            return detail;
        }

        if (DetailArabic.TryGetValue(detail, out var arabic) || ProblemArabic.TryGetValue(detail, out arabic))
        {
            return arabic;
        }

        return Said(DetailPatterns, detail) ?? detail;
    }

    /// <summary>The Arabic of the first pattern <paramref name="english"/> matches, its values kept; null when none does.</summary>
    private static string? Said((Regex English, Func<Match, string> Arabic)[] patterns, string english)
    {
        foreach (var (pattern, toArabic) in patterns)
        {
            if (pattern.Match(english) is { Success: true } match)
            {
                return toArabic(match);
            }
        }

        return null;
    }

    private static string Shortages(string sentences)
    {
        var matches = Shortage.Matches(sentences);
        return matches.Count == 0
            ? sentences
            : string.Join(" ", matches.Select(m => m.Groups["left"].Success
                ? $"بقي {m.Groups["left"].Value} فقط من {m.Groups["product"].Value} ({m.Groups["sku"].Value})، والطلب يريد {m.Groups["asked"].Value}."
                : $"نفد {m.Groups["product"].Value} ({m.Groups["sku"].Value})، والطلب يريد {m.Groups["asked"].Value}."));
    }

    private static string Platform(string platform) => platform == "whatsapp" ? "واتساب" : "إنستغرام";

    // The statuses' Arabic names, as the orders page shows them.
    private static string OrderStatus(string status) => Arabic.TryGetValue(status, out var arabic) ? arabic : status;

    private static string Thing(string what) => what switch
    {
        "order" => "طلب",
        "conversation" => "محادثة",
        "product" => "منتج",
        "user" => "شخص",
        "media" => "ملف",
        "API key" => "مفتاح",
        _ => "عنصر",
    };
}
