namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>The customer details read so far from one message; each field is filled once, the first mention wins.</summary>
internal sealed class Contact
{
    public string? Name { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    /// <summary>True when a detail was taken from text with no lead-in, because it was asked for: then the text is not also an order.</summary>
    public bool TookBareText { get; set; }

    /// <summary>True when another line of the same message does something else ("ابغى شنطة" above the name and phone).</summary>
    public bool OtherLinesAct { get; set; }
}
