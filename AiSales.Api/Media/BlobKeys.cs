namespace AiSales.Api.Media;

/// <summary>The blob key of a file: made of two ids only, so it can never climb out of its folder or container.</summary>
public static class BlobKeys
{
    public static string For(Guid merchantId, Guid mediaId) => $"{merchantId:N}/{mediaId:N}";

    public static bool IsValid(string key)
    {
        var parts = key.Split('/');
        return parts.Length == 2 && parts.All(p => p.Length == 32 && Guid.TryParseExact(p, "N", out _));
    }
}
