using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>The same requests as customers write them across the Arab world, in English with typos, and in Arabizi.</summary>
public sealed class DialectTests
{
    [Theory]
    [InlineData("أريد شراء عطر", "عطر")]                  // MSA
    [InlineData("أود طلب ساعة", "ساعه")]
    [InlineData("ابغى عباية سودا", "عبايه")]               // Gulf
    [InlineData("ابي ثوب ابيض مقاس 54", "ثوب")]
    [InlineData("ودي اطلب شماغ", "شماغ")]
    [InlineData("عطني عطرين", "عطر")] // a masculine dual: two of «عطر»
    [InlineData("بدي كنزة زرقا", "كنزه")]                  // Levantine
    [InlineData("بدّي اطلب جاكيت", "جاكيت")]
    [InlineData("عايز تيشيرت اسود", "تيشيرت")]             // Egyptian
    [InlineData("عاوزة فستان سواريه", "فستان سواريه")]
    [InlineData("هاتلي اتنين بنطلون", "بنطلون")]
    [InlineData("اريد قاط رصاصي", "قاط")]                  // Iraqi
    [InlineData("انطيني نعال", "نعال")]
    [InlineData("بغيت قفطان", "قفطان")]                    // Maghrebi
    [InlineData("نبغي نشري صباط", "صباط")]
    [InlineData("I want a watch", "watch")]               // English
    [InlineData("i wanna buy sneakers", "sneakers")]
    [InlineData("pls gimme the oud", "oud")]
    [InlineData("id like a scarf", "scarf")]
    [InlineData("can i get a hoodie", "hoodie")]
    [InlineData("abgha 3abaya", "عبايه")]                  // Arabizi
    [InlineData("bdi fustan", "فستان")]
    [InlineData("3ayez jazma", "جزمه")]
    public void ReadsABuyInEveryDialect(string text, string query)
    {
        var reading = Read.Message(text);
        Assert.True(reading.Has(Act.Buy), $"{text}: {Read.Describe(reading)}");
        Assert.Equal(query, reading.ProductQuery);
    }

    [Theory]
    [InlineData("ما سعر هذا العطر؟", "عطر")]                // MSA
    [InlineData("كم سعره؟", "")]                           // Gulf
    [InlineData("بكم الشماغ", "شماغ")]
    [InlineData("شكثر سعر الدشداشة", "دشداشه")]            // Kuwaiti
    [InlineData("قديش الكنزة", "كنزه")]                     // Levantine
    [InlineData("اديش سعرها", "")]
    [InlineData("بكام التيشيرت ده", "تيشيرت")]              // Egyptian
    [InlineData("سعرها كام", "")]
    [InlineData("بيش القاط", "قاط")]                        // Iraqi
    [InlineData("شكد سعر النعال", "نعال")]
    [InlineData("شحال ثمنها", "")]                          // Maghrebi
    [InlineData("بشحال الصباط", "صباط")]
    [InlineData("how much is this", "")]                   // English
    [InlineData("hw much", "")]
    [InlineData("how mch for the hoodie?", "hoodie")]
    [InlineData("whats the price", "")]
    [InlineData("price pls", "")]
    [InlineData("bkam?", "")]                              // Arabizi
    [InlineData("kam el s3r", "")]
    [InlineData("sh7al", "")]
    [InlineData("adesh?", "")]
    public void ReadsAPriceQuestionInEveryDialect(string text, string query)
    {
        var reading = Read.Message(text);
        Assert.True(reading.Has(Act.AskPrice), $"{text}: {Read.Describe(reading)}");
        Assert.False(reading.Has(Act.Buy));
        Assert.Equal(query, reading.ProductQuery);
    }

    [Theory]
    [InlineData("هل لديكم حقائب جلدية؟")]
    [InlineData("عندكم عود كمبودي؟")]
    [InlineData("فيه منه اسود؟")]
    [InlineData("في عندكن كنزات؟")]
    [InlineData("عندكو شنط؟")]
    [InlineData("اكو عدكم نعال؟")]
    [InlineData("واش عندكم الصباط؟")]
    [InlineData("do u have hoodies")]
    [InlineData("got any sneakers?")]
    [InlineData("still available?")]
    [InlineData("3ndkom 3tr?")]
    [InlineData("fee shanta?")]
    public void ReadsAnAvailabilityQuestionInEveryDialect(string text)
    {
        var reading = Read.Message(text);
        Assert.True(reading.Has(Act.AskAvailability), $"{text}: {Read.Describe(reading)}");
        Assert.False(reading.Has(Act.Buy));
    }

    [Theory]
    [InlineData("السلام عليكم ورحمة الله وبركاته")]
    [InlineData("هلا وغلا")]
    [InlineData("مرحبا كيفك")]
    [InlineData("ازيك عامل ايه")]
    [InlineData("شلونكم")]
    [InlineData("لاباس")]
    [InlineData("hiii")]
    [InlineData("helloooo")]
    [InlineData("slm")]
    [InlineData("ahlan")]
    public void ReadsAGreetingInEveryDialect(string text)
    {
        var reading = Read.Message(text);
        Assert.True(reading.Has(Act.Greeting), $"{text}: {Read.Describe(reading)}");
        Assert.Equal("", reading.ProductQuery);
    }

    [Theory]
    [InlineData("الله يعطيك العافيه")]
    [InlineData("ما قصرت")]
    [InlineData("يسلمو ايديك")]
    [InlineData("تسلم ايدك")]
    [InlineData("عاشت ايدك")]
    [InlineData("الله يخليك")]
    [InlineData("thx a lot")]
    [InlineData("ty")]
    [InlineData("tnx")]
    [InlineData("shokran")]
    [InlineData("mashkoor")]
    [InlineData("🙏🙏")]
    public void ReadsThanksInEveryDialect(string text)
    {
        var reading = Read.Message(text);
        Assert.True(reading.Has(Act.Courtesy), $"{text}: {Read.Describe(reading)}");
        Assert.Equal("", reading.ProductQuery);
    }
}
