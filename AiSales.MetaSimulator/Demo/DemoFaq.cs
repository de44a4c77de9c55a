namespace AiSales.MetaSimulator.Demo;

/// <summary>A faq entry in the merchant API's shape (serialised as <c>{"question", "answer"}</c>).</summary>
public sealed record DemoFaqEntry(string Question, string Answer);

/// <summary>
/// The demo shop's faq (PUT /api/merchant/ai-config), each subject once in Arabic and once in English, so the
/// assistant answers shop questions in either language: delivery fees and times, returns and exchanges, payment
/// (cash on delivery included), opening hours and location. The unit tests run the faq matcher over it
/// (tests/AiSales.UnitTests/Knowledge/DemoFaqTests.cs).
/// </summary>
public static class DemoFaq
{
    public static IReadOnlyList<DemoFaqEntry> Entries { get; } =
    [
        Entry("كم رسوم التوصيل وكم يوم ياخذ؟",
            "التوصيل داخل الرياض 25 ريال ويوصل خلال 1-2 يوم عمل، ولباقي مدن المملكة 35 ريال خلال 3-5 أيام عمل عن طريق سمسا. التوصيل مجاني للطلبات فوق 500 ريال."),
        Entry("How much is delivery and how long does it take?",
            "Delivery within Riyadh is 25 SAR and takes 1–2 working days; to other cities in Saudi Arabia it is 35 SAR and takes 3–5 working days (SMSA). Free delivery on orders over 500 SAR."),
        Entry("هل أقدر أرجع أو أستبدل المنتج؟",
            "نعم، الاسترجاع أو الاستبدال خلال 7 أيام من الاستلام بشرط أن يكون المنتج بحالته الأصلية مع الفاتورة. العبايات المعدّلة حسب المقاس لا تُسترجع. نرجع المبلغ خلال 5 أيام عمل، ورسوم التوصيل غير مستردة."),
        Entry("Can I return or exchange an item?",
            "Yes: returns and exchanges within 7 days of delivery, unused, in the original packaging, with the invoice. Abayas altered to your size cannot be returned. Refunds reach you within 5 working days; delivery fees are not refunded."),
        Entry("وش طرق الدفع؟ فيه دفع عند الاستلام؟",
            "نقبل مدى وفيزا وماستركارد وApple Pay، والتقسيط مع تابي. الدفع عند الاستلام (كاش أو شبكة) متاح داخل المملكة برسوم إضافية 10 ريال."),
        Entry("What payment methods do you accept? Is cash on delivery available?",
            "We accept mada, Visa, Mastercard and Apple Pay, and instalments with Tabby. Cash on delivery (cash or card at the door) is available in Saudi Arabia for an extra 10 SAR."),
        Entry("متى دوامكم؟",
            "المعرض مفتوح من السبت إلى الخميس من 10 صباحًا إلى 11 مساءً، والجمعة من 4 عصرًا إلى 11 مساءً. الطلبات عبر الواتساب والإنستقرام على مدار الساعة."),
        Entry("What are your opening hours?",
            "Our showroom is open Saturday to Thursday 10 am – 11 pm, and Friday 4 pm – 11 pm. Orders by WhatsApp and Instagram are taken around the clock."),
        Entry("وين موقعكم؟",
            "معرضنا في الرياض، حي النخيل، طريق الأمير محمد بن سعد، بجانب النخيل مول. الموقع على خرائط قوقل: https://maps.example.com/aisales-demo"),
        Entry("Where are you located?",
            "Our showroom is in Riyadh, Al Nakheel district, Prince Mohammed bin Saad Road, next to Nakheel Mall. Google Maps: https://maps.example.com/aisales-demo"),
    ];

    private static DemoFaqEntry Entry(string question, string answer) => new(question, answer);
}
