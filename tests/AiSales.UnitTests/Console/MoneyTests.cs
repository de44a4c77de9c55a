using System.Globalization;
using AiSales.Web.Localization;
using AiSales.Web.Overview;

namespace AiSales.UnitTests.Console;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(120.5, "SAR", "120.50 SAR")]
    [InlineData(120, "AED", "120.00 AED")]
    [InlineData(120.5, "KWD", "120.500 KWD")]
    [InlineData(4.125, "JOD", "4.125 JOD")]
    [InlineData(1, "BHD", "1.000 BHD")]
    [InlineData(12.3, "OMR", "12.300 OMR")]
    [InlineData(25000, "IQD", "25,000 IQD")]
    [InlineData(1500, "JPY", "1,500 JPY")]
    [InlineData(1250.5, "KWD", "1,250.500 KWD")]
    [InlineData(1234567.891, "USD", "1,234,567.891 USD")] // more decimals than the currency has: kept, never rounded
    [InlineData(12.5, "IQD", "12.5 IQD")]
    [InlineData(0, "SAR", "0.00 SAR")]
    [InlineData(-5.5, "SAR", "-5.50 SAR")]
    [InlineData(9.99, "sar", "9.99 SAR")]
    [InlineData(9.99, " kwd ", "9.990 KWD")]
    public void AnAmountHasItsCurrencysDecimalsAndItsCode(double amount, string currency, string shown) =>
        Assert.Equal(shown, Money.Format((decimal)amount, currency));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("XYZ")]
    public void WithoutAKnownCurrencyAnAmountHasTwoDecimals(string? currency) =>
        Assert.Equal("7.50", Money.Amount(7.5m, currency));

    [Fact]
    public void WithoutACurrencyTheAmountStandsAlone() => Assert.Equal("7.50", Money.Format(7.5m, null));

    [Theory]
    [InlineData("KWD", 3)]
    [InlineData("JOD", 3)]
    [InlineData("BHD", 3)]
    [InlineData("OMR", 3)]
    [InlineData("IQD", 0)]
    [InlineData("SAR", 2)]
    [InlineData("AED", 2)]
    [InlineData("EGP", 2)]
    [InlineData("USD", 2)]
    public void EachCurrencyHasItsOwnDecimals(string currency, int decimals) => Assert.Equal(decimals, Money.DecimalsOf(currency));

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    [InlineData("ar-KW")]
    [InlineData("fr")]
    public void AnAmountReadsTheSameWhateverTheCulture(string culture)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

            Assert.Equal("1,250.500 KWD", Money.Format(1250.5m, "KWD"));
            Assert.Equal("120.50", OverviewSeries.Format(120.5m, OverviewUnit.Money, CultureInfo.CurrentCulture, "SAR"));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    [Fact]
    public void AnAmountIsNeverRounded()
    {
        foreach (var amount in new[] { 0.001m, 0.005m, 0.0049m, 99_999_999_999.999m, 1.1m, 2.25m, 10.125m })
        {
            foreach (var currency in new[] { "SAR", "KWD", "IQD", "JPY" })
            {
                Assert.Equal(amount, decimal.Parse(Money.Amount(amount, currency), NumberStyles.Number, CultureInfo.InvariantCulture));
            }
        }
    }
}
