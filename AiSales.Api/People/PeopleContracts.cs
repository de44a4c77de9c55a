using System.Net.Mail;
using AiSales.Api.Security;

namespace AiSales.Api.People;

public static class Roles
{
    public const string Owner = "owner";
    public const string Staff = "staff";

    public static readonly string[] All = [Owner, Staff];
}

public sealed record InviteLink(string Url, DateTimeOffset ExpiresAt);

/// <summary>A console user; <c>state</c> is <c>invited</c> until a password is set, then <c>active</c>.</summary>
public sealed record MerchantUserView(Guid Id, string Email, string Role, string State, DateTimeOffset CreatedAt);

public sealed record InvitedUser(Guid Id, string Email, string Role, InviteLink Invite);

public sealed record InviteUserRequest(string? Email, string? Role);

public sealed record AcceptInviteRequest(string? Token, string? Password);

public sealed record CheckInviteRequest(string? Token);

public sealed record AcceptedInvite(string Email);

public sealed record SignInRequest(string? Email, string? Password);

/// <summary>The signed-in person; <c>language</c> is their console language (<c>en</c>, <c>ar</c>), null until they choose one.</summary>
public sealed record SignedInUser(Guid Id, string Email, string Role, Guid MerchantId, string MerchantName, string? Language);

public sealed record MeRequest(string? Language);

public sealed record SignInResponse(string Token, DateTimeOffset ExpiresAt, SignedInUser User);

public static class PeopleValidation
{
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;

    /// <summary>A plain address (no display name), trimmed; comparisons ignore case.</summary>
    public static string Email(this FieldErrors errors, string field, string? value, bool required = true)
    {
        var email = errors.Text(field, value, 254, required);
        if (email.Length > 0 && (!MailAddress.TryCreate(email, out var address) || address.Address != email || email.Contains(' ')))
        {
            errors.Add(field, "is not an email address.");
        }

        return email;
    }

    /// <summary>Length only, as NIST SP 800-63B advises; never trimmed, never echoed.</summary>
    public static string Password(this FieldErrors errors, string field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, "is required.");
            return "";
        }

        if (value.Length < MinPasswordLength)
        {
            errors.Add(field, $"must be at least {MinPasswordLength} characters.");
        }
        else if (value.Length > MaxPasswordLength)
        {
            errors.Add(field, $"must be at most {MaxPasswordLength} characters.");
        }

        return value;
    }
}
