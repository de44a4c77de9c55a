using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>Messages that once read wrong, kept so they stay right.</summary>
public sealed class RegressionTests
{
    [Theory]
    [InlineData("كم تاخذون على التوصيل لجدة", "StoreQuestion")]
    [InlineData("هل في توصيل لعمان؟", "StoreQuestion")]
    [InlineData("بكم الشحن للكويت", "StoreQuestion")]
    [InlineData("is delivery free?", "StoreQuestion")]
    [InlineData("pls send me ur location", "StoreQuestion")]
    [InlineData("عطر شانيل كم سعره وكم التوصيل للدمام", "AskPrice,StoreQuestion")]
    [InlineData("ثلاث حبات من المسك لو سمحت", "Buy")]
    [InlineData("1 عطر و 2 شنطة", "Buy")]
    [InlineData("ابغى ارجع الشنطة", "StoreQuestion")]
    [InlineData("ممكن تحجزلي وحدة؟", "Buy")]
    [InlineData("وين طلبي؟", "ShowOrder")]
    [InlineData("ابي اشوف طلبي", "ShowOrder")]
    [InlineData("ابي اشوف العطور اللي عندكم", "AskAvailability")]
    [InlineData("can I see more photos", "AskAvailability")]
    [InlineData("what's the difference between the two", "")]
    [InlineData("ابغى اغير العنوان", "")]
    [InlineData("change to 3", "ChangeQuantity")]
    [InlineData("ابي اغير الكمية ل ٣", "ChangeQuantity")]
    [InlineData("tell me more", "")]
    [InlineData("مافي مشكلة", "Courtesy")]
    [InlineData("ok ok thanks", "Courtesy")]
    [InlineData("اي لون عندكم", "AskAvailability")]
    public void ReadsExactly(string text, string acts)
    {
        var reading = Read.Message(text);
        Assert.True(Read.Acts(acts).ToHashSet().SetEquals(reading.Acts), $"{text}: {Read.Describe(reading)}");
    }

    [Theory]
    [InlineData("3awez a3raf el s3r", "")]
    [InlineData("kam 7aga 3ndko", "")]
    [InlineData("hi, my order number is 12345", "12345")]
    [InlineData("ابي اشوف العطور اللي عندكم", "عطور")]
    [InlineData("ممكن صور للشنطة؟", "شنطه")]
    [InlineData("I need it by tomorrow", "")]
    public void LeavesOnlyProductWords(string text, string query) => Assert.Equal(query, Read.Message(text).ProductQuery);

    [Fact]
    public void AnArticleReadAsALetterIsNotASize() => Assert.Empty(Read.Message("3awez a3raf el s3r").Sizes);
}

/// <summary>Properties every lexicon entry and every message must keep, checked over the whole vocabulary.</summary>
public sealed class LexiconPropertyTests
{
    private static readonly string[] s_samples =
    [
        "", " ", "؟", "!!!", "👍", "123", "٠٥٠", "ابغى", "how much", "3ndkom", "x", "ال", "و", "a", "\n\n", "اسمي", "العنوان:", "رقمي", "no", "رقم",
        "the", "؟؟؟ ابغى ؟؟؟", "🙏🏻🙏🏻", "ﷺ", "ﻻ", "٪", "#", "+", "+966", "اسمي\n", "my name is", "الاسم:",
    ];

    public static TheoryData<string> Samples => new(s_samples);

    [Theory]
    [MemberData(nameof(Samples))]
    public void NeverThrowsAndAlwaysFillsTheCollections(string text)
    {
        foreach (var awaiting in Enum.GetValues<Awaiting>())
        {
            var reading = Read.Message(text, awaiting, 3, "شكوى");
            Assert.NotNull(reading.Acts);
            Assert.NotNull(reading.Colours);
            Assert.NotNull(reading.Sizes);
            Assert.NotNull(reading.ProductQuery);
            Assert.DoesNotContain("  ", reading.ProductQuery);
        }
    }

    [Fact]
    public void EveryColourFormReadsBackAsItsColour()
    {
        foreach (var key in Colours.Keys)
        {
            foreach (var form in Colours.SurfaceForms(key).Where(f => !f.Contains(' ')))
            {
                Assert.Equal(key, Colours.Key(form));
            }
        }
    }

    [Fact]
    public void FoldingIsIdempotent()
    {
        foreach (var text in s_samples.Concat(["شكراااا أبغى ٢ حبة", "Thanksss!! I'll take 3", "مَرْحَبًا بِكُمْ"]))
        {
            var once = TextFolding.Fold(text);
            Assert.Equal(once, TextFolding.Fold(once));
        }
    }

    [Fact]
    public void ReadsALongMessageQuickly()
    {
        var text = string.Join("، ", Enumerable.Repeat("السلام عليكم ابغى ٢ شنطة سودا مقاس L وكم التوصيل للرياض اسمي نورة\nرقمي 0501234567", 40));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var reading = Read.Message(text, Awaiting.Name);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"a {text.Length}-character message took {watch.Elapsed}");
        Assert.Equal("0501234567", reading.Phone);
    }

    [Fact]
    public void MissingHandoffKeywordsAreNoKeywords() =>
        Assert.True(MessageReader.Read("ابغى عطر", new ReadingHints(Awaiting.Nothing, 0, null!)).Has(Act.Buy));

    [Fact]
    public void ReadsAThousandMessagesQuickly()
    {
        var messages = new[] { "السلام عليكم، ابغى ٢ من الشنطة السودا مقاس L لو سمحت", "how much would two pairs be?", "3ndkom shanta sooda?",
            "اسمي نورة\nالعنوان الرياض حي النرجس\nجوالي 0501234567", "بدل ما هي وحدة خليها ثنتين" };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 1_000; i++)
        {
            Read.Message(messages[i % messages.Length]);
        }

        // About 0.3 ms a message on one core; the bound leaves room for a busy shared machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"1,000 readings took {watch.Elapsed}");
    }
}

