using System.Security.Claims;
using AiSales.Api.Security;
using AiSales.Core.Trials;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AiSales.Api.AiConfig;

/// <summary>
/// The "try it" box (contract §9): what the assistant would answer a customer's message with the shop's current settings
/// and catalogue. The API only records the question; the agent process answers it with a dry run (nothing sent, stored
/// as a conversation, counted, or taken from stock), and the request waits for that answer.
/// </summary>
public static class AssistantTrialApi
{
    public static RouteGroupBuilder MapAssistantTrialApi(this RouteGroupBuilder config)
    {
        config.MapPost("/try", TryAsync)
            .RequireRateLimiting(AssistantTrialSettings.Policy)
            .WithSummary("Ask the assistant a customer's message as a dry run; waits for the answer (504 after AssistantTrials__WaitSeconds).");
        config.MapGet("/try/{id:guid}", GetAsync).WithSummary("A trial of this merchant's, answered or not.");
        return config;
    }

    private static async Task<Results<Ok<AssistantTrialView>, ValidationProblem, ProblemHttpResult>> TryAsync(
        AssistantTrialRequest request, ClaimsPrincipal user, NpgsqlDataSource db, IOptions<AssistantTrialSettings> settings,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var text = errors.Text("text", request.Text, AssistantTrials.MaxTextLength);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var merchantId = user.MerchantId();
        var id = await AssistantTrialStore.AskAsync(db, merchantId, text, cancellationToken);
        var wait = TimeSpan.FromSeconds(Math.Max(1, settings.Value.WaitSeconds));
        var trial = await AssistantTrialStore.WaitAsync(db, merchantId, id, wait, time, cancellationToken);
        return trial switch
        {
            { State: AssistantTrials.Answered } => TypedResults.Ok(trial),
            { State: AssistantTrials.Failed } => Problem(StatusCodes.Status502BadGateway, "The assistant could not answer",
                $"The assistant could not answer this message: {trial.Error}.", id),
            _ => Problem(StatusCodes.Status504GatewayTimeout, "The assistant did not answer in time",
                $"No answer within {wait.TotalSeconds:0} s; GET /api/merchant/ai-config/try/{id} shows it when it comes.", id),
        };
    }

    private static async Task<Results<Ok<AssistantTrialView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken cancellationToken) =>
        await AssistantTrialStore.FindAsync(db, user.MerchantId(), id, cancellationToken) is { } trial
            ? TypedResults.Ok(trial)
            : MerchantApiProblems.NotFound("trial", id);

    private static ProblemHttpResult Problem(int status, string title, string detail, Guid trialId) => TypedResults.Problem(
        statusCode: status, title: title, detail: detail, extensions: new Dictionary<string, object?> { ["trialId"] = trialId });
}
