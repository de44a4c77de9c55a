namespace AiSales.MetaSimulator.Demo;

/// <summary>A demo product, in the merchant API's import shape.</summary>
public sealed record DemoProduct(string Sku, string Name, string Description, decimal Price, string Currency, int Stock);

/// <summary>The demo shop's catalogue: names and descriptions in Arabic and English, prices in SAR.</summary>
public static class DemoCatalogue
{
    public static IReadOnlyList<DemoProduct> Products { get; } =
    [
        new("ABY-BLK-01", "عباية سوداء كلاسيكية | Classic Black Abaya", "عباية كريب سوداء بأكمام واسعة، مقاسات 52-60. Black crepe abaya with wide sleeves.", 249m, "SAR", 25),
        new("ABY-BLK-02", "عباية سوداء مطرزة | Embroidered Black Abaya", "عباية سوداء بتطريز ذهبي على الأكمام. Black abaya with gold sleeve embroidery.", 389m, "SAR", 12),
        new("ABY-BEI-01", "عباية بيج كتان | Beige Linen Abaya", "عباية كتان خفيفة للصيف. Light linen abaya for summer.", 279m, "SAR", 18),
        new("ABY-NVY-01", "عباية كحلية عملية | Navy Everyday Abaya", "عباية يومية كحلية بجيوب. Everyday navy abaya with pockets.", 199m, "SAR", 30),
        new("HJB-CHF-01", "طرحة شيفون سوداء | Black Chiffon Hijab", "طرحة شيفون ناعمة 180×70 سم. Soft chiffon hijab 180×70 cm.", 45m, "SAR", 80),
        new("HJB-JRS-01", "طرحة جيرسيه رمادية | Grey Jersey Hijab", "طرحة قطنية مريحة لا تنزلق. Comfortable non-slip cotton jersey hijab.", 39m, "SAR", 60),
        new("BAG-BLK-01", "حقيبة يد جلد سوداء | Black Leather Handbag", "حقيبة جلد طبيعي سوداء بسحاب ذهبي. Genuine black leather handbag, gold zip.", 420m, "SAR", 9),
        new("BAG-RED-01", "حقيبة كتف حمراء | Red Shoulder Bag", "حقيبة كتف حمراء أنيقة بسلسلة. Elegant red shoulder bag with chain strap.", 310m, "SAR", 7),
        new("BAG-BRN-01", "حقيبة ظهر بنية | Brown Backpack", "حقيبة ظهر جلد بني تتسع للابتوب 14 إنش. Brown leather backpack, fits a 14\" laptop.", 365m, "SAR", 11),
        new("BAG-TOT-01", "حقيبة تسوق قماشية | Canvas Tote Bag", "حقيبة قماش قوية للاستخدام اليومي. Sturdy canvas tote for every day.", 85m, "SAR", 40),
        new("SHO-RUN-01", "حذاء جري خفيف | Lightweight Running Shoes", "حذاء رياضي للجري بنعل مرن، مقاسات 38-46. Running shoes with a flexible sole, sizes 38-46.", 299m, "SAR", 22),
        new("SHO-RUN-02", "حذاء جري للمسافات الطويلة | Long-Distance Running Shoes", "حذاء جري بتوسيد إضافي. Running shoes with extra cushioning for long runs.", 459m, "SAR", 14),
        new("SHO-WLK-01", "حذاء مشي مريح | Comfort Walking Shoes", "حذاء مشي يومي خفيف الوزن. Light everyday walking shoes.", 229m, "SAR", 19),
        new("SHO-SND-01", "صندل جلد بني | Brown Leather Sandals", "صندل رجالي جلد طبيعي. Men's genuine leather sandals.", 175m, "SAR", 26),
        new("SHO-HEL-01", "كعب عالي أحمر | Red High Heels", "حذاء كعب عالي أحمر لامع 9 سم. Glossy red 9 cm high heels.", 265m, "SAR", 8),
        new("THB-WHT-01", "ثوب أبيض رجالي | Men's White Thobe", "ثوب قطن أبيض بياقة سعودية. White cotton thobe with Saudi collar.", 189m, "SAR", 35),
        new("THB-GRY-01", "ثوب رمادي شتوي | Grey Winter Thobe", "ثوب صوف رمادي للشتاء. Grey wool thobe for winter.", 239m, "SAR", 15),
        new("SHM-RED-01", "شماغ أحمر | Red Shemagh", "شماغ قطني أحمر وأبيض. Red and white cotton shemagh.", 95m, "SAR", 50),
        new("PRF-OUD-01", "عطر عود ملكي | Royal Oud Perfume", "عطر عود فاخر 100 مل. Luxury oud perfume, 100 ml.", 520m, "SAR", 10),
        new("PRF-MSK-01", "مسك أبيض | White Musk", "مسك أبيض ناعم 50 مل. Soft white musk, 50 ml.", 135m, "SAR", 45),
        new("PRF-BKH-01", "بخور دخون | Dukhoon Incense", "بخور دخون معطر 250 غرام. Scented dukhoon incense, 250 g.", 110m, "SAR", 28),
        new("WAT-GLD-01", "ساعة ذهبية نسائية | Women's Gold Watch", "ساعة يد ذهبية مقاومة للماء. Water-resistant gold wristwatch.", 650m, "SAR", 6),
        new("WAT-SLV-01", "ساعة فضية رجالية | Men's Silver Watch", "ساعة فضية بسوار معدني. Silver watch with a metal strap.", 580m, "SAR", 9),
        new("JWL-NCK-01", "قلادة ذهب عيار 18 | 18K Gold Necklace", "قلادة ذهب ناعمة عيار 18. Delicate 18-karat gold necklace.", 1450m, "SAR", 4),
        new("JWL-ERR-01", "أقراط لؤلؤ | Pearl Earrings", "أقراط لؤلؤ طبيعي بقاعدة فضة. Natural pearl earrings on silver.", 320m, "SAR", 13),
        new("DRS-GRN-01", "فستان سهرة أخضر | Green Evening Dress", "فستان سهرة طويل أخضر زمردي. Long emerald-green evening dress.", 690m, "SAR", 5),
        new("DRS-BLU-01", "فستان صيفي أزرق | Blue Summer Dress", "فستان قطني أزرق للصيف. Blue cotton summer dress.", 210m, "SAR", 17),
        new("KID-SET-01", "طقم أطفال قطني | Kids' Cotton Set", "طقم قميص وبنطال للأطفال 2-8 سنوات. Shirt and trousers set, ages 2-8.", 120m, "SAR", 24),
        new("ACC-WLT-01", "محفظة جلد رجالية | Men's Leather Wallet", "محفظة جلد بني بجيوب بطاقات. Brown leather wallet with card slots.", 140m, "SAR", 33),
        new("ACC-SUN-01", "نظارة شمسية سوداء | Black Sunglasses", "نظارة شمسية بحماية UV400. Sunglasses with UV400 protection.", 230m, "SAR", 21),
    ];
}
