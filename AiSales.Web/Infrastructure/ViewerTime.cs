namespace AiSales.Web.Infrastructure;

/// <summary>
/// Times as the person at the screen reads them: in their browser's time zone (wwwroot/timezone.js keeps its IANA name
/// in a cookie; App.razor passes it to the page's circuit), not the server's. An unknown or missing zone is UTC.
/// </summary>
public sealed class ViewerTime
{
    public const string Cookie = "aisales-tz";

    private TimeZoneInfo _zone = TimeZoneInfo.Utc;

    /// <summary>The zone named by the browser (untrusted: anything that is not a known zone id leaves UTC).</summary>
    public void Use(string? zoneId)
    {
        if (zoneId is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            _zone = zone;
        }
    }

    public DateTimeOffset Local(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, _zone);
}
