namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>
/// What a lexicon phrase signals. Finer than <see cref="Act"/> because some words only count in some places or combinations:
/// "ابغى" is a buy unless the message asks a price, "في" asks availability only at the start, "تمام" confirms only when a
/// confirmation was asked for. <see cref="CueResolver"/> turns cues into acts.
/// </summary>
internal enum Cue
{
    Greeting,
    Courtesy,
    Okay,
    Handoff,
    Want,
    Order,
    Add,
    Price,
    PriceWeak,
    Availability,
    AvailabilityLead,
    AskColour,
    AskSize,
    AskMaterial,
    AskVolume,
    AskAge,
    AskContents,
    Alternatives,
    AlternativeColour,
    AlternativeSize,
    SetQuantity,
    Instead,
    Increase,
    More,
    IncreaseOne,
    Decrease,
    Less,
    DecreaseOne,
    Change,
    Remove,
    Cancel,
    NotWant,
    ShowOrder,
    OrderNoun,
    Confirm,
    ConfirmWeak,
    Deny,
    DenyLead,
    Delivery,
    Returns,
    Payment,
    Hours,
    Location,
    /// <summary>A service beyond the catalogue (gift wrapping, instalments…): a shop question with no topic.</summary>
    Service,
    Filler,
}
