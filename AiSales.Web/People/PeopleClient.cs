using AiSales.Web.Api;
using Microsoft.AspNetCore.Components;

namespace AiSales.Web.People;

public sealed record Person(Guid Id, string Email, string Role, string State, DateTimeOffset CreatedAt);

public sealed record InviteLink(string Url, DateTimeOffset ExpiresAt);

public sealed record InvitedPerson(Guid Id, string Email, string Role, InviteLink Invite);

/// <summary>The shop's people: everyone may list them; the API lets only owners invite and remove.</summary>
public sealed class PeopleClient(HttpClient http, ApiSession session, NavigationManager navigation)
    : MerchantApiClient(http, session, navigation)
{
    public Task<ApiResult<List<Person>>> ListAsync(CancellationToken cancellationToken = default) =>
        GetAsync<List<Person>>("/api/merchant/users", cancellationToken);

    public Task<ApiResult<InvitedPerson>> InviteAsync(string? email, string role, CancellationToken cancellationToken = default) =>
        SendAsync<InvitedPerson>(HttpMethod.Post, "/api/merchant/users", new { email, role }, cancellationToken);

    public Task<ApiResult<bool>> RemoveAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync<bool>(HttpMethod.Delete, $"/api/merchant/users/{id}", null, cancellationToken);
}
