using AiSales.Web.Api;
using Microsoft.AspNetCore.Components;

namespace AiSales.Web.Assistant;

/// <summary>What the assistant would answer (POST /api/merchant/ai-config/try), never sent to anyone.</summary>
public sealed record AssistantTrial(Guid Id, string State, string Text, string? Reply, string? Language, string? HandoffReason, string? Error);

/// <summary>
/// POST /api/merchant/ai-config/try. Its own client without the service defaults' retry and 10 s attempt timeout: the
/// API waits up to 30 s for the agent, and a retried POST would ask the assistant twice.
/// </summary>
public sealed class AssistantTrialClient(HttpClient http, ApiSession session, NavigationManager navigation)
    : MerchantApiClient(http, session, navigation)
{
    public Task<ApiResult<AssistantTrial>> TryAsync(string? text, CancellationToken cancellationToken = default) =>
        SendAsync<AssistantTrial>(HttpMethod.Post, "/api/merchant/ai-config/try", new { text }, cancellationToken);

    /// <summary>No answer here is most often the assistant still thinking when this client's timeout ends.</summary>
    protected override ApiProblem NoAnswer() => ApiProblem.Unavailable("The assistant did not answer in time.");
}
