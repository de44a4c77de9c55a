using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>What a message must NOT be read as: the mistakes a phrase list makes when it matches too eagerly.</summary>
public sealed class NegativeTests
{
    [Theory]
    [InlineData("عايز شنطة جلد بني، بكام؟")]
    [InlineData("ابغى اعرف سعر العطر")]
    [InlineData("ابي عطر عود بكم")]
    [InlineData("بدي فستان، قديش سعره؟")]
    [InlineData("I want a black bag, how much?")]
    [InlineData("how much would two pairs be?")]
    [InlineData("I want to know the price")]
    [InlineData("ابغى شنطة سودا عندكم؟")]
    [InlineData("need perfume, do you have oud?")]
    [InlineData("ابي اكلم موظف")]
    [InlineData("ابي الغي الطلب")]
    [InlineData("ابغى اعرف كم التوصيل")]
    [InlineData("I want to talk to a human")]
    [InlineData("نعم")]
    [InlineData("شكرا")]
    public void AQuestionIsNotABuy(string text) => Assert.False(Read.Message(text).Has(Act.Buy), Read.Describe(Read.Message(text)));

    [Theory]
    [InlineData("thank you")]
    [InlineData("thanks a lot!")]
    [InlineData("شكرا")]
    [InlineData("شكراً جزيلاً 🙏")]
    [InlineData("مشكور ما قصرت")]
    [InlineData("يعطيك العافية")]
    [InlineData("الله يسلمك")]
    [InlineData("تسلم يا غالي")]
    [InlineData("ok")]
    [InlineData("اوكي تمام")]
    [InlineData("👍")]
    [InlineData("❤️❤️")]
    [InlineData("bye")]
    [InlineData("مع السلامة")]
    [InlineData("باي")]
    [InlineData("يسلمو كتير")]
    [InlineData("متشكر جدا")]
    [InlineData("شكرا بزاف عافاك")]
    [InlineData("cheers mate")]
    [InlineData("السلام عليكم")]
    [InlineData("هلا والله")]
    [InlineData("hi there")]
    public void CourtesyAndGreetingAreNotASearch(string text)
    {
        var reading = Read.Message(text);
        Assert.Equal("", reading.ProductQuery);
        Assert.DoesNotContain(reading.Acts, a => a is Act.Buy or Act.AskAvailability or Act.AskPrice);
    }

    [Theory]
    [InlineData("كمية العطر")]
    [InlineData("book")]
    [InlineData("notebook")]
    [InlineData("okra")]
    [InlineData("hiking boots")]
    [InlineData("shipment box")]
    [InlineData("لابتوب")]
    [InlineData("نعناع")]
    public void AWordInsideAnotherWordDoesNotFire(string text)
    {
        var reading = Read.Message(text);
        Assert.DoesNotContain(reading.Acts, a => a is Act.AskPrice or Act.Courtesy or Act.Greeting or Act.Confirm or Act.Deny);
    }

    [Theory]
    [InlineData("تمام")]
    [InlineData("ok")]
    [InlineData("اوكي")]
    [InlineData("طيب")]
    public void OkIsCourtesyWhenNoConfirmationWasAsked(string text)
    {
        var reading = Read.Message(text);
        Assert.True(reading.Has(Act.Courtesy), Read.Describe(reading));
        Assert.False(reading.Has(Act.Confirm));
    }

    [Theory]
    [InlineData("تمام")]
    [InlineData("ok")]
    public void OkConfirmsWhenAConfirmationWasAsked(string text)
    {
        var reading = Read.Message(text, Awaiting.Confirmation);
        Assert.True(reading.Has(Act.Confirm), Read.Describe(reading));
        Assert.False(reading.Has(Act.Courtesy));
    }

    [Theory]
    [InlineData("في الرياض")]
    [InlineData("عطر في علبة")]
    [InlineData("اي لون عندكم")]
    [InlineData("no 2")]
    public void AWordThatIsOnlySometimesAnAnswerIsNotOne(string text)
    {
        var reading = Read.Message(text, Awaiting.Confirmation);
        Assert.False(reading.Has(Act.Confirm), Read.Describe(reading));
        Assert.False(reading.Has(Act.Deny), Read.Describe(reading));
    }

    [Theory]
    [InlineData("ابغى شنطة")]
    [InlineData("وش الالوان")]
    [InlineData("كم التوصيل")]
    [InlineData("نعم")]
    public void NothingIsADetailWhenNoDetailWasAsked(string text)
    {
        var reading = Read.Message(text);
        Assert.Null(reading.Name);
        Assert.Null(reading.Address);
        Assert.Null(reading.Phone);
    }

    [Theory]
    [InlineData("ابغى شنطة", Awaiting.Name)]
    [InlineData("كم التوصيل؟", Awaiting.Name)]
    [InlineData("نعم", Awaiting.Name)]
    [InlineData("لا", Awaiting.Address)]
    [InlineData("كم سعر الشنطة؟", Awaiting.Address)]
    [InlineData("الغي الطلب", Awaiting.Address)]
    [InlineData("ابي اكلم موظف", Awaiting.Name)]
    public void AnAnswerThatDoesSomethingElseIsNotTheDetailAsked(string text, Awaiting awaiting)
    {
        var reading = Read.Message(text, awaiting);
        Assert.Null(reading.Name);
        Assert.Null(reading.Address);
    }
}