public sealed class ShopConversationTests
{
    [Theory]
    [InlineData("السلام عليكم ورحمة الله، عندكم توصيل للخبر؟ وكم سعر عطر العود؟", "Greeting,AskPrice,StoreQuestion")]
    [InlineData("ابي اطلب ٢ عطر عود و ١ بخور", "Buy")]
    [InlineData("عندكم مقاسات كبيرة؟", "AskAvailability")]
    [InlineData("المقاس ٤٢ موجود؟", "AskAvailability")]
    [InlineData("اللون الاسود متوفر؟", "AskAvailability")]
    [InlineData("هذا كم؟", "AskPrice")]
    [InlineData("كم؟", "AskPrice")]
    [InlineData("الشنطة دي بكام يا فندم", "AskPrice")]
    [InlineData("لو سمحت عايز اعرف مواعيدكم", "StoreQuestion")]
    [InlineData("ابي اكمل الطلب", "Buy")]
    [InlineData("لا شكرا بس كنت اسأل", "Deny")]
    [InlineData("شكرا الطلب وصل", "Courtesy")]
    [InlineData("ابي اكلم المدير عندي شكوى", "Handoff")]
    public void ReadsExactly(string text, string acts)
    {
        var reading = Read.Message(text);
        Assert.True(Read.Acts(acts).ToHashSet().SetEquals(reading.Acts), $"{text}: {Read.Describe(reading)}");
    }

    [Theory]
    [InlineData("ابي اكمل الطلب", "")]
    [InlineData("لا شكرا بس كنت اسأل", "")]
    [InlineData("ابي اللي بالصورة", "")]
    [InlineData("ابغى هدية لزوجتي", "هديه لزوجتي")]
    public void LeavesOnlyProductWords(string text, string query) => Assert.Equal(query, Read.Message(text).ProductQuery);

    [Theory]
    [InlineData("الثانية بس ٣ حبات", 2, 3)]
    [InlineData("ابي ٢", 2, null)]
    public void ReadsAPickWithItsQuantity(string text, int choice, int? quantity)
    {
        var reading = Read.Message(text, Awaiting.Choice, 3);
        Assert.Equal(choice, reading.Choice);
        Assert.Equal(quantity, reading.Quantity);
    }

    [Fact]
    public void AConfirmationCanCarryANewAddress()
    {
        var reading = Read.Message("اكيد، العنوان الرياض حي الملقا", Awaiting.Confirmation);
        Assert.True(reading.Has(Act.Confirm) && reading.Has(Act.GiveAddress), Read.Describe(reading));
        Assert.Equal("الرياض حي الملقا", reading.Address);
    }
}

public sealed class OrderEditingTests
{
    [Theory]
    [InlineData("شيلي الكنزة من الطلب", "Remove", "كنزه")]
    [InlineData("ما بدي الجاكيت", "Remove", "جاكيت")]
    [InlineData("عايز اشيل الشنطة", "Remove", "شنطه")]
    [InlineData("اريد اشيل القاط", "Remove", "قاط")]
    [InlineData("ذبه للعطر", "Remove", "عطر")]
    [InlineData("حيد ليا الجلابة", "Remove", "جلابه")]
    [InlineData("اشطب العطر", "Remove", "عطر")]
    [InlineData("remove it", "Remove", "")]
    [InlineData("take it off", "Remove", "")]
    [InlineData("i dont want it anymore", "Remove", "")]
    [InlineData("ما ابيه", "Remove", "")]
    [InlineData("خلص لغيلي الطلب", "Cancel", "")]
    [InlineData("مش عايز الطلب خلاص", "Cancel", "")]
    [InlineData("شو في بطلبي", "ShowOrder", "")]
    [InlineData("put it in my cart", "Buy", "")]
    [InlineData("add 2 of the black", "Buy", "")]
    [InlineData("nvm", "Deny", "")]
    [InlineData("بدي غير العنوان", "", "عنوان")]
    public void ReadsAnEdit(string text, string acts, string query)
    {
        var reading = Read.Message(text);
        Assert.True(Read.Acts(acts).ToHashSet().SetEquals(reading.Acts), $"{text}: {Read.Describe(reading)}");
        Assert.Equal(query, reading.ProductQuery);
    }

    [Theory]
    [InlineData("قيملي وحدة", -1)]
    [InlineData("زيدلي وحدة كمان", 1)]
    [InlineData("زود واحدة كمان", 1)]
    [InlineData("هات واحدة تانية", 1)]
    public void ReadsAStep(string text, int delta) => Assert.Equal(delta, Read.Message(text).QuantityDelta);

    [Theory]
    [InlineData("خليهن ثلاثة", 3)]
    [InlineData("ديرها جوج", 2)]
    [InlineData("make it 2 instead", 2)]
    public void ReadsANewTotal(string text, int quantity)
    {
        var reading = Read.Message(text);
        Assert.True(reading.Has(Act.ChangeQuantity));
        Assert.Equal(quantity, reading.Quantity);
        Assert.Equal("", reading.ProductQuery);
    }

    [Fact]
    public void ASizeAfterToIsASize() => Assert.Equal(["l"], Read.Message("can you change the size to L").Sizes);

    [Fact]
    public void DroppingTheItemWhenAskedToConfirmAlsoRefuses()
    {
        var reading = Read.Message("ما ابيه", Awaiting.Confirmation);
        Assert.True(reading.Has(Act.Remove) && reading.Has(Act.Deny), Read.Describe(reading));
    }
}
