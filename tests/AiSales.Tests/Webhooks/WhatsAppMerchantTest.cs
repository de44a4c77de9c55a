using Npgsql;
using static AiSales.Tests.Webhooks.WebhookTestClient;
using static AiSales.Tests.Webhooks.WebhookTestData;

namespace AiSales.Tests.Webhooks;

/// <summary>A fresh merchant with a WhatsApp number and a customer number for each test, through the AppHost fixture.</summary>
public abstract class WhatsAppMerchantTest(AppHostFixture fixture) : IAsyncLifetime
{
    protected NpgsqlDataSource Db { get; private set; } = null!;

    protected HttpClient Api { get; private set; } = null!;

    /// <summary>The merchant's WhatsApp phone_number_id.</summary>
    protected string PhoneNumberId { get; private set; } = "";

    /// <summary>A customer's WhatsApp number.</summary>
    protected string Customer { get; private set; } = "";

    protected Guid MerchantId { get; private set; }

    protected AppHostFixture AppHost { get; } = fixture;

    public async Task InitializeAsync()
    {
        Db = AppHost.CreateDataSource();
        Api = AppHost.CreateHttpClient("api");
        PhoneNumberId = NewNumericId();
        Customer = NewNumericId(11);
        MerchantId = await CreateMerchantWithChannelAsync(Db, "whatsapp", PhoneNumberId);
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await Db.DisposeAsync();
    }

    protected Dictionary<string, string> Ids(params (string From, string To)[] more) => WhatsAppFixtureIds(PhoneNumberId, Customer, more);
}
