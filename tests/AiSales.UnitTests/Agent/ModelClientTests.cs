using System.Net;
using System.Text;
using AiSales.AiAgent.Agent.Model;
using Polly;

namespace AiSales.UnitTests.Agent;

public sealed class ModelClientTests
{
    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.OK, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.Unauthorized, false)]
    public void AnswersThatSayNotNowAreRetried(HttpStatusCode status, bool retried) =>
        Assert.Equal(retried, ModelClientExtensions.MayRetry(Outcome.FromResult(new HttpResponseMessage(status))));

    [Fact]
    public void ACompletionThatMayHaveStartedIsNeverSentAgain()
    {
        Assert.False(ModelClientExtensions.MayRetry(Outcome.FromException<HttpResponseMessage>(new Polly.Timeout.TimeoutRejectedException())));
        Assert.False(ModelClientExtensions.MayRetry(Outcome.FromException<HttpResponseMessage>(new TaskCanceledException())));
        Assert.False(ModelClientExtensions.MayRetry(Outcome.FromException<HttpResponseMessage>(
            new HttpRequestException(HttpRequestError.ResponseEnded, "the connection closed mid-answer"))));
    }

    [Fact]
    public void AProviderThatCouldNotBeReachedIsTriedAgain() =>
        Assert.True(ModelClientExtensions.MayRetry(Outcome.FromException<HttpResponseMessage>(
            new HttpRequestException(HttpRequestError.ConnectionError, "connection refused"))));

    [Fact]
    public void UsageIsReadFromAnOpenAiCompletion()
    {
        var body = """
            {"id":"x","model":"gpt-test-1","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":812,"completion_tokens":37,"total_tokens":849}}
            """;

        var result = ModelUsageHandler.Read(Encoding.UTF8.GetBytes(body));

        Assert.Equal(new ModelCallResult(812, 37, "gpt-test-1", "stop", null), result);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"usage":null,"choices":[]}""")]
    [InlineData("""{"usage":{"prompt_tokens":"many"}}""")]
    [InlineData("not json")]
    public void AnswersWithoutUsableUsageCountZeroTokens(string body)
    {
        var result = ModelUsageHandler.Read(Encoding.UTF8.GetBytes(body));

        Assert.Equal((0, 0), (result.PromptTokens, result.CompletionTokens));
    }

    [Fact]
    public void UsageAddsUpAcrossTheCallsOfOneTurn()
    {
        var usage = new TurnUsage(Guid.NewGuid(), "openai", "m");
        Parallel.For(0, 100, _ => usage.AddModelCall(10, 3));

        Assert.Equal((100, 1000, 300), (usage.ModelCalls, usage.PromptTokens, usage.CompletionTokens));
    }
}
