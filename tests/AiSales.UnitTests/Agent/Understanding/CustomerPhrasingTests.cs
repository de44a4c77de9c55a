using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

/// <summary>Ways customers put things that the lexicons first missed, each read for what it asks (contract §7).</summary>
public sealed class CustomerPhrasingTests
{
    [Theory]
    [InlineData("how much does it weigh?")]
    [InlineData("what does it weigh")]
    public void AWeightQuestionAsksAboutTheProductNotItsPrice(string text)
    {
        var reading = Read.Message(text);

        Assert.Equal(ProductAttribute.Volume, reading.AskedAttribute);
        Assert.False(reading.Has(Act.AskPrice));
    }

    [Theory]
    [InlineData("ما الذي في طلبي حتى الآن؟")]
    [InlineData("ماذا في طلبي؟")]
    public void AnMsaQuestionAboutTheOrderShowsIt(string text) =>
        Assert.Equal([Act.ShowOrder], Read.Message(text).Acts);

    [Theory]
    [InlineData("وأين يقع متجركم؟")]
    [InlineData("فين محلكم؟")]
    public void WhereIsYourShopIsALocationQuestion(string text) =>
        Assert.Equal(StoreTopic.Location, Read.Message(text).Topic);

    [Theory]
    [InlineData("and if I order today, when would it reach me in Dubai?")]
    [InlineData("when would it arrive?")]
    public void WhenWouldItReachMeIsADeliveryQuestionNotAnOrder(string text)
    {
        var reading = Read.Message(text);

        Assert.Equal(StoreTopic.Delivery, reading.Topic);
        Assert.False(reading.Has(Act.Buy));
    }

    [Theory]
    [InlineData("تركبون لاصقة الشاشة عندكم في المحل؟")]
    [InlineData("Do you take old phones as a trade-in?")]
    [InlineData("Does the power bank come with a warranty?")]
    [InlineData("عليه ضمان؟")]
    public void AServiceBeyondTheFiveTopicsIsAShopQuestionWithoutATopic(string text)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.StoreQuestion));
        Assert.Null(reading.Topic);
    }

    [Fact]
    public void AServiceWordBeforeATopicLeavesTheTopic() =>
        Assert.Equal(StoreTopic.Payment, Read.Message("do you offer cash on delivery?").Topic);

    [Theory]
    [InlineData("actually cancel the whole order")]
    [InlineData("cancel my entire order")]
    public void CancellingTheWholeOrderCancelsIt(string text)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.Cancel));
        Assert.False(reading.Has(Act.Remove));
    }

    [Theory]
    [InlineData("وزيد معها شاحن ٢٠ واط", "شاحن 20 واط")]
    [InlineData("and a 20W charger as well", "20w charger")]
    public void MoreOfAProductNamedWithNoNumberAddsThatProduct(string text, string query)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.Buy));
        Assert.False(reading.Has(Act.ChangeQuantity));
        Assert.Equal(query, reading.ProductQuery);
    }

    [Theory]
    [InlineData("زيد ٢", 2)]
    [InlineData("زيد", 1)]
    public void MoreWithoutAProductStillChangesTheQuantity(string text, int step) =>
        Assert.Equal(step, Read.Message(text).QuantityDelta);

    [Theory]
    [InlineData("طب فيه لون تاني؟")]
    [InlineData("فيني ادفع كاش لما يوصلني الطلب؟")]
    public void ConnectivesAreNotProductWords(string text) =>
        Assert.Equal("", Read.Message(text).ProductQuery);

    [Fact]
    public void PayingOnArrivalIsAPaymentQuestion() =>
        Assert.Equal(StoreTopic.Payment, Read.Message("فيني ادفع كاش لما يوصلني الطلب؟").Topic);

    [Theory]
    [InlineData("عايزة طقم ولادي تلاتة سنين", "3", null)]
    [InlineData("ابي ٢ بيجامة ٥ سنوات", "5", 2)]
    [InlineData("do you have it for 3 years?", "3", null)]
    public void AChildsAgeIsASizeNotAQuantity(string text, string size, int? quantity)
    {
        var reading = Read.Message(text);

        Assert.Equal([size], reading.Sizes);
        Assert.Equal(quantity, reading.Quantity);
    }

    [Theory]
    [InlineData("my name's Layla", "Layla")]
    [InlineData("it's for Ahmed Saleh", "Ahmed Saleh")]
    public void ANameIsStoredWithoutItsLeadIn(string text, string name) =>
        Assert.Equal(name, Read.Message(text, Awaiting.Name).Name);

    [Fact]
    public void AnAddressIsStoredWithoutMyHouseIsIn() =>
        Assert.Equal("الشارقة، النهدة، بناية 5", Read.Message("بيتي في الشارقة، النهدة، بناية 5", Awaiting.Address).Address);

    [Theory]
    [InlineData("thank u so much ❤️")]
    [InlineData("thank you very much")]
    public void WarmThanksAreCourtesyWithNothingToSearch(string text)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.Courtesy));
        Assert.Equal("", reading.ProductQuery);
    }

    [Theory]
    [InlineData("كم سعر الواحد؟")]
    [InlineData("how much each?")]
    public void ThePriceOfOneAsksAboutTheProductJustShown(string text)
    {
        var reading = Read.Message(text);

        Assert.True(reading.Has(Act.AskPrice));
        Assert.Equal("", reading.ProductQuery);
    }

    [Theory]
    [InlineData("is there a discount?")]
    [InlineData("فيه عروض؟")]
    public void ADiscountIsAShopQuestion(string text) =>
        Assert.True(Read.Message(text).Has(Act.StoreQuestion));

    [Fact]
    public void IsItOriginalAsksAboutTheProduct() =>
        Assert.Equal(ProductAttribute.Material, Read.Message("هل هو أصلي؟").AskedAttribute);

    [Fact]
    public void WheresTheShopIsALocationQuestion() =>
        Assert.Equal(StoreTopic.Location, Read.Message("and where's the shop?").Topic);

    [Fact]
    public void DoTheyComeInOtherColoursAsksForAlternativesOfWhatWasShown()
    {
        var reading = Read.Message("do they come in other colours?");

        Assert.True(reading.Has(Act.AskAlternatives));
        Assert.Equal("", reading.ProductQuery);
    }
}
