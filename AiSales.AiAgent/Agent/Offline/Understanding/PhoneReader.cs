namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>A phone number found in a message: its token range and its digits (ASCII, with a leading + when the customer wrote one).</summary>
internal sealed record PhoneNumber(int First, int Last, string Digits);

/// <summary>
/// Finds phone numbers: 7–15 digits written as one run or in groups separated by spaces, dashes, dots or brackets ("+966 50 123 4567",
/// "٠٥٠-١٢٣-٤٥٦٧"). Read first, so a number's groups are never mistaken for quantities, sizes or picks.
/// </summary>
internal static class PhoneReader
{
    public static List<PhoneNumber> Read(MessageTokens message)
    {
        var found = new List<PhoneNumber>();
        for (var i = 0; i < message.Count; i++)
        {
            if (!message.Tokens[i].IsNumber)
            {
                continue;
            }

            var last = i;
            var digits = message.Words[i];
            while (last + 1 < message.Count && message.Tokens[last + 1].IsNumber && OnlyGrouping(message, last)
                   && digits.Length + message.Words[last + 1].Length <= 15)
            {
                last++;
                digits += message.Words[last];
            }

            if (digits.Length is >= 7 and <= 15)
            {
                found.Add(new PhoneNumber(i, last, PlusBefore(message, i) ? "+" + digits : digits));
                message.Take(i, last - i + 1, Claim.Phone);
            }

            i = last;
        }

        return found;
    }

    /// <summary>Number of digits, without the plus.</summary>
    public static int Length(PhoneNumber phone) => phone.Digits.TrimStart('+').Length;

    private static bool OnlyGrouping(MessageTokens message, int i)
    {
        var gap = message.Original.AsSpan(message.Tokens[i].End, message.Tokens[i + 1].Start - message.Tokens[i].End);
        foreach (var c in gap)
        {
            if (c is not (' ' or '-' or '.' or '(' or ')' or '/' or '\u00A0'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool PlusBefore(MessageTokens message, int i)
    {
        var at = message.Tokens[i].Start - 1;
        while (at >= 0 && message.Original[at] is ' ' or '(')
        {
            at--;
        }

        return at >= 0 && message.Original[at] == '+';
    }
}
