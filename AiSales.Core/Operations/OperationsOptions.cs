namespace AiSales.Core.Operations;

/// <summary>Settings under <c>Operations</c>.</summary>
public sealed class OperationsOptions
{
    /// <summary>How often the operations gauges are re-read from PostgreSQL (<c>Operations__SampleInterval</c>).</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(30);
}
