using System.Text.Json;
using System.Text.RegularExpressions;

namespace AiSales.Api.Infrastructure;

/// <summary>
/// The detail of a request ASP.NET Core could not bind (a query value that is not a number, a body that is not JSON):
/// what was wrong and where, in the API's words — parameter names, never .NET type names.
/// </summary>
public static partial class BadRequestText
{
    public const string NoBody = "The request has no body; this route expects a JSON body.";

    public static string For(BadHttpRequestException exception)
    {
        if (FindJsonError(exception) is { } json)
        {
            return ForJson("The request body is not the JSON this route expects", json);
        }

        // 'Implicit body inferred for parameter "X request" but no body was provided. Did you mean to use a Service instead?'
        if (exception.Message.Contains("no body was provided", StringComparison.Ordinal)
            || exception.Message.EndsWith("was not provided from body.", StringComparison.Ordinal))
        {
            return NoBody;
        }

        // 'Failed to bind parameter "int limit" from "abc".' → 'Failed to bind parameter 'limit' from "abc".'
        return TypedParameter().Replace(exception.Message, m => $"parameter '{m.Groups["name"].Value}'");
    }

    /// <summary>Where a JSON body went wrong (its path, line and byte), after <paramref name="lead"/>; not the reader's message, which names .NET types.</summary>
    public static string ForJson(string lead, JsonException json)
    {
        var where = json.Path is { Length: > 0 } path ? $" at {path}" : "";
        var line = json.LineNumber is { } n ? $" (line {n + 1}, byte {json.BytePositionInLine + 1})" : "";
        return $"{lead}{where}{line}.";
    }

    private static JsonException? FindJsonError(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    [GeneratedRegex(@"parameter\s""(?:[^""\s]+\s)?(?<name>[^""\s]+)""")]
    private static partial Regex TypedParameter();
}
