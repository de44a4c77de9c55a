using AiSales.Web.Components.Shared;
using AiSales.Web.Inbox;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static AiSales.UnitTests.Inbox.InboxRows;

namespace AiSales.UnitTests.Console;

/// <summary>
/// The console's rows and bubbles (<see cref="RendersOnChange"/>) under a parent that renders again, as the inbox does
/// on every live event: drawn again only when what they show changed, and always on their own events.
/// </summary>
public sealed class RendersOnChangeTests
{
    [Fact]
    public async Task AnUnchangedRowIsNotDrawnAgainWhenItsParentRenders()
    {
        var (renderer, log) = await RenderAsync(Message(1, 0));

        await renderer.Dispatcher.InvokeAsync(() => log.Parent!(Message(1, 0))); // an equal record, a new instance

        Assert.Equal(1, log.Renders);
    }

    [Fact]
    public async Task AChangedRowIsDrawnAgain()
    {
        var (renderer, log) = await RenderAsync(Message(1, 0, "outbound", "sent"));

        await renderer.Dispatcher.InvokeAsync(() => log.Parent!(Message(1, 0, "outbound", "read")));

        Assert.Equal(2, log.Renders);
    }

    [Fact]
    public async Task ItsOwnEventDrawsItAfterASkippedParentRender()
    {
        var (renderer, log) = await RenderAsync(Message(1, 0));
        await renderer.Dispatcher.InvokeAsync(() => log.Parent!(Message(1, 0)));

        await renderer.Dispatcher.InvokeAsync(() => log.Row!.OwnEvent());

        Assert.Equal(2, log.Renders);
    }

    private static async Task<(HtmlRenderer Renderer, RenderLog Log)> RenderAsync(Message first)
    {
        var renderer = new HtmlRenderer(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance);
        var log = new RenderLog { Shown = first };
        await renderer.Dispatcher.InvokeAsync(() => renderer.RenderComponentAsync<Parent>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Log"] = log })));
        Assert.Equal(1, log.Renders);
        return (renderer, log);
    }

    private sealed class RenderLog
    {
        public Message? Shown { get; set; }

        public int Renders { get; set; }

        public Action<Message>? Parent { get; set; }

        public Row? Row { get; set; }
    }

    private sealed class Parent : ComponentBase
    {
        [Parameter]
        public RenderLog Log { get; set; } = default!;

        protected override void OnInitialized() => Log.Parent = shown =>
        {
            Log.Shown = shown;
            StateHasChanged();
        };

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<Row>(0);
            builder.AddComponentParameter(1, nameof(Row.Message), Log.Shown);
            builder.AddComponentParameter(2, nameof(Row.Log), Log);
            builder.AddComponentReferenceCapture(3, row => Log.Row = (Row)row);
            builder.CloseComponent();
        }
    }

    private sealed class Row : RendersOnChange
    {
        [Parameter]
        public Message Message { get; set; } = default!;

        [Parameter]
        public RenderLog Log { get; set; } = default!;

        protected override object Shown => Message;

        public void OwnEvent() => StateHasChanged();

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            Log.Renders++;
            builder.AddContent(0, Message.Text);
        }
    }
}
