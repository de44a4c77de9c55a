using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

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
