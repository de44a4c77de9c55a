namespace AiSales.Api.People;

/// <summary>
/// Console__BaseUrl: where the merchant console (resource <c>web</c>) is reached, for the invite links the API hands
/// out. Console__SessionIdleMinutes / Console__SessionMaxHours: a sign-in token ends after that much idle time, and in
/// any case that many hours after sign-in. Five failed sign-ins lock an account for Console__LockoutMinutes.
/// </summary>
public sealed class ConsoleSettings
{
    public const string Section = "Console";

    public string BaseUrl { get; set; } = "http://localhost:5310";

    public int SessionIdleMinutes { get; set; } = 60;

    public int SessionMaxHours { get; set; } = 12;

    public int InviteHours { get; set; } = 48;

    public int MaxFailedSignIns { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    public string InviteUrl(string token) => $"{BaseUrl.TrimEnd('/')}/accept-invite?token={Uri.EscapeDataString(token)}";
}
