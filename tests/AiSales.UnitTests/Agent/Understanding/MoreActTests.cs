using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>Questions about a product, changes to the order, and yes/no: at least the listed acts.</summary>
public sealed class MoreActTests
{
    [Theory]
    [InlineData("كم حجمه", ProductAttribute.Volume)]
    [InlineData("كم مل العطر", ProductAttribute.Volume)]
    [InlineData("حجمها كام", ProductAttribute.Volume)]
    [InlineData("شكد حجمه", ProductAttribute.Volume)]
    [InlineData("how many ml", ProductAttribute.Volume)]
    [InlineData("what's the volume?", ProductAttribute.Volume)]
    [InlineData("من ايش مصنوع", ProductAttribute.Material)]
    [InlineData("من وش مصنوعة الشنطة", ProductAttribute.Material)]
    [InlineData("جلد طبيعي ولا صناعي؟", ProductAttribute.Material)]
    [InlineData("خامته ايه", ProductAttribute.Material)]
    [InlineData("شو نوع القماش", ProductAttribute.Material)]
    [InlineData("is it leather", ProductAttribute.Material)]
    [InlineData("what material is the bag", ProductAttribute.Material)]
    [InlineData("وش المقاس", ProductAttribute.Size)]
    [InlineData("وش المقاسات المتوفرة", ProductAttribute.Size)]
    [InlineData("شو القياسات", ProductAttribute.Size)]
    [InlineData("المقاسات ايه", ProductAttribute.Size)]
    [InlineData("what sizes", ProductAttribute.Size)]
    [InlineData("which sizes do you have for the abaya", ProductAttribute.Size)]
    [InlineData("وش الالوان", ProductAttribute.Colour)]
    [InlineData("ايش الألوان المتوفرة", ProductAttribute.Colour)]
    [InlineData("شو الالوان", ProductAttribute.Colour)]
    [InlineData("what colours", ProductAttribute.Colour)]
    [InlineData("which colors does it come in", ProductAttribute.Colour)]
    public void ReadsAnAttributeQuestion(string text, ProductAttribute attribute)
    {
        var reading = Read.Message(text);
        Assert.True(reading.Has(Act.AskAttribute), Read.Describe(reading));
        Assert.Equal(attribute, reading.AskedAttribute);
        Assert.False(reading.Has(Act.Buy));
    }

    [Theory]
    [InlineData("فيه لون ثاني؟", ProductAttribute.Colour)]
    [InlineData("في الوان تانية", ProductAttribute.Colour)]
    [InlineData("عندكم الوان ثانيه", ProductAttribute.Colour)]
    [InlineData("اكو لون لاخ", ProductAttribute.Colour)]
    [InlineData("كاين لون اخر", ProductAttribute.Colour)]
    [InlineData("other colours?", ProductAttribute.Colour)]
    [InlineData("any other color", ProductAttribute.Colour)]
    [InlineData("any other size?", ProductAttribute.Size)]
    [InlineData("فيه مقاس ثاني", ProductAttribute.Size)]
    [InlineData("مقاس اكبر", ProductAttribute.Size)]
    [InlineData("اكو قياس لاخ", ProductAttribute.Size)]
    [InlineData("فيه غيره؟", null)]
    [InlineData("شي ثاني", null)]
    [InlineData("حاجة تانية", null)]
    [InlineData("something else", null)]
    [InlineData("other options?", null)]
    public void ReadsAskingForAlternatives(string text, ProductAttribute? attribute)
    {
        var reading = Read.Message(text);
        Assert.True(reading.Has(Act.AskAlternatives), Read.Describe(reading));
        Assert.Equal(attribute, reading.AskedAttribute);
        Assert.False(reading.Has(Act.AskAvailability));
    }

    [Theory]
    [InlineData("خلها ٣", 3)]
    [InlineData("خليها حبتين", 2)]
    [InlineData("خليه ثلاث", 3)]
    [InlineData("بدل ما هي وحدة خليها ثنتين", 2)]
    [InlineData("خليهم ٤", 4)]
    [InlineData("عدل الكمية الى ٥", 5)]
    [InlineData("اعملهم تلاتة", 3)]
    [InlineData("make it 3", 3)]
    [InlineData("change it to 2", 2)]
    [InlineData("make it two", 2)]
    [InlineData("quantity 4", 4)]
    [InlineData("3 instead of 2", 3)]
    [InlineData("make it 3 instead of 2", 3)]
    [InlineData("khaliha 3", 3)]
    public void ReadsANewQuantity(string text, int quantity)
    {
        var reading = Read.Message(text);
        Assert.True(reading.Has(Act.ChangeQuantity), Read.Describe(reading));
        Assert.Equal(quantity, reading.Quantity);
        Assert.Null(reading.QuantityDelta);
    }

