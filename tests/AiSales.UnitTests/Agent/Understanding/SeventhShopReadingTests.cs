using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>
/// Readings found missing by a seventh shop written blind (dates, sweets and chocolate in Jeddah): weights asked by the kilo, pieces said
/// after a box, «خلاص» as a date variety, «آخذ», «ضيفهم» and «وش صار في طلبي؟».
/// </summary>
public sealed class SeventhShopReadingTests
{
    [Theory]
    [InlineData("بكم كيلو السكري؟", 1000)]
    [InlineData("ابي نص كيلو عجوة", 500)]
    [InlineData("طيب ابغى كيلوين", 2000)]
    [InlineData("ابغى ٥ كيلو عجوة", 5000)]
    [InlineData("ابغى ثلاث كيلو تمر", 3000)]
    [InlineData("ابغى كيلو ونص سكري", 1500)]
    [InlineData("ابي 2 كيلو و نص", 2500)]
    [InlineData("Hi, can I get 2 kg of ajwa dates?", 2000)]
    [InlineData("half a kilo of medjool please", 500)]
    [InlineData("1.5 kg baklava", 1500)]
    [InlineData("a kilo and a half of sukkari", 1500)]
    [InlineData("ok then two of the 500 g ones", 500)]
    [InlineData("ربع كيلو بن", 250)]
    [InlineData("أبغى ثلاث كيلو خلاص ونص كيلو عجوة", 3000)]
    public void AWeightAskedIsReadInGramsAndIsNoCountNorProductWord(string text, int grams)
    {
        var reading = Read.Message(text);

        Assert.Equal(grams, reading.Weight);
        Assert.DoesNotContain("كيلو", reading.ProductQuery);
        Assert.DoesNotContain("kg", reading.ProductQuery);
        Assert.DoesNotContain("نص", reading.ProductQuery);
    }

    [Fact]
    public void AWeightInTheNameIsAskedAsAWeightNotACount()
    {
        // Was read into the query ("ماسك 250 غرام"); the weight now picks the product of that weight (ByWeight).
        var reading = Read.Message("بدي ماسك 250 غرام");

        Assert.Null(reading.Quantity);
        Assert.Equal(250, reading.Weight);
        Assert.Equal("ماسك", reading.ProductQuery);
    }

    [Fact]
    public void AWeightBesideACountKeepsTheCount()
    {
        var reading = Read.Message("ok then two of the 500 g ones");

        Assert.Equal(2, reading.Quantity);
        Assert.Equal("", reading.ProductQuery);
    }

    [Theory]
    [InlineData("كرسي سيارة 9-36 كغ")]
    [InlineData("vitamin g")]
    [InlineData("عندكم جرام؟")]
    public void NoWeightInARangeOrOnABareGram(string text) => Assert.Null(Read.Message(text).Weight);

    [Theory]
    [InlineData("Sukkari Dates 1 kg | تمر سكري 1 كيلو", 1000)]
    [InlineData("Ajwa Dates 500 g | تمر عجوة 500 جرام", 500)]
    [InlineData("Baklava Tray, Large 1.5 kg | صينية بقلاوة كبيرة 1.5 كيلو", 1500)]
    [InlineData("تمر خلاص ٢ كيلو", 2000)]
    [InlineData("Arabic Coffee 250g", 250)]
    [InlineData("Fresh dates per kg", 1000)]
    [InlineData("Assorted Chocolate Box, 16 pcs", null)]
    [InlineData("Air Fryer 4 L", null)]
    public void AProductsWeightIsReadFromItsName(string name, int? grams) => Assert.Equal(grams, Weights.InName(name));

    [Theory]
    [InlineData("Ajwa Dates 1 kg", 2000, 2)]
    [InlineData("Ajwa Dates 1 kg", 1000, 1)]
    [InlineData("Ajwa Dates 1 kg", 500, null)]
    [InlineData("Ajwa Dates 500 g", 1500, 3)]
    [InlineData("Ajwa Dates", 1000, null)]
    public void HowManyBoxesMakeAWeight(string name, int grams, int? count) => Assert.Equal(count, Weights.Count(name, grams));

