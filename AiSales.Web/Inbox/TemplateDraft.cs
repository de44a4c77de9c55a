using AiSales.Core.Messaging;

namespace AiSales.Web.Inbox;

/// <summary>
/// The WhatsApp template a person is about to send: one of the approved ones, and its parameters. A template whose body
/// the API returned takes exactly its parameterCount ({{1}} … {{n}}); without a body the count is unknown, so the
/// person adds them (the API checks the count against Meta's list either way).
/// </summary>
public sealed class TemplateDraft
{
    /// <summary>The API's limit.</summary>
    public const int MaxParameters = 20;

    private readonly List<string> _values = [];

    public MessageTemplate? Template { get; private set; }

    public IReadOnlyList<string> Values => _values;

    /// <summary>Whether the body says how many parameters it takes; otherwise the person adds or removes them.</summary>
    public bool CountKnown => Template?.Body is not null;

    public bool CanAdd => Template is not null && !CountKnown && _values.Count < MaxParameters;

    /// <summary>A template chosen and every parameter filled (Meta refuses empty ones).</summary>
    public bool Complete => Template is not null && _values.TrueForAll(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The body as the customer will read it; a parameter not filled yet shows its placeholder.</summary>
    public string? Preview => Template?.Body is { } body
        ? TemplateMessage.Render(body, [.. _values.Select((v, i) => string.IsNullOrWhiteSpace(v) ? $"{{{{{i + 1}}}}}" : v.Trim())])
        : null;

    /// <summary>The approved templates, by name then language: the only ones the API sends.</summary>
    public static List<MessageTemplate> Approved(IEnumerable<MessageTemplate> templates) =>
        [.. templates.Where(t => t.Status == "APPROVED").OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Language, StringComparer.Ordinal)];

    /// <summary>Chooses a template; the values typed so far stay in their places, as many as it takes.</summary>
    public void Choose(MessageTemplate? template)
    {
        Template = template;
        var count = CountKnown ? Math.Min(template!.ParameterCount, MaxParameters) : _values.Count;
        if (_values.Count > count)
        {
            _values.RemoveRange(count, _values.Count - count);
        }

        while (_values.Count < count)
        {
            _values.Add("");
        }
    }

    public void Set(int index, string? value) => _values[index] = value ?? "";

    public void Add()
    {
        if (CanAdd)
        {
            _values.Add("");
        }
    }

    public void RemoveLast()
    {
        if (!CountKnown && _values.Count > 0)
        {
            _values.RemoveAt(_values.Count - 1);
        }
    }

    /// <summary>The parameters as sent: trimmed, in order.</summary>
    public List<string> Parameters() => [.. _values.Select(v => v.Trim())];
}
