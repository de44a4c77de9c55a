using AiSales.AiAgent.Agent.Plugins;

namespace AiSales.UnitTests.Agent.Plugins;

/// <summary>
/// A kind of product under its names across dialects and languages: «شنطة» for a catalogue's «حقيبة», «الجزمة» for «حذاء»,
/// "shoes" for an Arabic-only catalogue. Found by a black-box run: «شنطة اسود» did not find «حقيبة أسود».
/// </summary>
public sealed class ProductKindsTests
{
    [Theory]
    [InlineData("شنطة اسود", "شنطه")]
    [InlineData("بكم الجزمة السوداء", "الجزمه")]
    [InlineData("black shoes", "shoes")]
    [InlineData("والكندرة", "والكندره")]
    public void AWordThatNamesAKindIsFoundWithItsClitics(string query, string word) =>
        Assert.Equal(word, ProductKinds.Named(query)?.Word);

    [Theory]
    [InlineData("blue kaftan")]
    [InlineData("قفطان ازرق")]
    [InlineData("")]
    public void AQueryNamingNoKnownKindHasNone(string query) => Assert.Null(ProductKinds.Named(query));

    [Fact]
    public void TheOtherNamesComeStandardArabicFirstThenEnglishAndLeaveOutWhatTheWordAlreadyMatched()
    {
        var (word, names) = ProductKinds.Named("شنطة اسود")!.Value;

        var respelt = ProductKinds.Respelt("شنطة اسود", word, names).ToList();

        Assert.Equal(["حقيبه اسود", "bag اسود", "جنطه اسود", "حقايب اسود"], respelt);
    }

    [Fact]
    public void AnEnglishWordIsTriedUnderItsArabicNames()
    {
        var (word, names) = ProductKinds.Named("black bag")!.Value;

        Assert.Equal("black حقيبه", ProductKinds.Respelt("black bag", word, names).First());
    }

    [Theory]
    [InlineData("حذاء جري أسود - Black Running Shoes", true)]
    [InlineData("جزمة جلد سوداء", true)]
    [InlineData("Black Leather Bag | شنطة جلد سوداء", false)]
    public void AProductIsOfTheKindWhenItHoldsTheWordOrAnyOfTheKindsNames(string product, bool ofKind)
    {
        var (word, names) = ProductKinds.Named("بكم الجزمة السوداء")!.Value;

        Assert.Equal(ofKind, ProductKinds.Names(product, word, names));
    }
}
