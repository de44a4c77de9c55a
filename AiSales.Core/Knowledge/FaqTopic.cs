namespace AiSales.Core.Knowledge;

/// <summary>
/// A subject customers ask shops about, in the words they use for it across Gulf, Levantine and Egyptian dialects
/// (verbs with their ب too: بتفتحوا، بيوصل), Modern Standard Arabic and English. <see cref="Strong"/> words name the
/// subject on their own; <see cref="Weak"/> words ("where", «وين», "shop") only when two of them meet ("where is your
/// shop"), so "where is my order?" is not a question about the shop's location. Terms are written naturally: they are
/// folded and their article stripped once.
/// </summary>
public sealed record FaqTopic(string Name, IReadOnlyList<string> Strong, IReadOnlyList<string> Weak);
