using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>
/// Questions a seventh shop written blind (dates and sweets in Jeddah) found read wrongly: a wish after an availability question, what is
/// inside a product, printing names, storage, Arabizi delivery, and staff who are the customer's own.
/// </summary>
public sealed class SeventhShopQuestionTests
{
    [Fact]
    public void AWishAfterAnAvailabilityQuestionBuys()
    {
        var reading = Read.Message("عندكم عجوة؟ ابي نص كيلو");

        Assert.True(reading.Has(Act.Buy), Read.Describe(reading));
        Assert.Equal("عجوه", reading.ProductQuery);
        Assert.Equal(500, reading.Weight);
    }

    [Theory]
    [InlineData("عندكم عجوة؟ ابي اعرف سعرها")]
    [InlineData("ابي عجوة، عندكم؟")]
    [InlineData("do you have ajwa? i want to know the price")]
    public void AWishBeforeTheQuestionOrBesideAPriceQuestionIsTheQuestion(string text)
    {
        var reading = Read.Message(text);

        Assert.DoesNotContain(Act.Buy, reading.Acts);
        Assert.True(reading.Has(Act.AskAvailability) || reading.Has(Act.AskPrice), Read.Describe(reading));
    }

    [Theory]
    [InlineData("التمر المغطى بالشوكولاتة إيش حشوته؟", "تمر مغطي شوكولاته")]
    [InlineData("What's in the Eid gift tray?", "eid gift tray")]
    [InlineData("وش فيها صينية العيد؟", "صينيه عيد")]
    [InlineData("what flavours does the chocolate box come in?", "chocolate")]
    public void WhatIsInsideAProductIsAQuestionAboutItsContents(string text, string query)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.AskAttribute), Read.Describe(reading));
        Assert.Equal(ProductAttribute.Contents, reading.AskedAttribute);
        Assert.Equal(query, reading.ProductQuery);
    }

    [Fact]
    public void WhatIsInMyOrderStillShowsTheOrder() => Assert.True(Read.Message("what's in my order?").Has(Act.ShowOrder));

    [Theory]
    [InlineData("تقدرون تكتبون اسم العريس والعروسة على علب التوزيعات؟")]
    [InlineData("تطبعون اسم على الصينية؟")]
    [InlineData("do you print names on the boxes?")]
    [InlineData("التمر كم يجلس عندي؟ وهل لازم أحطه في الثلاجة؟")]
    [InlineData("how long does it last?")]
    [InlineData("what's the shelf life?")]
    public void PrintingAndStorageAreShopQuestionsWithoutATopic(string text)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.StoreQuestion), Read.Describe(reading));
        Assert.Null(reading.Topic);
    }

    [Theory]
    [InlineData("law atlob el7in yewsal el yom?")]
    [InlineData("لو طلبت الحين يوصلني اليوم؟")]
    public void WhetherItArrivesTodayIsADeliveryQuestion(string text)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.StoreQuestion), Read.Describe(reading));
        Assert.Equal(StoreTopic.Delivery, reading.Topic);
        Assert.DoesNotContain(Act.Buy, reading.Acts);
        Assert.Equal("", reading.ProductQuery);
    }

    [Theory]
    [InlineData("we need 200 boxes for our staff, do you do corporate orders?", false)]
    [InlineData("a gift for my manager", false)]
    [InlineData("can I talk to your staff?", true)]
    [InlineData("I want a person", true)]
    public void StaffWhoAreTheCustomersOwnAreNoHandoff(string text, bool handoff) => Assert.Equal(handoff, Read.Message(text).Has(Act.Handoff));
}
