using AiSales.AiAgent.Agent.Attachments;
using AiSales.AiAgent.Agent.Model;
using AiSales.AiAgent.Delivery;
using AiSales.Core.Messaging;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;

namespace AiSales.AiAgent.Agent.Turns;

/// <summary>
/// One turn of one conversation, moving only forward: claim and read (a short transaction), the model and its tools
/// (no connection held meanwhile; the lease renewed), commit under a re-check (a short transaction), then send the
/// reply's first part. A failed try pauses and is retried; the last one ends in the fallback and a handoff.
/// </summary>
public sealed class TurnRunner(
    TurnStore store,
    TurnCommitter committer,
    LeaseKeeper leases,
    TurnGate gate,
    SalesAgent agent,
    NpgsqlDataSource dataSource,
    DeliverySender sender,
    DeliverySignal deliverySignal,
    TypingIndicator typing,
    IServiceProvider services,
    IOptions<AgentOptions> options,
    TimeProvider time,
    ILogger<TurnRunner> logger)
{
    public async Task<TurnResult> RunAsync(Guid conversationId, CancellationToken cancellationToken)
    {
        var turn = await gate.RunAsync(() => store.ClaimAsync(conversationId, cancellationToken), cancellationToken);
        if (turn is null)
        {
            return TurnResult.NotClaimed;
        }

        if (turn.Answer.Count == 0 || turn.WaitsForEarlierEvents)
        {
            await store.ReleaseAsync(conversationId);
            return turn.Answer.Count == 0 ? TurnResult.NothingPending : TurnResult.Waiting;
        }

        var conversation = turn.Conversation;
        if (TurnPolicy.SkipReason(conversation.Guard, time.GetUtcNow()) is { } reason)
        {
            logger.LogInformation("Conversation {ConversationId}: {Count} message(s) not answered ({Reason})", conversationId, turn.Answer.Count, reason);
            await committer.SkipAsync(turn, reason);
            return TurnResult.Skipped;
        }

        // "Seen" and "typing…" for the customer's last message, queued: never delays or fails the reply.
        var typingSignal = conversation.Guard is { CanSendNow: true, Recipient: { } recipient }
            ? typing.Start(new TypingTarget(conversation.MerchantId, conversation.Platform, conversation.Guard.AccountId!, conversation.Guard.Token!,
                recipient, turn.Answer[^1].ExternalId))
            : null;
        var texts = turn.Answer.Select(p => Choices.TapReader.TextOf(p.Payload, p.Text)).OfType<string>().Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        var language = TurnPolicy.ReplyLanguage(conversation.Merchant.Language, texts, turn.History);
        var settings = options.Value;
        var usage = new TurnUsage(conversation.MerchantId, settings.Provider.ToLowerInvariant(), settings.Model ?? settings.Provider);
        var started = time.GetTimestamp();
        using var turnCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var lease = leases.Keep(conversationId, turnCancel);
        try
        {
            var reply = await AnswerAsync(turn, language, texts, usage, turnCancel.Token);
            lease.Dispose();
            usage.Duration = time.GetElapsedTime(started);
            return await gate.RunAsync(() => committer.CommitAsync(turn, reply with { Usage = usage }, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            lease.Dispose();
            usage.Duration = time.GetElapsedTime(started);
            if (lease.Lost)
            {
                // Another instance took the conversation over (this one stalled past the lease): it answers instead.
                return TurnResult.Superseded;
            }

            return await FailAsync(turn, usage, language, ex);
        }
        finally
        {
            lease.Dispose();
            typingSignal?.MarkReplied();
        }
    }

    /// <summary>After the commit: send the part this turn leased, then wake the senders for anything still queued.</summary>
    public async Task DeliverAsync(TurnResult result, CancellationToken cancellationToken)
    {
        if (result.SendNow is { } delivery)
        {
            await sender.SendAsync(delivery, cancellationToken);
        }

        if (result.MoreQueued)
        {
            deliverySignal.Notify();
            await RedisNudge.PublishAsync(services.GetService<IConnectionMultiplexer>(), OutboundQueue.NudgeChannel, "1", logger);
        }
    }

    private async Task<TurnReply> AnswerAsync(TurnSnapshot turn, string language, List<string> texts, TurnUsage usage, CancellationToken cancellationToken)
    {
        var conversation = turn.Conversation;
        if (AttachmentReply.HandsOver(conversation.Merchant.ImageReply, turn.Answer))
        {
            // The merchant wants a person to look at customers' photos (ai-config imageReply).
            return new TurnReply(MessageSplitter.Split(conversation.Platform, AttachmentReply.HandedOver(language)), AttachmentReply.HandoffReason,
                0, usage, conversation.State.ToJson());
        }

        var agentTurn = NewAgentTurn(conversation, turn.Draft);
        usage.MakeCurrent();

        // A WhatsApp cart goes into the draft first, by the order's own rules; the agent then answers any text with it.
        var carts = turn.Answer.Select(p => Carts.Cart.FromPayload(p.Payload)).OfType<Carts.Cart>().ToList();
        Carts.CartResult? carted = null;
        if (carts.Count > 0)
        {
            carted = await Carts.CartApplier.ApplyAsync(agentTurn, new Carts.Cart([.. carts.SelectMany(c => c.Lines)], null), cancellationToken);
            texts = [.. texts, .. carts.Select(c => c.Text).OfType<string>().Where(t => !string.IsNullOrWhiteSpace(t))];
            language = Carts.CartLanguage.Of(language, conversation.Merchant.Language, texts, turn.History, carted);
            agentTurn = NewAgentTurn(conversation, carted.Order);
            agentTurn.Helped = carted.Lines.Any(l => l.Added is not null);
        }

        var say = Offline.Phrases.Phrasebook.For(language);
        AgentAnswer answer;
        if (texts.Count > 0)
        {
            answer = await agent.ReplyAsync(agentTurn, conversation.Merchant, language, turn.History, texts, conversation.State, cancellationToken);
            if (carted is not null)
            {
                answer = answer with { Text = Carts.CartReply.Text(say, carted, conversation.Platform == Platforms.Instagram, withProgress: false) + " " + answer.Text };
            }
        }
        else if (carted is not null)
        {
            answer = new AgentAnswer(Carts.CartReply.Text(say, carted, conversation.Platform == Platforms.Instagram, withProgress: true),
                Offline.Dialogue.DialogueRules.AfterOrder(conversation.State, carted.Order, carted.LastAdded));
        }
        else
        {
            // Nothing to read: a file without a caption. The offline agent cannot see it, so it asks instead of guessing.
            answer = new AgentAnswer(AttachmentReply.AskWhichProduct(language), conversation.State);
        }

        var text = answer.Text;

        var failedTurns = TurnPolicy.FailedTurnsAfter(conversation.FailedTurns, agentTurn.Helped, agentTurn.HandedOff, agentTurn.SearchMissed);
        var handoff = agentTurn.HandoffReason;
        if (failedTurns >= TurnPolicy.FailedTurnsBeforeHandoff && handoff is null)
        {
            // Two turns in a row the agent could not help: hand over rather than keep failing.
            handoff = "The assistant could not help twice in a row";
            text = Offline.Phrases.Phrasebook.For(language).Handoff();
        }

        var parts = string.IsNullOrWhiteSpace(text) ? [] : MessageSplitter.Split(conversation.Platform, text);
        // Buttons, a list or quick replies for what the assistant now waits for, unless the merchant switched them off.
        var offer = handoff is null && conversation.Merchant.InteractiveReplies ? Choices.ChoiceOffer.For(answer.State, language,
            conversation.Platform == Platforms.WhatsApp ? conversation.CatalogId : null) : null;
        return new TurnReply(parts, handoff, handoff is null ? failedTurns : 0, usage, answer.State.ToJson(), offer?.ToJson());
    }

    private AgentTurn NewAgentTurn(TurnConversation conversation, Plugins.OrderView? draft) => new(dataSource)
    {
        MerchantId = conversation.MerchantId,
        ConversationId = conversation.Id,
        CustomerId = conversation.CustomerId,
        Platform = conversation.Platform,
        // A WhatsApp customer known only by a business-scoped user id has no phone: the order asks for one.
        CustomerPhone = conversation.Platform == Platforms.WhatsApp && conversation.Guard.Recipient is { } address
            && !WhatsAppAddress.IsBusinessScopedUserId(address) ? address : null,
        DraftAtStart = draft,
    };

    private async Task<TurnResult> FailAsync(TurnSnapshot turn, TurnUsage usage, string language, Exception ex)
    {
        var conversationId = turn.Conversation.Id;
        var failures = turn.Conversation.TurnFailures + 1;
        var error = TurnErrors.Describe(ex);
        if (TurnPolicy.RetryAfter(failures, options.Value.MaxTurnAttempts) is { } pause)
        {
            logger.LogWarning(ex, "Conversation {ConversationId}: try {Try} of {Max} failed; next try in {Pause}",
                conversationId, failures, options.Value.MaxTurnAttempts, pause);
            await committer.RecordFailureAsync(turn, usage, error, pause);
            TurnTelemetry.Failed(givenUp: false);
            return new TurnResult(TurnOutcome.Failed, RetryAfter: pause);
        }

        // An error event: it reaches Sentry when a DSN is set.
        logger.LogError(ex, "Conversation {ConversationId}: the assistant failed {Tries} times; the customer was told a person will answer",
            conversationId, failures);
        TurnTelemetry.Failed(givenUp: true);
        return await committer.GiveUpAsync(turn, usage, language, error);
    }
}
