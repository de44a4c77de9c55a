using Microsoft.AspNetCore.Components;

namespace AiSales.Web.Components.Shared;

/// <summary>
/// A component that skips the render its parent asks for when what it shows did not change (<see cref="Shown"/>,
/// compared by value: the console's rows are records). A live event re-renders the inbox; with this, only the row or
/// bubble it changed is drawn again and sent to the browser, not every row of every open page. The component's own
/// events (typing, a click) still render it.
/// </summary>
public abstract class RendersOnChange : ComponentBase
{
    private object? _shown;
    private bool _unchanged;

    /// <summary>What the component draws from its parameters, e.g. <c>(Message, Selected)</c>.</summary>
    protected abstract object Shown { get; }

    protected override void OnParametersSet()
    {
        var shown = Shown;
        _unchanged = Equals(shown, _shown);
        _shown = shown;
    }

    // One skip per unchanged parameter set: ComponentBase asks right after OnParametersSet, so a later own event renders.
    protected override bool ShouldRender()
    {
        var render = !_unchanged;
        _unchanged = false;
        return render;
    }

    // A render already queued when the parameters came (ShouldRender not asked) also ends the skip.
    protected override void OnAfterRender(bool firstRender) => _unchanged = false;
}
