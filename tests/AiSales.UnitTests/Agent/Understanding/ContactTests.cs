using AiSales.AiAgent.Agent.Offline.Understanding;

namespace AiSales.UnitTests.Agent.Understanding;

public sealed class ContactTests
{
    [Theory]
    [InlineData("اسمي نورة", "نورة")]
    [InlineData("إسمي نورة العتيبي", "نورة العتيبي")]
    [InlineData("الاسم محمد", "محمد")]
    [InlineData("الاسم: محمد أحمد", "محمد أحمد")]
    [InlineData("my name is John Smith", "John Smith")]
    [InlineData("Name: Sara", "Sara")]
    [InlineData("اسمي نورة شكرا", "نورة")]
    [InlineData("ismi Noura", "Noura")]
    [InlineData("سميتي فاطمة الزهراء", "فاطمة الزهراء")]
    public void ReadsANameAfterALeadIn(string text, string name)
    {
        var reading = Read.Message(text);
        Assert.Equal(name, reading.Name);
        Assert.True(reading.Has(Act.GiveName));
        Assert.Equal("", reading.ProductQuery);
    }

    [Theory]
    [InlineData("نورة", "نورة")]
    [InlineData("محمد العتيبي", "محمد العتيبي")]
    [InlineData("انا نورة", "نورة")]
    [InlineData("John", "John")]
    [InlineData("I'm Sara", "Sara")]
    [InlineData("عبد الله", "عبد الله")]
    [InlineData("نورة 🌹", "نورة")]
    public void ReadsABareNameWhenANameWasAsked(string text, string name)
    {
        var reading = Read.Message(text, Awaiting.Name);
        Assert.Equal(name, reading.Name);
        Assert.True(reading.Has(Act.GiveName), Read.Describe(reading));
        Assert.False(reading.Has(Act.Buy));
    }

    [Theory]
    [InlineData("العنوان: الرياض حي النرجس", "الرياض حي النرجس")]
    [InlineData("عنواني جدة، حي الروضة، شارع الأمير سلطان", "جدة، حي الروضة، شارع الأمير سلطان")]
    [InlineData("my address is 12 King Road, Dubai", "12 King Road, Dubai")]
    [InlineData("address: Riyadh, Olaya st", "Riyadh, Olaya st")]
    [InlineData("ساكن في الدمام حي الشاطئ", "الدمام حي الشاطئ")]
    public void ReadsAnAddressAfterALeadIn(string text, string address)
    {
        var reading = Read.Message(text);
        Assert.Equal(address, reading.Address);
        Assert.True(reading.Has(Act.GiveAddress));
        Assert.Empty(reading.Colours);
    }

    [Theory]
    [InlineData("الرياض حي النرجس شارع 15", "الرياض حي النرجس شارع 15")]
    [InlineData("جدة - حي الصفا", "جدة - حي الصفا")]
    [InlineData("Dubai Marina, building 4", "Dubai Marina, building 4")]
    [InlineData("الدار البيضاء، المعاريف", "الدار البيضاء، المعاريف")]
    public void ReadsABareAddressWhenAnAddressWasAsked(string text, string address)
    {
        var reading = Read.Message(text, Awaiting.Address);
        Assert.Equal(address, reading.Address);
        Assert.True(reading.Has(Act.GiveAddress), Read.Describe(reading));
        Assert.Null(reading.Quantity);
        Assert.Empty(reading.Colours);
    }

    [Theory]
    [InlineData("رقمي 0501234567", "0501234567")]
    [InlineData("جوالي ٠٥٠١٢٣٤٥٦٧", "0501234567")]
    [InlineData("رقم الجوال: +966 50 123 4567", "+966501234567")]
    [InlineData("my number is 050-123-4567", "0501234567")]
    [InlineData("phone: +971 55 1234567", "+971551234567")]
    [InlineData("0501234567", "0501234567")]
    [InlineData("+966501234567", "+966501234567")]
    public void ReadsAPhone(string text, string phone)
    {
        var reading = Read.Message(text);
        Assert.Equal(phone, reading.Phone);
        Assert.True(reading.Has(Act.GivePhone));
        Assert.Null(reading.Quantity);
        Assert.Empty(reading.Sizes);
    }

    [Theory]
    [InlineData("1234567", "1234567")]
    [InlineData("٥٥٥ ١٢٣٤", "5551234")]
    public void AShortNumberIsAPhoneWhenAPhoneWasAsked(string text, string phone) => Assert.Equal(phone, Read.Message(text, Awaiting.Phone).Phone);

    [Fact]
    public void AShortNumberNobodyAskedForIsNotAPhone() => Assert.Null(Read.Message("1234567").Phone);

    [Theory]
    [InlineData("اسمي نورة\nالعنوان الرياض حي النرجس\nجوالي 0501234567")]
    [InlineData("الاسم: نورة\nالعنوان: الرياض حي النرجس\nالجوال: 0501234567")]
    [InlineData("اسمي نورة، العنوان الرياض حي النرجس، رقمي 0501234567")]
    public void ReadsAllThreeDetailsWithLeadIns(string text)
    {
        var reading = Read.Message(text);
        Assert.Equal("نورة", reading.Name);
        Assert.Equal("الرياض حي النرجس", reading.Address?.TrimEnd('،'));
        Assert.Equal("0501234567", reading.Phone);
        Assert.True(reading.Has(Act.GiveName) && reading.Has(Act.GiveAddress) && reading.Has(Act.GivePhone));
    }

    [Theory]
    [InlineData("نورة\nالرياض حي النرجس\n0501234567", Awaiting.Name)]
    [InlineData("نورة\nالرياض حي النرجس\n0501234567", Awaiting.Address)]
    [InlineData("نورة\nالرياض حي النرجس\n0501234567", Awaiting.Nothing)]
    [InlineData("نورة\nالرياض حي النرجس\n٠٥٠١٢٣٤٥٦٧", Awaiting.Phone)]
    public void ReadsAllThreeDetailsOnSeparateLines(string text, Awaiting awaiting)
    {
        var reading = Read.Message(text, awaiting);
        Assert.Equal("نورة", reading.Name);
        Assert.Equal("الرياض حي النرجس", reading.Address);
        Assert.Equal("0501234567", reading.Phone);
    }

    [Fact]
    public void ReadsNameAndAddressSeparatedByACommaWhenANameWasAsked()
    {
        var reading = Read.Message("نورة محمد، الرياض حي النرجس", Awaiting.Name);
        Assert.Equal("نورة محمد", reading.Name);
        Assert.Equal("الرياض حي النرجس", reading.Address);
    }
}