    [Theory]
    [InlineData("بكم علبة الشوكولاتة ١٦ حبة؟", 16, null)]
    [InlineData("ابي علبتين شوكولاتة 32 حبة", 32, 2)]
    [InlineData("ابغى box الشوكولاتة ال 64 piece", 64, null)]
    [InlineData("خلاص آخذ اللي 32 حبة", 32, null)]
    public void PiecesSaidAfterAProductMayNameTheBoxNotCountIt(string text, int pieces, int? quantity)
    {
        var reading = Read.Message(text);

        Assert.Equal(pieces, reading.Pieces);
        Assert.Equal(quantity, reading.Quantity);
    }

    [Theory]
    [InlineData("ابي 3 حبات عطر", 3)]
    [InlineData("ابي ٣ حبات من المسك", 3)]
    public void PiecesBeforeTheProductCountIt(string text, int quantity)
    {
        var reading = Read.Message(text);

        Assert.Equal(quantity, reading.Quantity);
        Assert.Null(reading.Pieces);
    }

    [Theory]
    [InlineData("Assorted Chocolate Box, 32 pcs | علبة شوكولاتة مشكلة 32 حبة", 32, true)]
    [InlineData("Assorted Chocolate Box, 32 pcs", 16, false)]
    [InlineData("Cookies 24pcs", 24, true)]
    [InlineData("Perfume 100 ml", 100, false)]
    public void ANameHoldsItsPieces(string name, int pieces, bool holds) => Assert.Equal(holds, PieceCounts.InName(name, pieces));

    [Theory]
    [InlineData("ابي 2 كيلو تمر خلاص", "تمر خلاص")]
    [InlineData("عندكم تمر خلاص؟", "تمر خلاص")]
    public void KhalasAfterAProductWordIsTheDateVariety(string text, string query) => Assert.Equal(query, Read.Message(text).ProductQuery);

    [Fact]
    public void KhalasOpeningAMessageIsStillThatsIt()
    {
        var reading = Read.Message("طيب خلاص عطني الأربعة");

        Assert.Equal("", reading.ProductQuery);
        Assert.Equal(4, reading.Quantity);
        Assert.True(reading.Has(Act.Buy), Read.Describe(reading));
    }

    [Theory]
    [InlineData("خلاص آخذ اللي 32 حبة", Act.Buy)]
    [InlineData("تمام ضيفهم", Act.Buy)]
    [InlineData("وش صار في طلبي؟", Act.ShowOrder)]
    [InlineData("ايش صار على طلبي", Act.ShowOrder)]
    public void GulfWordsForTakingAddingAndTheOrder(string text, Act act)
    {
        var reading = Read.Message(text, Awaiting.Choice, 4);

        Assert.True(reading.Has(act), Read.Describe(reading));
        Assert.Equal("", reading.ProductQuery);
    }

    [Theory]
    [InlineData("3indkom baklava? abi el kbeera", "l")]
    [InlineData("abi el sgheera", "s")]
    public void ArabiziFeminineSizes(string text, string size) => Assert.Equal([size], Read.Message(text).Sizes);

    [Theory]
    [InlineData("كرسي سيارة من 9 الى 36 كغ", "كرسي سياره 9 36 كغ")]
    [InlineData("car seat from 9 to 36 kg", "car seat from 9 36 kg")]
    public void ARangeInWordsIsNoCount(string text, string query)
    {
        var reading = Read.Message(text);

        Assert.Null(reading.Quantity);
        Assert.Null(reading.Weight);
        Assert.Equal(query, reading.ProductQuery);
    }

    [Theory]
    [InlineData("عندكم ملابس من 6 الى 12 شهر؟", new[] { "6m", "7m", "8m", "9m", "10m", "11m", "12m" })]
    [InlineData("do you have shoes from 3 to 5 years?", new[] { "3", "4", "5" })]
    public void AnAgeRangeInWordsIsEveryAgeBetween(string text, string[] sizes)
    {
        var reading = Read.Message(text);

        Assert.Null(reading.Quantity);
        Assert.Equal(sizes, reading.Sizes);
    }
}
