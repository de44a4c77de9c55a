using System.Net;
using AiSales.AiAgent.Agent;
using AiSales.AiAgent.Trials;
using Npgsql;

namespace AiSales.UnitTests.Trials;

/// <summary>What the merchant reads when a trial fails: the kind of failure, never the exception's own message.</summary>
public sealed class TrialFailureTests
{
    [Fact]
    public void ATimeoutSaysTheModelDidNotAnswerInTime() =>
        Assert.Equal("the model did not answer in time", TrialFailure.Describe(new TaskCanceledException()));

    [Fact]
    public void AProviderErrorGivesItsStatusOnly() =>
        Assert.Equal("the model provider answered 429",
            TrialFailure.Describe(new Microsoft.SemanticKernel.HttpOperationException(HttpStatusCode.TooManyRequests, "body with sk-secret", "m", null)));

    [Fact]
    public void AFailedToolNamesNoStatement() =>
        Assert.Equal("a tool failed: the database did not answer", TrialFailure.Describe(new ToolFailedException(new NpgsqlException("SELECT secret"))));

    [Fact]
    public void AnythingElseGivesOnlyItsType()
    {
        var described = TrialFailure.Describe(new InvalidOperationException("token sk-123 leaked"));

        Assert.Equal("the assistant failed (InvalidOperationException)", described);
        Assert.DoesNotContain("sk-123", described);
    }
}
