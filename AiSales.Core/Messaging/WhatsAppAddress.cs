namespace AiSales.Core.Messaging;

/// <summary>
/// How a WhatsApp customer is addressed. Usually the phone number (wa_id, digits only); a user who adopted a username
/// may be known only by a business-scoped user id (BSUID, "SA.1234…": country code, a period, alphanumerics), which
/// then keys the customer and the conversation in the same column. The two never collide: a phone has no period.
/// </summary>
public static class WhatsAppAddress
{
    public static bool IsBusinessScopedUserId(string address) => address.Contains('.', StringComparison.Ordinal);

    /// <summary>The send API field for this address: <c>to</c> for a phone number, <c>recipient</c> for a BSUID.</summary>
    public static string SendField(string address) => IsBusinessScopedUserId(address) ? "recipient" : "to";
}
