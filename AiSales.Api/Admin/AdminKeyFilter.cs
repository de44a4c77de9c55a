using System.Security.Cryptography;
using System.Text;

namespace AiSales.Api.Admin;

/// <summary>Admin routes take <c>X-Admin-Key</c>, compared in fixed time with <c>Admin__ApiKey</c>.</summary>
public sealed class AdminKeyFilter(IConfiguration configuration) : IEndpointFilter
{
    public const string HeaderName = "X-Admin-Key";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = configuration["Admin:ApiKey"];
        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(expected) || !FixedTimeEquals(presented, expected))
        {
            return ValueTask.FromResult<object?>(TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Admin key required",
                detail: $"Send the operator key in the {HeaderName} header."));
        }

        return next(context);
    }

    private static bool FixedTimeEquals(string presented, string expected)
    {
        // Hashing first makes the comparison independent of both lengths.
        var a = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var b = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
