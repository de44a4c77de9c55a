using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace AiSales.Api.Security;

/// <summary>The problem details the merchant API answers with, so every error carries a useful detail.</summary>
public static class MerchantApiProblems
{
    /// <summary>A foreign id answers exactly like a missing one: 404, never 403, never data.</summary>
    public static ProblemHttpResult NotFound(string what, object id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Not found",
        detail: $"No {what} with id {id} exists for this merchant.");

    public static ProblemHttpResult Conflict(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static bool IsUniqueViolation(this PostgresException exception, string constraint) =>
        exception.SqlState == PostgresErrorCodes.UniqueViolation && exception.ConstraintName == constraint;
}

/// <summary>Collects field errors; <see cref="ToProblem"/> lists every failing field at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Requires a non-blank string of at most <paramref name="max"/> characters; returns it trimmed.</summary>
    public string Text(string field, string? value, int max, bool required = true, int min = 1)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            if (required)
            {
                Add(field, "is required.");
            }

            return trimmed;
        }

        if (trimmed.Length < min)
        {
            Add(field, $"must be at least {min} characters.");
        }

        if (trimmed.Length > max)
        {
            Add(field, $"must be at most {max} characters.");
        }

        return trimmed;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
        detail: $"Invalid field(s): {string.Join(", ", _errors.Keys)}.",
        title: "The request is not valid");
}
