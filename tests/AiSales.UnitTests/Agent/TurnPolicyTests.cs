using AiSales.AiAgent.Agent;
using AiSales.AiAgent.Agent.Turns;
using AiSales.Core.Security;

namespace AiSales.UnitTests.Agent;

public sealed class TurnPolicyTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static TurnGuard Guard(
        string status = "ai", bool aiEnabled = true, string merchantStatus = "active", bool channel = true, string? recipient = "966500000001",
        TimeSpan? sinceCustomer = null) => new(
        status, aiEnabled, merchantStatus, channel ? Guid.NewGuid() : null, ChannelConnected: channel, AccountId: channel ? "1001" : null,
        channel ? new SealedSecret([1, 2, 3], "k1") : null, recipient, s_now - (sinceCustomer ?? TimeSpan.FromMinutes(1)));

    [Fact]
    public void AnOpenConversationOfTheAiMayBeAnswered() => Assert.Null(TurnPolicy.SkipReason(Guard(), s_now));

    [Theory]
    [InlineData("human", true, "active", true, "a person handles this conversation")]
    [InlineData("ai", false, "active", true, "the merchant turned the AI off")]
    [InlineData("ai", true, "disabled", true, "the merchant is disabled")]
    [InlineData("ai", true, "active", false, "the merchant has no channel for this platform")]
    public void TheAiStaysSilentAndSaysWhy(string status, bool aiEnabled, string merchantStatus, bool channel, string reason) =>
        Assert.Equal(reason, TurnPolicy.SkipReason(Guard(status, aiEnabled, merchantStatus, channel), s_now));

    [Fact]
    public void APersonOutranksEveryOtherReason() =>
        Assert.Equal("a person handles this conversation", TurnPolicy.SkipReason(Guard("human", aiEnabled: false, merchantStatus: "disabled"), s_now));

    [Fact]
    public void ACustomerWithoutAnAddressIsNotAnswered() => Assert.Equal("no recipient", TurnPolicy.SkipReason(Guard(recipient: null), s_now));

    [Theory]
    [InlineData(23.9, null)]
    [InlineData(24.01, "the 24-hour window is closed")]
    [InlineData(200, "the 24-hour window is closed")]
    public void TheAiAnswersOnlyInsideTheTwentyFourHourWindow(double hours, string? reason) =>
        Assert.Equal(reason, TurnPolicy.SkipReason(Guard(sinceCustomer: TimeSpan.FromHours(hours)), s_now));

    [Fact]
    public void AConversationWhoseCustomerNeverWroteIsClosed() =>
        Assert.NotNull(TurnPolicy.SkipReason(Guard() with { LastCustomerMessageAt = null }, s_now));

    [Theory]
    [InlineData("auto", "بكم الحقيبة السوداء؟", "ar")]
    [InlineData("auto", "do you have this in red?", "en")]
    [InlineData("auto", "عندكم in red?", "ar")]
    [InlineData("ar", "do you have this in red?", "ar")]
    [InlineData("en", "بكم الحقيبة؟", "en")]
    public void TheReplyLanguageIsTheMerchantsOrTheCustomers(string merchant, string text, string expected) =>
        Assert.Equal(expected, TurnPolicy.ReplyLanguage(merchant, [text], []));

    [Fact]
    public void AMessageWithoutLettersKeepsTheLanguageOfTheCustomersLastWords()
    {
        var history = new List<HistoryMessage> { new(true, "السلام عليكم"), new(false, "Hello") };

        Assert.Equal("ar", TurnPolicy.ReplyLanguage("auto", ["👍", "0501234567"], history));
        Assert.Equal("en", TurnPolicy.ReplyLanguage("auto", ["👍"], []));
    }

    [Fact]
    public void TheNewestMessageOfATurnDecidesItsLanguage() =>
        Assert.Equal("en", TurnPolicy.ReplyLanguage("auto", ["مرحبا", "actually, in English please"], []));

    [Theory]
    [InlineData(1, 3, 1.0)]
    [InlineData(2, 3, 3.0)]
    [InlineData(3, 3, null)]
    [InlineData(4, 3, null)]
    [InlineData(1, 1, null)]
    [InlineData(4, 10, 27.0)]
    [InlineData(9, 10, 30.0)]
    public void FailedTriesPauseLongerEachTimeThenGiveUp(int failures, int maxAttempts, double? seconds) =>
        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), TurnPolicy.RetryAfter(failures, maxAttempts));

    [Fact]
    public void ThreeTriesGiveUpWithinThirtySecondsOfPauses()
    {
        var pauses = Enumerable.Range(1, 3).Select(f => TurnPolicy.RetryAfter(f, 3)).TakeWhile(p => p is not null).Sum(p => p!.Value.TotalSeconds);

        Assert.True(pauses < 10, $"{pauses} s of pauses");
    }

    [Fact]
    public void TheFallbackIsInTheCustomersLanguageAndPromisesAPerson()
    {
        Assert.Contains("موظفين", TurnPolicy.FallbackText("ar"));
        Assert.Contains("person", TurnPolicy.FallbackText("en"));
        Assert.DoesNotContain("person", TurnPolicy.FallbackText("ar"));
    }

    [Fact]
    public void TheMerchantReadsHowManyTriesFailedAndWhy() =>
        Assert.Equal("The assistant failed 3 time(s) and handed over: the model provider answered 500",
            TurnPolicy.GiveUpReason(3, "the model provider answered 500"));

    [Theory]
    [InlineData(0, false, false, true, 1)]
    [InlineData(1, false, false, true, 2)]
    [InlineData(1, true, false, true, 0)]
    [InlineData(1, false, true, true, 0)]
    [InlineData(1, false, false, false, 0)]
    public void OnlyMissedSearchesThatHelpedNothingCountAsFailedTurns(int before, bool helped, bool handedOff, bool missed, int after) =>
        Assert.Equal(after, TurnPolicy.FailedTurnsAfter(before, helped, handedOff, missed));
}
