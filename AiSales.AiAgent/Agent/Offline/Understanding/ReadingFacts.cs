namespace AiSales.AiAgent.Agent.Offline.Understanding;

/// <summary>What the value readers found, as the cue resolver needs it.</summary>
/// <param name="ContentWords">Tokens no reader claimed: the would-be product query.</param>
/// <param name="NamesProduct">A colour, size or pick was named, so "شيلها السودا" is about a product even with no product word.</param>
internal sealed record ReadingFacts(
    int ContentWords,
    bool NamesProduct,
    int Colours,
    int Sizes,
    IReadOnlyList<StatedQuantity> Quantities,
    bool HandoffKeyword,
    bool CourtesyEmoji,
    int? Pieces = null)
{
    public int? Quantity => Quantities.Count > 0 ? Quantities[0].Value : null;

    /// <summary>The message names something to act on: product words, a colour, a size or a pick.</summary>
    public bool AboutProduct => ContentWords > 0 || NamesProduct;
}