    [Theory]
    [InlineData("زيد وحدة", 1)]
    [InlineData("زود واحد", 1)]
    [InlineData("كمان وحدة", 1)]
    [InlineData("بعد وحدة", 1)]
    [InlineData("زيد ٢", 2)]
    [InlineData("one more", 1)]
    [InlineData("add one more", 1)]
    [InlineData("another one", 1)]
    [InlineData("2 more", 2)]
    [InlineData("نقص وحدة", -1)]
    [InlineData("شيل وحدة", -1)]
    [InlineData("one less", -1)]
    [InlineData("remove one", -1)]
    public void ReadsAQuantityStep(string text, int delta)
    {
        var reading = Read.Message(text);
        Assert.True(reading.Has(Act.ChangeQuantity), Read.Describe(reading));
        Assert.Equal(delta, reading.QuantityDelta);
        Assert.Null(reading.Quantity);
        Assert.False(reading.Has(Act.Buy));
    }

    [Theory]
    [InlineData("شيل العطر", "عطر")]
    [InlineData("احذف الشنطة", "شنطه")]
    [InlineData("امسح الفستان", "فستان")]
    [InlineData("قيم الساعة", "ساعه")]
    [InlineData("حيد القفطان", "قفطان")]
    [InlineData("ما ابي العطر", "عطر")]
    [InlineData("مش عايز الشنطة", "شنطه")]
    [InlineData("remove the perfume", "perfume")]
    [InlineData("delete the bag", "bag")]
    [InlineData("take out the watch", "watch")]
    [InlineData("I don't want the perfume", "perfume")]
    public void ReadsRemovingALine(string text, string query)
    {
        var reading = Read.Message(text);
        Assert.True(reading.Has(Act.Remove), Read.Describe(reading));
        Assert.False(reading.Has(Act.Cancel));
        Assert.False(reading.Has(Act.Buy));
        Assert.Equal(query, reading.ProductQuery);
    }

    [Theory]
    [InlineData("الغي الطلب")]
    [InlineData("ألغِ الطلب")]
    [InlineData("لا ما ابي الطلب")]
    [InlineData("كنسل")]
    [InlineData("كنسل الطلب")]
    [InlineData("ابي الغي الطلب")]
    [InlineData("إلغاء")]
    [InlineData("ما بدي الطلب")]
    [InlineData("لغي الكوموند")]
    [InlineData("مش عايز الاوردر")]
    [InlineData("cancel my order")]
    [InlineData("cancel it")]
    [InlineData("cancel")]
    [InlineData("please cancel the order")]
    [InlineData("I changed my mind")]
    [InlineData("ilghi el6alab")]
    public void ReadsCancellingTheOrder(string text)
    {
        var reading = Read.Message(text);
        Assert.True(reading.Has(Act.Cancel), Read.Describe(reading));
        Assert.False(reading.Has(Act.Buy));
        Assert.False(reading.Has(Act.Remove));
    }

    [Theory]
    [InlineData("وش في طلبي")]
    [InlineData("ايش طلبت")]
    [InlineData("شو طلبت")]
    [InlineData("وش طلبي؟")]
    [InlineData("شنو طلبت")]
    [InlineData("طلبت ايه")]
    [InlineData("اشنو طلبت")]
    [InlineData("what's in my order")]
    [InlineData("show my order")]
    [InlineData("what did I order?")]
    [InlineData("my cart")]
    public void ReadsAskingToSeeTheOrder(string text)
    {
        var reading = Read.Message(text);
        Assert.True(reading.Has(Act.ShowOrder), Read.Describe(reading));
        Assert.False(reading.Has(Act.Buy));
        Assert.Equal("", reading.ProductQuery);
    }

    [Theory]
    [InlineData("نعم")]
    [InlineData("ايوه")]
    [InlineData("أيوة")]
    [InlineData("اكيد")]
    [InlineData("تمام")]
    [InlineData("أكد")]
    [InlineData("اكد الطلب")]
    [InlineData("موافق")]
    [InlineData("اوكي")]
    [InlineData("اي")]
    [InlineData("ايه")]
    [InlineData("زين")]
    [InlineData("يلا")]
    [InlineData("واخا")]
    [InlineData("ماشي")]
    [InlineData("yes")]
    [InlineData("yeah sure")]
    [InlineData("yes please")]
    [InlineData("go ahead")]
    [InlineData("confirm")]
    [InlineData("ok")]
    [InlineData("Ok 👍")]
    [InlineData("na3am")]
    [InlineData("aywa")]
    public void ReadsAConfirmationWhenOneWasAsked(string text)
    {
        var reading = Read.Message(text, Awaiting.Confirmation);
        Assert.True(reading.Has(Act.Confirm), Read.Describe(reading));
        Assert.False(reading.Has(Act.Deny));
    }

    [Theory]
    [InlineData("لا")]
    [InlineData("لأ")]
    [InlineData("لا شكرا")]
    [InlineData("لا مو الحين")]
    [InlineData("مش دلوقتي")]
    [InlineData("بعدين")]
    [InlineData("no")]
    [InlineData("No.")]
    [InlineData("nope")]
    [InlineData("not now")]
    [InlineData("no thanks")]
    [InlineData("la")]
    [InlineData("la2")]
    public void ReadsARefusal(string text)
    {
        var reading = Read.Message(text, Awaiting.Confirmation);
        Assert.True(reading.Has(Act.Deny), Read.Describe(reading));
        Assert.False(reading.Has(Act.Confirm));
    }
}
