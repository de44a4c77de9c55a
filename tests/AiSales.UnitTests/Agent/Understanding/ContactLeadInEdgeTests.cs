using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

public sealed class ContactLeadInEdgeTests
{
    [Theory]
    [InlineData("ابي اعرف اسم العطر")]
    [InlineData("what's the name of this perfume")]
    [InlineData("وش العنوان؟")]
    [InlineData("what's your address")]
    [InlineData("do you ship to Dubai")]
    public void ANounThatIsNotIntroducingADetailIsNotOne(string text)
    {
        var reading = Read.Message(text);
        Assert.Null(reading.Name);
        Assert.Null(reading.Address);
    }

    [Theory]
    [InlineData("ابغى اغير العنوان الى جدة حي الصفا", "جدة حي الصفا")]
    [InlineData("change address to Jeddah, Al Safa", "Jeddah, Al Safa")]
    [InlineData("send it to jeddah", null)]
    public void ReadsANewAddress(string text, string? address) => Assert.Equal(address, Read.Message(text).Address);

    [Theory]
    [InlineData("send it to jeddah", "jeddah")]
    [InlineData("deliver to Riyadh, Olaya", "Riyadh, Olaya")]
    [InlineData("التوصيل على الدمام حي الفيصلية", "الدمام حي الفيصلية")]
    public void AWeakLeadInIntroducesAnAddressOnlyWhenOneWasAsked(string text, string address) =>
        Assert.Equal(address, Read.Message(text, Awaiting.Address).Address);

    [Fact]
    public void ANameStopsBeforeTheNextDetail()
    {
        var reading = Read.Message("my name is Ahmed and my number is 0551234567");
        Assert.Equal("Ahmed", reading.Name);
        Assert.Equal("0551234567", reading.Phone);
    }

    [Fact]
    public void AWeakNameLeadInIsNotANameWhenItOrders() => Assert.Null(Read.Message("انا ابغى عطر", Awaiting.Name).Name);
}
