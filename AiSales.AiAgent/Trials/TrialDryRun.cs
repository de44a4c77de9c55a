using AiSales.AiAgent.Agent;
using AiSales.AiAgent.Agent.Offline.Dialogue;
using AiSales.AiAgent.Agent.Turns;
using AiSales.Core.Messaging;
using AiSales.Core.Trials;
using Npgsql;

namespace AiSales.AiAgent.Trials;

/// <summary>
/// Asks the sales agent a merchant's sample message as if a new WhatsApp customer had written it: the same prompt,
/// settings, faq, catalogue and tools as a real turn, but everything runs inside one transaction that is rolled back.
/// The throwaway customer and conversation the tools need, a draft order, a handoff: none of it is ever committed, so
/// nothing is sent, stored as a conversation, counted in the stats, or taken from stock, and no NOTIFY leaves it.
/// Unlike a real turn it holds its connection while the model thinks: trials are few (rate-limited per merchant,
/// MaxConcurrent per process) and the transaction only holds locks on its own new rows.
/// </summary>
public sealed class TrialDryRun(NpgsqlDataSource dataSource, SalesAgent agent)
{
    // A stuck agent cannot keep the transaction open longer than anyone waits for the answer.
    private const string SandboxSql = """
        SET LOCAL statement_timeout = '10s';
        SET LOCAL lock_timeout = '2s';
        SET LOCAL idle_in_transaction_session_timeout = '60s';
        """;

    private const string CustomerSql = """
        WITH customer AS (
            INSERT INTO customers (merchant_id, platform, phone, display_name) VALUES ($1, $2, $3, 'Trial') RETURNING id)
        INSERT INTO conversations (merchant_id, customer_id, platform, customer_phone, last_customer_message_at)
        SELECT $1, id, $2, $3, now() FROM customer
        RETURNING id, customer_id
        """;

    public async Task<TrialAnswer> AnswerAsync(TrialRequest trial, MerchantProfile merchant, CancellationToken cancellationToken)
    {
        var language = TurnPolicy.ReplyLanguage(merchant.Language, [trial.Text], []);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using (var sandbox = new NpgsqlCommand(SandboxSql, connection))
            {
                await sandbox.ExecuteNonQueryAsync(cancellationToken);
            }

            var (conversationId, customerId) = await OpenSandboxConversationAsync(connection, trial, cancellationToken);
            var turn = new AgentTurn(dataSource)
            {
                MerchantId = trial.MerchantId,
                ConversationId = conversationId,
                CustomerId = customerId,
                Platform = Platforms.WhatsApp,
                DryRun = connection,
            };
            var answer = await agent.ReplyAsync(turn, merchant, language, [], [trial.Text], DialogueState.Empty, cancellationToken);
            if (answer.Text.Length == 0 && turn.HandoffReason is null)
            {
                throw new InvalidOperationException("The assistant gave an empty answer.");
            }

            return new TrialAnswer(answer.Text, language, turn.HandoffReason);
        }
        finally
        {
            // Never committed, whatever happened (a broken connection rolls back by itself).
            try
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
            }
        }
    }

    private static async Task<(Guid ConversationId, Guid CustomerId)> OpenSandboxConversationAsync(
        NpgsqlConnection connection, TrialRequest trial, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(CustomerSql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = trial.MerchantId });
        command.Parameters.Add(new NpgsqlParameter { Value = Platforms.WhatsApp });
        command.Parameters.Add(new NpgsqlParameter { Value = $"trial-{trial.Id:N}" });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetGuid(0), reader.GetGuid(1));
    }
}
