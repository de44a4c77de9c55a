using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace AiSales.AiAgent.Agent.Model;

/// <summary>
/// The execution settings of a turn's completion with the tools on. A hosted model (Semantic Kernel's OpenAI connector)
/// gets the plugins' tool definitions built once here: with <see cref="FunctionChoiceBehavior"/> the connector rebuilds
/// every function's JSON schema on every request (a tenth of the agent's allocations under load, measured), and turns
/// generic settings into its own through a JSON round trip. The tools, their names and auto-invocation through the
/// kernel's filters are the same either way. The offline model (a Microsoft.Extensions.AI chat client) reads
/// <see cref="FunctionChoiceBehavior"/>.
/// </summary>
public sealed class ToolSettings(IEnumerable<KernelPlugin> plugins)
{
    private readonly ToolCallBehavior _hostedTools = ToolCallBehavior.EnableFunctions(
        plugins.SelectMany(plugin => plugin).Select(function => function.Metadata.ToOpenAIFunction()).ToArray(), autoInvoke: true);

    /// <summary>Settings for a completion by <paramref name="provider"/> (as <see cref="ChatModels.For"/> named it).</summary>
    public PromptExecutionSettings For(string provider) => provider == ChatModels.OfflineKey
        ? new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }
        : new OpenAIPromptExecutionSettings { ToolCallBehavior = _hostedTools };
}
